// Pattern starts. Most patterns begin with a list of literal words — (?:欢迎|立即|扫码)(?:预约|咨询)
// — so every match starts where one of those words occurs. The term automaton already finds
// those occurrences while it reads the text; the regex is then tried only there (sticky), instead
// of scanning the whole text once per pattern. Trying each start in order and skipping starts
// inside the previous match gives exactly the matches a global scan gives: the global scan also
// returns, after each match, the match at the next position where the regex matches, and a
// match can only start where one of its first words starts.
//
// Like the anchors (pattern-anchors.ts), the starts are derived from the regex itself.
import type { Element, Pattern } from '@eslint-community/regexpp/ast';
import { classChars, parsePattern } from './pattern-anchors.ts';

/** More distinct starts than this and the pattern is left to a global scan. */
const MAX_STARTS = 64;

/** Whether the element can match the empty string (then what follows it may start a match). */
function nullable(el: Element): boolean {
  switch (el.type) {
    case 'Assertion':
    case 'Backreference':
      return true;
    case 'Character':
    case 'CharacterClass':
    case 'CharacterSet':
    case 'ExpressionCharacterClass':
      return false;
    case 'Group':
    case 'CapturingGroup':
      return el.alternatives.some((a) => a.elements.every(nullable));
    case 'Quantifier':
      return el.min === 0 || nullable(el.element);
  }
}

/** Literal strings one of which starts every match of the sequence, or undefined. */
/** `budget`: how many starts lengthening may produce here (siblings share MAX_STARTS). */
function starts(seq: readonly Element[], budget: number): string[] | undefined {
  const [first, ...rest] = seq;
  if (!first) return undefined; // nothing consumed yet: the start depends on what comes after
  switch (first.type) {
    case 'Character':
    case 'CharacterClass': {
      const own = first.type === 'Character' ? [String.fromCodePoint(first.value)] : classChars(first);
      return own && extend(own, rest, budget);
    }
    case 'Assertion':
      return starts(rest, budget); // zero-width: the match starts with what follows
    case 'Group':
    case 'CapturingGroup':
      return union(first.alternatives.map((a) => starts([...a.elements, ...rest], Math.floor(budget / first.alternatives.length))));
    case 'Quantifier': {
      if (first.min >= 1) return nullable(first.element) ? undefined : starts([first.element], budget);
      const own = nullable(first.element) ? undefined : starts([first.element], Math.floor(budget / 2));
      return union([own, starts(rest, Math.floor(budget / 2))]);
    }
    default:
      return undefined;
  }
}

/** The literal text one element always matches, as alternatives: a character, a short class, or
 *  a group whose branches are all plain characters ((?:管|维持)); undefined otherwise. */
function literals(el: Element): string[] | undefined {
  switch (el.type) {
    case 'Character':
      return [String.fromCodePoint(el.value)];
    case 'CharacterClass':
      return classChars(el);
    case 'Group':
    case 'CapturingGroup': {
      const out: string[] = [];
      for (const a of el.alternatives) {
        if (a.elements.length === 0 || !a.elements.every((e) => e.type === 'Character')) return undefined;
        out.push(a.elements.map((e) => String.fromCodePoint((e as { value: number }).value)).join(''));
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** Longer starts: each prefix followed by every literal the next elements must match, while the
 *  number of starts stays within the budget. 可 + (?:管|维持) gives 可管, 可维持 — words the text
 *  holds far less often than 可, so the regex is tried at far fewer places. */
function extend(prefixes: string[], seq: readonly Element[], budget: number): string[] {
  let out = prefixes;
  for (const el of seq) {
    const next = literals(el);
    if (!next || out.length * next.length > budget) break;
    out = out.flatMap((p) => next.map((n) => p + n));
  }
  return out;
}

function union(sets: readonly (string[] | undefined)[]): string[] | undefined {
  const all = new Set<string>();
  for (const s of sets) {
    if (!s) return undefined;
    for (const x of s) all.add(x);
    if (all.size > MAX_STARTS) return undefined;
  }
  return [...all];
}

/** Literal strings one of which begins every match of the pattern, or undefined. */
export function patternStarts(source: string | Pattern): string[] | undefined {
  const pattern = typeof source === 'string' ? parsePattern(source) : source;
  const found = union(pattern.alternatives.map((a) => starts(a.elements, Math.floor(MAX_STARTS / pattern.alternatives.length))));
  // Astral characters would need care with lastIndex inside a surrogate pair; none are used.
  return found && found.every((s) => s.length > 0 && !/[\ud800-\udfff]/.test(s)) ? found : undefined;
}
