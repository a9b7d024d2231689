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

/** The characters of a short class of plain characters ([甲乙丙]), or undefined (negated, with
 *  ranges or escapes, empty, or larger than MAX_CLASS). */
export function classChars(el: CharacterClass): string[] | undefined {
  if (el.negate || el.unicodeSets || el.elements.length === 0 || el.elements.length > MAX_CLASS) return undefined;
  const chars: string[] = [];
  for (const c of el.elements) {
    if (c.type !== 'Character') return undefined;
    chars.push(String.fromCodePoint(c.value));
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

/** Every set of literal strings that every match must contain one of — one set per mandatory
 *  element of a single-branch pattern (a literal run, a short class, a group of literals).
 *  A pattern can only match a text holding a word of each set, so requiring all of them is a
 *  finer gate than the one best set. Empty for patterns with top-level alternatives. */
export function mandatorySets(source: string | Pattern): string[][] {
  const pattern = typeof source === 'string' ? parsePattern(source) : source;
  if (pattern.alternatives.length !== 1) return [];
  const sets: string[][] = [];
  let run = '';
  const flush = () => {
    if (run) sets.push([run]);
    run = '';
  };
  for (const el of pattern.alternatives[0]!.elements) {
    if (el.type === 'Character') {
      run += String.fromCodePoint(el.value);
      continue;
    }
    flush();
    const a = ofElement(el);
    if (a) sets.push(a);
  }
  flush();
  return sets;
}
