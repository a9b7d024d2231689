// R14: contact details, QR codes and links are fine in an ad that went through review (R15
// covers those); in a text presented as 科普/news/review they turn it into a disguised ad.
import { looksLikeScience, type ContextRule } from './types.ts';

export const disguisedAd: ContextRule = {
  name: 'disguised-ad',
  lexicons: ['science-markers'],
  apply: (_rule, hits, env) => (looksLikeScience(env) ? hits : []),
};
