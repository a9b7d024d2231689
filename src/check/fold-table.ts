// The fold table: one entry per UTF-16 unit saying what it becomes before matching, or 0xFFFF
// for noise that is dropped. Built once per process from
//   • OpenCC's traditional→simplified character table (opencc-js), for every 1:1 entry;
//   • compliance/normalise.yaml: the clinic's own folds and extra noise characters (win over OpenCC);
//   • the rules below for widths, case, digits and noise classes.
// Folding is one unit → one unit, so offsets map back to the original text exactly.
import TSCharacters from 'opencc-js/dict/TSCharacters';
import type { NormaliseSpec } from './schema.ts';

export interface FoldTable {
  /** map[unit] = folded unit, or SKIP. */
  readonly map: Uint16Array;
}

export const SKIP = 0xffff;

/** Runs of digit-like characters and the value of their first member. */
const DIGIT_RUNS: readonly [first: number, count: number, value: number][] = [
  [0x2460, 9, 1], // ①–⑨
  [0x24ea, 1, 0], // ⓪
  [0x2474, 9, 1], // ⑴–⑼
  [0x2488, 9, 1], // ⒈–⒐
  [0x2776, 9, 1], // ❶–❾
  [0x2780, 9, 1], // ➀–➈
  [0x278a, 9, 1], // ➊–➒
  [0x3220, 9, 1], // ㈠–㈨
  [0x3280, 9, 1], // ㊀–㊈
];

/** Chinese numerals (plain and financial) for 0–9. 十/百/千/万 stay: they are not digits. */
const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};

/** Noise: spaces, format and combining characters, symbols and emoji, dashes, brackets, quotes
 *  and connector punctuation. Clause punctuation, %, /, :, @, &, currency, + and × are kept —
 *  context rules and patterns need them (clauses, prices, links, percentages). */
const NOISE = /[\p{Z}\p{Cf}\p{Cc}\p{Mn}\p{Me}\p{So}\p{Sk}\p{Pd}\p{Pc}\p{Ps}\p{Pe}\p{Pi}\p{Pf}~^|`*#·•‧・※'"\\.]/u;
const KEPT_CONTROL = new Set([0x0a, 0x0d]); // line breaks end clauses

function openccPairs(): [number, number][] {
  const pairs: [number, number][] = [];
  for (const entry of (TSCharacters as string).split('|')) {
    const [from, to] = entry.split(' ');
    if (from?.length === 1 && to?.length === 1) pairs.push([from.charCodeAt(0), to.charCodeAt(0)]);
  }
  return pairs;
}

function builtin(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width ！…～ → ASCII
  if (c >= 0x41 && c <= 0x5a) return c + 0x20; // A–Z → a–z
  return c;
}

let base: Uint16Array | undefined;

/** The table without the pack's own spec: OpenCC, widths, case, digits, noise. Cached per process. */
function baseTable(): Uint16Array {
  if (base) return base;
  const map = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) map[c] = c;
  for (const [from, to] of openccPairs()) map[from] = to;
  for (let c = 0; c < 65536; c++) map[c] = builtin(map[c]!);
  for (const [first, count, value] of DIGIT_RUNS) {
    for (let k = 0; k < count; k++) map[first + k] = 0x30 + value + k;
  }
  for (const [ch, v] of Object.entries(CHINESE_DIGITS)) map[ch.charCodeAt(0)] = 0x30 + v;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates are handled by the normaliser
    if (KEPT_CONTROL.has(c)) continue;
    if (NOISE.test(String.fromCharCode(c)) || NOISE.test(String.fromCharCode(map[c]!))) map[c] = SKIP;
  }
  return (base = map);
}

export function buildFoldTable(spec: NormaliseSpec): FoldTable {
  const map = baseTable().slice();
  // The pack's own folds are applied before the built-in rules, like OpenCC's.
  for (const [from, to] of Object.entries(spec.fold)) map[from.charCodeAt(0)] = map[to.charCodeAt(0)]!;
  for (const c of spec.skip) map[c.charCodeAt(0)] = SKIP;
  return { map };
}

/** Folds the literal characters of a regex source like text: only non-ASCII units are touched
 *  (ASCII is regex syntax), noise is dropped and repeated ideographs collapse, as in the text. */
export function foldPatternSource(source: string, table: FoldTable): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c < 0x80) {
      out += source[i];
      continue;
    }
    const f = table.map[c]!;
    if (f === SKIP) continue;
    if (f >= 0x4e00 && f <= 0x9fff && out.charCodeAt(out.length - 1) === f) continue;
    out += String.fromCharCode(f);
  }
  return out;
}
