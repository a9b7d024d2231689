// Pinyin stand-ins inside patterns: 一ding能变白, 10000+jie妹的共同选择, 整张脸回到了shi八岁. Terms
// get pinyin variants in the automaton (pinyin-variants.ts); a pattern gets a twin instead, in
// which every Chinese character may also be written as one of its readings. The twin runs only on
// a text where one of its readings stands alone in lower case (scanner.ts; the readings are
// automaton terms): on any other text it finds exactly what the pattern finds, so the common case
// keeps the plain regex and its speed. How the scanner stays exact with twins: pattern-twin.ts.
//
// A syllable must stand alone: not next to another Latin letter ((?<![a-z]) … (?![a-z])), as the
// automaton does for terms. So "yi定" and "一ding" match but neither "yiding" (two stand-ins in a
// row: whole words in pinyin are the terms' variants) nor the "ding" inside "holding".
import { visitRegExpAST } from '@eslint-community/regexpp';
import type { Character, CharacterClass, Pattern } from '@eslint-community/regexpp/ast';
import { parsePattern } from './pattern-anchors.ts';
import { readingsOf } from './pinyin-variants.ts';

/** Word variants beyond this are not enumerated: standInVariants() returns undefined. */
export const MAX_WORD_VARIANTS = 64;

const isIdeograph = (c: string): boolean => c >= '\u4e00' && c <= '\u9fff';
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** Readings a twin accepts: a single letter (a, e, o for 啊, 额, 哦) stands for too much, and is
 *  mostly a letter (维生素a, a面). */
const usable = (c: string): readonly string[] => readingsOf(c).filter((r) => r.length > 1);

const standIn = (readings: readonly string[]): string => `(?<![a-z])(?:${readings.join('|')})(?![a-z])`;

/** A digit counts as a folded 零…九 only in a run of Chinese characters (1定, 第2天), not in 100%. */
function digitInWords(node: Character): boolean {
  const parent = node.parent;
  if (parent.type !== 'Alternative') return false;
  return parent.elements.some((e) => e.type === 'Character' && isIdeograph(String.fromCodePoint(e.value)));
}

function characterReadings(node: Character): readonly string[] {
  const c = String.fromCodePoint(node.value);
  if (isIdeograph(c) || (isDigit(c) && digitInWords(node))) return usable(c);
  return [];
}

/** Readings for a class with Chinese characters; its digits ([\d十], [1-9十]) count as folded
 *  零…九 there, as in a number written 十ba岁. */
function classReadings(node: CharacterClass): readonly string[] {
  if (node.negate) return []; // [^药针术]: a gap; what it must not cross stays as written
  const chars: string[] = [];
  let digits = false;
  for (const e of node.elements) {
    if (e.type === 'Character') chars.push(String.fromCodePoint(e.value));
    else if (e.type === 'CharacterClassRange' && e.min.value >= 0x30 && e.max.value <= 0x39) digits = true;
    else if (e.type === 'CharacterSet' && e.kind === 'digit' && !e.negate) digits = true;
  }
  if (!chars.some(isIdeograph)) return [];
  const wanted = chars.filter((c) => isIdeograph(c) || isDigit(c));
  if (digits) wanted.push(...'0123456789');
  return [...new Set(wanted.flatMap(usable))];
}

/** The twin of a folded pattern source, or undefined when no character in it has a reading (the
 *  pattern needs no twin). Lookarounds are twinned too: a claim checked again in a lookbehind
 *  (消失(?<=斑…消失)) must accept the same stand-ins, and an exclusion written in pinyin
 *  (jian身日记 for (?<!健身)日记) is still the exclusion. Every reading the twin accepts is added
 *  to `syllables`. `ast`: the source already parsed, if the caller has it. */
export function pinyinTwin(source: string, syllables: Set<string>, ast: Pattern = parsePattern(source)): string | undefined {
  const edits: { start: number; end: number; text: string }[] = [];
  visitRegExpAST(ast, {
    onCharacterEnter(node) {
      if (node.parent.type !== 'Alternative' && node.parent.type !== 'Quantifier') return; // in a class
      const readings = characterReadings(node);
      if (readings.length > 0) edits.push({ start: node.start, end: node.end, text: `(?:${node.raw}|${standIn(readings)})` });
      for (const r of readings) syllables.add(r);
    },
    onCharacterClassEnter(node) {
      const readings = classReadings(node);
      if (readings.length > 0) edits.push({ start: node.start, end: node.end, text: `(?:${node.raw}|${standIn(readings)})` });
      for (const r of readings) syllables.add(r);
    },
  });
  if (edits.length === 0) return undefined;
  let out = '';
  let at = 0;
  for (const e of edits.sort((a, b) => a.start - b.start)) {
    out += source.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + source.slice(at);
}

/** Stand-in forms of a gate or start word for the automaton: standInVariants of the word or,
 *  when it has too many (a long start word), of its longest prefix that has few enough, plus that
 *  prefix as written. A prefix serves as well: a twin's match that starts with some form of the
 *  word starts with a form of the prefix or the prefix itself, and one that holds a form of a gate
 *  word holds one of those, ending no later (so the gate's reach still bounds it). */
export function standInsForAutomaton(word: string): string[] {
  const whole = standInVariants(word);
  if (whole) return whole;
  for (let n = word.length - 1; n > 0; n--) {
    const prefix = word.slice(0, n);
    const v = standInVariants(prefix);
    if (v) return [...v, prefix];
  }
  return [];
}

/** Every way a twin can write `word` (a gate or start word of the pattern): some characters —
 *  never two side by side — as one of their readings. Not the word itself. A superset of what the
 *  twin matches (digits are varied wherever they are), so the automaton reports every place a
 *  twin's match can start or hold a gate word. Undefined when there would be more than
 *  MAX_WORD_VARIANTS. */
export function standInVariants(word: string): string[] | undefined {
  const chars = [...word];
  const hasIdeograph = chars.some(isIdeograph);
  const options = chars.map((c) => (isIdeograph(c) || (hasIdeograph && isDigit(c)) ? usable(c) : []));
  const out: string[] = [];
  // Depth-first over positions; `prevLatin`: the previous position was written as a reading.
  const walk = (i: number, prefix: string, prevLatin: boolean, changed: boolean): boolean => {
    if (i === chars.length) {
      if (changed) out.push(prefix);
      return out.length <= MAX_WORD_VARIANTS;
    }
    if (!walk(i + 1, prefix + chars[i]!, false, changed)) return false;
    if (prevLatin) return true;
    for (const r of options[i]!) if (!walk(i + 1, prefix + r, true, true)) return false;
    return true;
  };
  return walk(0, '', false, false) ? out : undefined;
}
