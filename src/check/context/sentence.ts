// Helpers for context rules whose qualifier may sit a clause or two away from the hit ("张主任从事
// 眼整形25年，手法细腻" — the praise follows a comma): the sentence window itself is clause.ts's, one
// definition of where a sentence ends for every rule.
import { before } from '../clause.ts';

export { sentenceWindow } from '../clause.ts';

const NEGATIONS = ['不', '没', '无', '非', '别', '勿'];
/** Words that start with a negation character but do not negate (不愧是资深专家, 不仅经验丰富). */
const NOT_NEGATING = /不愧|不仅|不但|不止|无比|非常|没得说/g;
/** How far before a word (within its clause) a negation cancels it: 不做任何项目推荐. */
const NEGATION_REACH = 8;

/** Occurrences not negated by 不/没/无… earlier in the same clause (at most NEGATION_REACH units). */
export function affirmed(text: string, spans: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  return spans.filter((s) => {
    const lead = before(text, s.start, NEGATION_REACH).replace(NOT_NEGATING, '');
    return !NEGATIONS.some((n) => lead.includes(n));
  });
}
