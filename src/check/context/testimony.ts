// R08: a customer's own story used as proof (指南五（五）; 办法第七条第（六）项). A word list cannot
// decide it: "一位姐妹" or "顾客" is testimony only when the sentence reports what she said, showed
// or felt ("分享一位姐妹的体验", "收到顾客的反馈截图", "老顾客王姐说"), not in "已预约的顾客我们会
// 联系改期". And a 前后对比 is a patient comparison only when the text is about a person's looks,
// not about running progress.
import type { Hit } from '../match.ts';
import { sentenceWindow } from './sentence.ts';
import type { ContextRule } from './types.ts';

/** How far (folded units, within the sentence) the story's words may sit from the customer. */
const REACH = 40;

/** A short customer word opening the text (张女士，) followed by a comma or colon is the greeting. */
const ADDRESSED = /^[,，:：!！~～]/u;
/** Someone helped, served or told the customers: 帮200多位顾客, 接待到院顾客, 告诉顾客. */
const SERVED = /(?:帮|替|陪|接待(?:到院的?)?|告诉|服务好?|照顾好?|回访)了?(?:[\d多几百千万余]+[位名个])?$/u;

/** Right after the customer word (folded text): she asks or wants to know, she does not report. */
const ASKING = /^们?(?:都|也|常|经常|最常|总|总是|总会|会|老|还|在)?(?:私信|留言|来|跑来|在群里|后台)?(?:说想|想问|问|咨询|关心|提问|想知道|想了解|好奇|纠结|担心|搜|在搜|查|反馈最多的)/u;

/**
 * Customer hits stand when the same sentence has a testimony-evidence word (反馈, 评价, 说, 晒,
 * vlog …): block when the sentence also reports a result (testimony-outcomes or a medical
 * project), review when it is about the service only ("顾客反馈说环境很舒服"). Otherwise dropped.
 */
export const testimony: ContextRule = {
  name: 'testimony',
  lexicons: ['testimony-evidence', 'testimony-outcomes', 'medical-projects'],
  apply(_rule, hits, env) {
    if (hits.length === 0) return hits;
    const evidence = env.lexicon('testimony-evidence');
    const outcomes = env.lexicon('testimony-outcomes');
    const projects = env.lexicon('medical-projects');
    const out: Hit[] = [];
    for (const h of hits) {
      // A customer who asks is not testifying: "顾客常问的几个问题", "姐妹私信问我防晒".
      if (ASKING.test(env.text.slice(h.end, h.end + 8))) continue;
      // Addressed, not reported: "张女士，回访一下您的恢复情况"; served, not quoted: "帮200多位顾客约过面诊".
      if (h.start <= 2 && h.end - h.start <= 3 && ADDRESSED.test(env.text.slice(h.end, h.end + 2))) continue;
      if (SERVED.test(env.text.slice(Math.max(0, h.start - 8), h.start))) continue;
      const { from, to } = sentenceWindow(env.text, h.start, h.end, REACH);
      // The customer word itself (顾客反馈) may be the evidence; it must not count as its own.
      const said = evidence.within(from, to).some((e) => e.start >= h.end || e.end <= h.start);
      if (!said) continue;
      const result = outcomes.occursIn(from, to) || projects.occursIn(from, to);
      out.push(result ? h : { ...h, severity: 'review' as const });
    }
    return out;
  },
};

/** Hits count only when the text is about a person's looks (aesthetic-subjects or a medical
 *  project anywhere in the text): "跑步一年的前后对比" or "明星……买了同款T恤" are not ads. */
export const aestheticSubject: ContextRule = {
  name: 'aesthetic-subject',
  lexicons: ['aesthetic-subjects', 'medical-projects'],
  apply(_rule, hits, env) {
    if (hits.length === 0) return hits;
    return env.mentions('aesthetic-subjects') || env.mentions('medical-projects') ? hits : [];
  },
};
