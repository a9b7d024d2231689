// R05/R06/R07: words that are claims only when they are about a medical result.
//
// guarantee-object — "保证效果", "包你满意", "效果有保证" are guarantees of efficacy (R05); "明天保证
//   腿酸", "保证充足睡眠", "我能保证的只有一件事" are not. A hit that is a `guarantee-words` word counts
//   when a word of `guarantee-objects` (效果, 安全, 满意, 反弹, 变白 …) is in the same clause, up to
//   BEFORE units before it or AFTER units after it; otherwise it is only a warning. The rule's other
//   hits (无效退款, 立竿见影 …) stand as they are.
// medical-claim — softened claims ("几乎没有恢复期", "风险很小"), comparisons ("比别家好太多") and
//   shares of people ("九成的姐妹") are phrase patterns that also occur in everyday talk ("体重不容易
//   反弹", "这家面馆比别家好吃"). They stand when the text is about a medical project or a claim
//   target (a `medical-projects` word anywhere, or an `aesthetic-terms` word outside the hit itself);
//   otherwise warn.
//   Result and duration phrasings ("瘦了5斤", "白了两个度", "管3年") are stricter: rules whose id ends in
//   "-result" stand only when the text names a medical project or a `treatment-markers` word (做完,
//   术后, 疗程 …), since "跑步一个月瘦了5斤，效果不错" and "度假回来皮肤白了" are not ads.
//   Softened claims ("可以逐步改善", "有助于淡化"; rules whose id ends in "-softened") are at least a
//   warning; they block only in an ad: not in 科普-like text and not next to a disclaimer
//   (`disclaimer-markers`: 个体差异, 因人而异 …).
import { looksLikeScience, type ContextRule } from './types.ts';
import { clauseWindow } from '../clause.ts';
import type { Hit } from '../match.ts';

const BEFORE = 6;
const AFTER = 10;

/** Lexicons whose words mark a text as being about a medical project or a claim. */
const SIGNALS = ['medical-projects', 'aesthetic-terms'];

const warn = (h: Hit): Hit => ({ ...h, severity: 'warn' });

export const guaranteeObject: ContextRule = {
  name: 'guarantee-object',
  lexicons: ['guarantee-words', 'guarantee-objects'],
  apply(_rule, hits, env) {
    const words = env.lexicon('guarantee-words');
    const objects = env.lexicon('guarantee-objects');
    return hits.map((h) => {
      if (!words.within(h.start, h.end).some((w) => w.start === h.start && w.end === h.end)) return h;
      const { from } = clauseWindow(env.text, h.start, h.end, BEFORE);
      const { to } = clauseWindow(env.text, h.start, h.end, AFTER);
      const near = objects.within(from, to).some((o) => o.end <= h.start || o.start >= h.end);
      return near ? h : warn(h);
    });
  },
};

export const medicalClaim: ContextRule = {
  name: 'medical-claim',
  lexicons: [...SIGNALS, 'treatment-markers', 'disclaimer-markers', 'science-markers'],
  apply(rule, hits, env) {
    if (hits.length === 0) return hits;
    if (rule.id.endsWith('-softened') && (looksLikeScience(env) || env.mentions('disclaimer-markers'))) {
      return hits.map(warn);
    }
    if (rule.id.endsWith('-result')) {
      return env.mentions('medical-projects') || env.mentions('treatment-markers') ? hits : hits.map(warn);
    }
    // A project name counts anywhere ("9成做过热玛吉的姐妹"); the other words ("风险", "安全") only
    // outside the hit, since they are often part of the phrase itself ("风险很小").
    if (env.mentions('medical-projects')) return hits;
    const words = env.lexicon('aesthetic-terms').within(0, env.text.length);
    return hits.map((h) => (words.some((w) => w.end <= h.start || w.start >= h.end) ? h : warn(h)));
  },
};
