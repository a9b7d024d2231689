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
import { clauseWindow } from '../clause.ts';
import type { Hit } from '../match.ts';
import type { ContextRule } from './types.ts';

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
  lexicons: SIGNALS,
  apply(_rule, hits, env) {
    if (hits.length === 0) return hits;
    // A project name counts anywhere ("9成做过热玛吉的姐妹"); the other words ("风险", "安全") only
    // outside the hit, since they are often part of the phrase itself ("风险很小").
    if (env.mentions('medical-projects')) return hits;
    const words = env.lexicon('aesthetic-terms').within(0, env.text.length);
    return hits.map((h) => (words.some((w) => w.end <= h.start || w.start >= h.end) ? h : warn(h)));
  },
};
