// R08: a customer's own story used as proof (指南五（五）; 办法第七条第（六）项). A word list cannot
// decide it: "一位姐妹" or "顾客" is testimony only when the sentence reports what she said, showed
// or felt ("分享一位姐妹的体验", "收到顾客的反馈截图", "老顾客王姐说"), not in "已预约的顾客我们会
// 联系改期". And a 前后对比 is a patient comparison only when the text is about a person's looks,
// not about running progress. The words that tell a customer asked, was greeted or was served are
// data (compliance/discourse.yaml, section testimony); this module holds the shape of each test.
import type { Hit } from '../match.ts';
import { insideMatches } from './inside-matches.ts';
import { sentenceWindow } from './sentence.ts';
import type { TESTIMONY_LISTS } from '../schema.ts';
import type { ContextRule } from './types.ts';

/** How far (folded units, within the sentence) the story's words may sit from the customer. */
const REACH = 40;

/** discourse.yaml's testimony section as compiled: each list as one regex alternative, folded. */
export type TestimonySources = Record<(typeof TESTIMONY_LISTS)[number], string>;

/** The lists of discourse.yaml in their fixed shape; matched on the folded text. */
export interface TestimonyRules {
  /** A short customer word opening the text (张女士，) followed by one of these is the greeting. */
  readonly addressed: RegExp;
  /** Someone helped, served or told the customers: 帮200多位顾客, 接待到院顾客, 告诉顾客. */
  readonly served: RegExp;
  /** Right after the customer word: she asks or wants to know, she does not report. */
  readonly asking: RegExp;
  /** Words that hold an evidence word without reporting anyone (情况说明, 说实话, 新闻说): an
   *  evidence hit inside one of them does not count. */
  readonly notEvidence: RegExp;
  /** Words that hold an outcome word but describe a thing, not a person's result (灯光效果,
   *  活动效果, 装修前后): an outcome hit inside one of them does not count. */
  readonly notOutcome: RegExp;
}

export function testimonyRules(l: TestimonySources): TestimonyRules {
  const re = (source: string) => new RegExp(source, 'u');
  return {
    addressed: re(`^(?:${l.greetingMarks})`),
    // …(了)(200多位) right before the customer word.
    served: re(`(?:${l.served})了?(?:[\\d多几百千万余]+[位名个])?$`),
    // 们? (adverb)? (channel)? verb: 顾客们常私信问, 姐妹最常咨询.
    asking: re(`^们?(?:${l.askingAdverbs})?(?:${l.askingChannels})?(?:${l.askingVerbs})`),
    notEvidence: new RegExp(l.notEvidence, 'gu'),
    notOutcome: new RegExp(l.notOutcome, 'gu'),
  };
}

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
    const { addressed, served, asking, notEvidence, notOutcome } = env.discourse.testimony;
    // Words that contain an evidence word but report no one (情况说明, 说实话, 新闻说), and words
    // that hold an outcome word but name a thing's effect (灯光效果, 装修前后).
    const isMasked = insideMatches(env.text, notEvidence);
    const isThing = insideMatches(env.text, notOutcome);
    const out: Hit[] = [];
    for (const h of hits) {
      // A customer who asks is not testifying: "顾客常问的几个问题", "姐妹私信问我防晒".
      if (asking.test(env.text.slice(h.end, h.end + 8))) continue;
      // Addressed, not reported: "张女士，回访一下您的恢复情况"; served, not quoted: "帮200多位顾客约过面诊".
      if (h.start <= 2 && h.end - h.start <= 3 && addressed.test(env.text.slice(h.end, h.end + 2))) continue;
      if (served.test(env.text.slice(Math.max(0, h.start - 8), h.start))) continue;
      const { from, to } = sentenceWindow(env.text, h.start, h.end, REACH);
      // The customer word itself (顾客反馈) may be the evidence; it must not count as its own.
      const said = evidence.within(from, to).some((e) => (e.start >= h.end || e.end <= h.start) && !isMasked(e));
      if (!said) continue;
      const result = outcomes.within(from, to).some((o) => !isThing(o)) || projects.occursIn(from, to);
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
