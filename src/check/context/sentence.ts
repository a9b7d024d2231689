// Helpers for context rules whose qualifier may sit a clause or two away from the hit ("张主任从事
// 眼整形25年，手法细腻" — the praise follows a comma): the sentence window itself is clause.ts's, one
// definition of where a sentence ends for every rule.
// The negation characters and the words that start with one without negating are data
// (compliance/discourse.yaml, section negation).
import { before } from '../clause.ts';
import type { NEGATION_LISTS } from '../schema.ts';
import type { ContextEnv } from './types.ts';

export { sentenceWindow } from '../clause.ts';

/** discourse.yaml's negation section as compiled: each list as one regex alternative, folded. */
export type NegationSources = Record<(typeof NEGATION_LISTS)[number], string>;

/** The lists of discourse.yaml in their fixed shape; matched on the folded text. */
export interface NegationRules {
  /** A negation anywhere in the text before a word: 不/没/无…. */
  readonly negation: RegExp;
  /** Words that start with a negation character but do not negate (不愧是资深专家, 不仅经验丰富);
   *  global, for removing every one of them. */
  readonly notNegating: RegExp;
}

export function negationRules(l: NegationSources): NegationRules {
  return { negation: new RegExp(l.negations, 'u'), notNegating: new RegExp(l.notNegating, 'gu') };
}

/** How far before a word (within its clause) a negation cancels it: 不做任何项目推荐. */
const NEGATION_REACH = 8;

/** Occurrences not negated by 不/没/无… earlier in the same clause (at most NEGATION_REACH units). */
export function affirmed(env: Pick<ContextEnv, 'text' | 'discourse'>, spans: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const { negation, notNegating } = env.discourse.negation;
  return spans.filter((s) => !negation.test(before(env.text, s.start, NEGATION_REACH).replace(notNegating, '')));
}
