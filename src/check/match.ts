// Raw hits on the folded text: running a pattern's regex (over the whole text, or only where its
// first words start) and each hit's pass through its rule's data filters (except /
// unlessPrecededBy / unlessFollowedBy). The automaton pass that decides what runs is scanner.ts.
// Context rules run afterwards (context/), so this module knows nothing about brands or content types.
import type { Severity } from '../domain/types.ts';
import { after, before } from './clause.ts';
import type { CompiledPack, CompiledPattern, CompiledRule } from './compile.ts';
import { insideException } from './exceptions.ts';

export { LexiconHits } from './lexicon-hits.ts';

/** More starts than this in one text and a global scan is cheaper than trying each. */
const MAX_TRIES = 16;

/** A hit in folded-text offsets. Severity starts as the rule's and may be re-graded by context. */
export interface Hit {
  rule: CompiledRule;
  start: number;
  end: number;
  severity: Severity;
}

/** How far (in folded units, within the clause) a negation may sit from the hit it cancels. */
export const NEGATION_REACH = 10;

function negated(text: string, start: number, end: number, rule: CompiledRule): boolean {
  if (rule.unlessPrecededBy.length > 0) {
    const b = before(text, start, NEGATION_REACH);
    if (rule.unlessPrecededBy.some((p) => b.includes(p))) return true;
  }
  if (rule.unlessFollowedBy.length > 0) {
    const a = after(text, end, NEGATION_REACH);
    if (rule.unlessFollowedBy.some((p) => a.includes(p))) return true;
  }
  return false;
}

export function accept(pack: CompiledPack, text: string, rule: CompiledRule, start: number, end: number): boolean {
  return (
    !insideException(text, start, end, rule.except) &&
    !insideException(text, start, end, pack.allow) &&
    !negated(text, start, end, rule)
  );
}

/** Every match of the pattern's regex from `from` on (a global scan). */
export function runPattern(pack: CompiledPack, text: string, pattern: CompiledPattern, hits: Hit[], from = 0): void {
  const { regex: re, rule } = pattern;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // Patterns are validated not to match empty text, but a lookaround-only branch could still
    // yield an empty match somewhere; never loop on it.
    if (end === start) {
      re.lastIndex = start + 1;
      continue;
    }
    if (accept(pack, text, rule, start, end)) hits.push({ rule, start, end, severity: rule.severity });
  }
}

/** The regex tried at each position where one of its first words starts (`starts[lo … hi)`,
 *  sorted here if the scan left them out of order), skipping positions inside the previous
 *  match: the same matches as runPattern (pattern-prefixes.ts). A text with many starts goes to
 *  one global scan from the first start instead — exact too, since no match begins before it —
 *  because each try costs a call. Positions before `from` are skipped: no match can start there
 *  (scanner.ts). A range rather than a subarray: a view per pattern per text is an allocation. */
export function runAtStarts(
  pack: CompiledPack,
  text: string,
  pattern: CompiledPattern,
  starts: Int32Array,
  lo: number,
  hi: number,
  hits: Hit[],
  from = 0,
): void {
  const { rule, sticky } = pattern;
  // The automaton reports words by end position; a longer start word may end after a shorter
  // one that starts later.
  for (let i = lo + 1; i < hi; i++) {
    if (starts[i]! < starts[i - 1]!) {
      starts.subarray(lo, hi).sort();
      break;
    }
  }
  if (!sticky || hi - lo > MAX_TRIES) {
    runPattern(pack, text, pattern, hits, Math.max(starts[lo]!, from));
    return;
  }
  let next = from; // no match starts before `from` (the gates' reach)
  for (let i = lo; i < hi; i++) {
    const at = starts[i]!;
    if (at < next) continue;
    sticky.lastIndex = at;
    // test(), not exec(): a sticky match starts at `at` and ends at lastIndex, so the match
    // array exec() would allocate is not needed.
    if (!sticky.test(text)) continue;
    const end = sticky.lastIndex;
    if (end === at) {
      next = at + 1; // as runPattern: never stop on an empty match
      continue;
    }
    next = end;
    if (accept(pack, text, rule, at, end)) hits.push({ rule, start: at, end, severity: rule.severity });
  }
}
