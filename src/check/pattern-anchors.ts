// Pattern gates. A regex in a rule pack only needs to run on a text that contains one of the
// literal strings every match of it must contain — its anchors. The anchors go into the one term
// automaton, so a check reads the text once and runs only the few regexes whose anchors it saw,
// instead of every pattern over every text.
//
// Anchors are derived from the regex itself (parsed with regexpp), so pack editors write plain
// regexes and never maintain anchors by hand. A pattern with no derivable anchor always runs.
import { RegExpParser } from '@eslint-community/regexpp';
import type { Alternative, CharacterClass, Element, Pattern } from '@eslint-community/regexpp/ast';

const parser = new RegExpParser();

/** The regex's syntax tree (flags u): parsed once per pattern and shared by the derivations. */
export const parsePattern = (source: string): Pattern => parser.parsePattern(source, 0, source.length, { unicode: true });

/** Character classes larger than this are not expanded into words (anchors or starts). */
const MAX_CLASS = 16;

/** The characters of a short class of plain characters and small ranges ([甲乙丙], [3-9]), or
 *  undefined (negated, with escapes, empty, or larger than MAX_CLASS). */
export function classChars(el: CharacterClass): string[] | undefined {
  if (el.negate || el.unicodeSets || el.elements.length === 0 || el.elements.length > MAX_CLASS) return undefined;
  const chars: string[] = [];
  for (const c of el.elements) {
    if (c.type === 'Character') chars.push(String.fromCodePoint(c.value));
    else if (c.type === 'CharacterClassRange' && c.max.value - c.min.value < MAX_CLASS) {
      for (let v = c.min.value; v <= c.max.value; v++) chars.push(String.fromCodePoint(v));
    } else return undefined;
    if (chars.length > MAX_CLASS) return undefined;
  }
  return chars;
}

type Anchors = string[];

/** The better of two anchor sets: longer shortest anchor first, then fewer anchors. */
function better(a: Anchors | undefined, b: Anchors | undefined): Anchors | undefined {
  if (!a) return b;
  if (!b) return a;
  const minA = Math.min(...a.map((s) => s.length));
  const minB = Math.min(...b.map((s) => s.length));
  if (minA !== minB) return minA > minB ? a : b;
  return a.length <= b.length ? a : b;
}

function ofAlternatives(alternatives: readonly Alternative[]): Anchors | undefined {
  const all: string[] = [];
  for (const alt of alternatives) {
    const a = ofSequence(alt.elements);
    if (!a) return undefined; // one branch without an anchor can match without any
    all.push(...a);
  }
  return [...new Set(all)];
}

/** Anchors that every match of a single mandatory element contains. */
function ofElement(el: Element): Anchors | undefined {
  switch (el.type) {
    case 'Character':
      return [String.fromCodePoint(el.value)];
    case 'CharacterClass':
      return classChars(el);
    case 'Group':
    case 'CapturingGroup':
      return ofAlternatives(el.alternatives);
    case 'Quantifier':
      return el.min >= 1 ? ofElement(el.element) : undefined;
    default:
      return undefined;
  }
}

function ofSequence(elements: readonly Element[]): Anchors | undefined {
  let best: Anchors | undefined;
  let run = '';
  const flush = () => {
    if (run) best = better(best, [run]);
    run = '';
  };
  for (const el of elements) {
    if (el.type === 'Character') {
      run += String.fromCodePoint(el.value);
      continue;
    }
    flush();
    best = better(best, ofElement(el));
  }
  flush();
  return best;
}

/** Literal strings one of which occurs in every match of the pattern, or undefined. */
export function patternAnchors(source: string | Pattern): string[] | undefined {
  const pattern = typeof source === 'string' ? parsePattern(source) : source;
  return ofAlternatives(pattern.alternatives);
}

/** The longest text (UTF-16 units) an element can match; Infinity when unbounded. */
function maxLength(el: Element): number {
  switch (el.type) {
    case 'Assertion':
      return 0;
    case 'Character':
      return el.value > 0xffff ? 2 : 1;
    case 'CharacterClass':
    case 'CharacterSet':
    case 'ExpressionCharacterClass':
      return 2; // one character under the u flag, possibly astral
    case 'Backreference':
      return Number.POSITIVE_INFINITY;
    case 'Group':
    case 'CapturingGroup':
      return Math.max(0, ...el.alternatives.map((a) => a.elements.reduce((n, e) => n + maxLength(e), 0)));
    case 'Quantifier':
      return el.max === Number.POSITIVE_INFINITY ? el.max : el.max * maxLength(el.element);
  }
}

/** A set of literal strings one of which every match contains, and how far from the match's
 *  start that word can end at most (`reach`: what precedes its element plus the element itself,
 *  Infinity when unbounded, e.g. after \d+). A text whose first such word ends at e can have no
 *  match starting before e − reach — where the scanner starts the regex (scanner.ts). */
export interface MandatorySet {
  words: string[];
  reach: number;
}

/** Every set of literal strings that every match must contain one of — one set per mandatory
 *  element of a single-branch pattern (a literal run, a short class, a group of literals).
 *  A pattern can only match a text holding a word of each set, so requiring all of them is a
 *  finer gate than the one best set. Empty for patterns with top-level alternatives. */
export function mandatorySets(source: string | Pattern): MandatorySet[] {
  const pattern = typeof source === 'string' ? parsePattern(source) : source;
  if (pattern.alternatives.length !== 1) return [];
  const sets: MandatorySet[] = [];
  let before = 0; // longest text the elements before the current one can match
  let run = '';
  const flush = () => {
    if (run) sets.push({ words: [run], reach: before });
    run = '';
  };
  for (const el of pattern.alternatives[0]!.elements) {
    if (el.type === 'Character') {
      run += String.fromCodePoint(el.value);
      before += maxLength(el);
      continue;
    }
    flush();
    before += maxLength(el);
    const a = ofElement(el);
    if (a) sets.push({ words: a, reach: before });
  }
  flush();
  return sets;
}
