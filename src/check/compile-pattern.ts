// How one pattern of a rule is run (see scanner.ts): which words gate it — the regex runs only on
// a text that holds a word of every gate set — and, when all its matches start with a few words,
// its sticky copy tried only where they start. Every choice here keeps the matches a global scan
// of a gated pattern gave before; they only skip work that cannot find anything.
import type { CompiledPattern, CompiledRule, PinyinTwin, TermPayload } from './compile.ts';
import type { Pattern } from '@eslint-community/regexpp/ast';
import { mandatorySets, parsePattern, patternAnchors } from './pattern-anchors.ts';
import { pinyinTwin, standInsForAutomaton } from './pattern-pinyin.ts';
import { twinPattern } from './pattern-twin.ts';
import { patternStarts } from './pattern-prefixes.ts';
import { stickyOf } from './pattern-sticky.ts';
import { PATTERN_FLAGS } from './schema.ts';
import type { TermIndex } from './terms.ts';

/** Gate sets per pattern: one bit each in the scanner's per-check mask. */
const MAX_GATES = 8;

/** The automaton drops a term that begins or ends with a Latin letter inside a longer Latin word
 *  (terms.ts). Words without such an edge are reported wherever they occur. */
const alwaysReported = (s: string): boolean => !/^[a-z]|[a-z]$/.test(s);

/** Words worth watching for an extra gate: a single Chinese character or digit occurs in nearly
 *  every post (and each occurrence costs the scanner an action); a word or a symbol (%) does not. */
const selective = (s: string): boolean => s.length >= 2 || !/[\p{L}\p{N}]/u.test(s);

const shortest = (words: readonly string[] | undefined): number => (words ? Math.min(...words.map((w) => w.length)) : 0);

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** Compiles a folded pattern source; adds its gate and start words to the automaton, and the
 *  readings its pinyin twin accepts to `syllables`. */
export function compilePattern(source: string, rule: CompiledRule, terms: TermIndex<TermPayload>, syllables: Set<string>): CompiledPattern {
  const ast = parsePattern(source);
  const anchors = patternAnchors(ast);
  const starts = patternStarts(ast);
  // Starts as short as the anchors or longer: fewer candidate positions than the anchors would
  // let through texts (a start like 和 or 可 occurs in most posts; an anchor like 研究所 rarely).
  const byStarts = starts !== undefined && starts.every(alwaysReported) && shortest(starts) >= shortest(anchors);
  const mandatory = mandatorySets(ast);
  const gates: string[][] = [];
  const reach: number[] = [];
  // A gate's reach bounds where matches can start only if the automaton reports every occurrence
  // of its words (pattern-anchors.ts MandatorySet).
  const reachOf = (set: string[]) =>
    set.every(alwaysReported) ? (mandatory.find((m) => sameSet(m.words, set))?.reach ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
  // The best anchor set gates as it always did — except when it is the starts themselves (the
  // tries already look only there). Starts that are not the anchors can be far commoner than they
  // (every digit for (?<![\d.])[1-9][1-9]?折, whose anchor is 折): the gate then spares the tries
  // in every text without the anchor. A word that can go unreported (a Latin edge) keeps the gate
  // too, which keeps that behaviour exactly.
  if (anchors && !(byStarts && anchors.every(alwaysReported) && sameSet(anchors, starts))) {
    gates.push(anchors);
    reach.push(reachOf(anchors));
  }
  // Every other mandatory set of selective, always-reported words: a match needs one of each.
  for (const { words: set } of mandatory) {
    if (gates.length >= MAX_GATES) break;
    if (!set.every((w) => alwaysReported(w) && selective(w))) continue;
    if (gates.some((g) => sameSet(g, set)) || (byStarts && sameSet(set, starts))) continue;
    gates.push(set);
    reach.push(reachOf(set));
  }
  const regex = new RegExp(source, PATTERN_FLAGS);
  const pattern: CompiledPattern = {
    rule,
    regex,
    gates: gates.length,
    reach,
    sticky: byStarts ? stickyOf(regex) : undefined,
    twin: twinOf(source, ast, rule, gates.length, reach, syllables),
  };
  // With a twin, every stand-in form of a gate word goes into the automaton as well: where the
  // twin runs, its matches may hold those forms instead. (Start words need none: a twin is a
  // global scan; see pattern-twin.ts.)
  const withStandIns = (w: string) => (pattern.twin ? [w, ...standInsForAutomaton(w)] : [w]);
  gates.forEach((set, i) => {
    const gate: TermPayload = { kind: 'gate', pattern, set: i };
    for (const w of set) for (const v of withStandIns(w)) terms.add(v, gate);
  });
  if (byStarts) {
    const start: TermPayload = { kind: 'start', pattern };
    for (const w of starts) terms.add(w, start);
  }
  return pattern;
}

/** The pattern's pinyin twin (pattern-pinyin.ts), run instead of it on a text where one of its
 *  readings stands alone. */
function twinOf(source: string, ast: Pattern, rule: CompiledRule, gates: number, reach: readonly number[], syllables: Set<string>): PinyinTwin | undefined {
  const readings = new Set<string>();
  const twinSource = pinyinTwin(source, readings, ast);
  if (twinSource === undefined) return undefined;
  for (const r of readings) syllables.add(r);
  return twinPattern(twinSource, PATTERN_FLAGS, readings, rule, gates, reach);
}
