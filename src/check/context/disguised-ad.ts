// R14: contact details, QR codes and links are fine in an ad that went through review (R15
// covers those); in a text presented as 科普/news/review they turn it into a disguised ad.
// 科普-like: content type knowledge, a science-markers word, or a knowledge format that only this
// rule reads (explanatory questions, Q&A, industry news: knowledge-formats) — R11 keeps the
// narrower science-markers so a doctor named in an ad that asks "为什么选择我们" stays a block.
import { looksLikeScience, type ContextRule } from './types.ts';

export const disguisedAd: ContextRule = {
  name: 'disguised-ad',
  lexicons: ['science-markers', 'knowledge-formats'],
  apply: (_rule, hits, env) => {
    if (hits.length === 0) return hits;
    if (env.ctx.contentType && env.ctx.contentType !== 'knowledge' && !env.mentions('science-markers')) return [];
    return looksLikeScience(env) || env.mentions('knowledge-formats') ? hits : [];
  },
};
