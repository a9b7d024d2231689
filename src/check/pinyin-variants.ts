// Pinyin stand-ins: "zui好的医生", "wu副作用", "bao证效果". Rather than guess which character a
// Latin syllable in the text stands for, every term enters the automaton with variants in which
// one of its characters — or all of them — is written in pinyin (every reading of a polyphone).
// The automaton only accepts a variant that is not part of a longer Latin word (terms.ts).
import { polyphonic } from 'pinyin-pro';

const isIdeograph = (c: string) => c >= '\u4e00' && c <= '\u9fff';
/** Terms longer than this get no variants: long phrases are not written in pinyin. */
const MAX_TERM = 8;

const readingsCache = new Map<string, readonly string[]>();

/** Folded text has digits where the writer may have used 零…九; "ling风险" stands for 零风险. */
const DIGIT_READINGS: Readonly<Record<string, readonly string[]>> = {
  '0': ['ling'], '1': ['yi'], '2': ['er', 'liang'], '3': ['san'], '4': ['si'],
  '5': ['wu'], '6': ['liu'], '7': ['qi'], '8': ['ba'], '9': ['jiu'],
};

/** Look-alike digits in Latin words: b0tox, x30min. */
const LEET: Readonly<Record<string, string>> = { o: '0', i: '1', l: '1', e: '3', a: '4', s: '5' };

function cleanReadings(raw: readonly string[]): string[] {
  const set = new Set<string>();
  for (const p of raw) {
    const r = p.toLowerCase();
    if (!/^[a-zü]+$/.test(r)) continue;
    set.add(r.replace(/ü/g, 'v'));
    set.add(r.replace(/ü/g, 'u'));
  }
  return [...set];
}

/** Looks up the readings of every character of `text` in one call (pinyin-pro is much faster
 *  on one string than character by character), so compiling the pack stays quick. */
export function primeReadings(text: string): void {
  const chars = [...new Set([...text].filter((c) => isIdeograph(c) && !readingsCache.has(c)))];
  if (chars.length === 0) return;
  const all = polyphonic(chars.join(''), { toneType: 'none', type: 'array' }) as string[][];
  chars.forEach((c, i) => readingsCache.set(c, cleanReadings(all[i] ?? [])));
}

/** Toneless lower-case readings of one character (a folded digit: of 零…九); ü is written v or
 *  u in practice. */
export function readingsOf(ch: string): readonly string[] {
  const digit = DIGIT_READINGS[ch];
  if (digit) return digit;
  if (!readingsCache.has(ch)) primeReadings(ch);
  return readingsCache.get(ch) ?? [];
}

/** The stand-in variants of a folded term (not the term itself): pinyin for one character or
 *  all of them; look-alike digits for Latin brand names. Single characters get none: a lone
 *  syllable stands for too many characters. */
export function pinyinVariants(term: string): string[] {
  const chars = [...term];
  if (/^[a-z]{4,}$/.test(term)) return leetVariants(chars);
  // Digits count only next to Chinese characters: "0风险" is 零风险, "100%" is not a word.
  const hasIdeograph = chars.some(isIdeograph);
  const positions = chars.flatMap((c, i) => (isIdeograph(c) || (hasIdeograph && DIGIT_READINGS[c]) ? [i] : []));
  if (chars.length < 2 || chars.length > MAX_TERM || !hasIdeograph) return [];
  const out = new Set<string>();
  for (const i of positions) {
    for (const r of readingsOf(chars[i]!)) out.add([...chars.slice(0, i), r, ...chars.slice(i + 1)].join(''));
  }
  if (positions.length > 1) {
    // All characters in pinyin, first reading each: "wufuzuoyong".
    out.add(chars.map((c, i) => (positions.includes(i) ? (readingsOf(c)[0] ?? c) : c)).join(''));
  }
  return [...out];
}

/** A Latin term (botox) with each look-alike letter, and all of them, written as a digit. */
function leetVariants(chars: string[]): string[] {
  const out = new Set<string>();
  const swap = (i: number) => chars.map((c, j) => (j === i ? (LEET[c] ?? c) : c)).join('');
  chars.forEach((c, i) => {
    if (LEET[c]) out.add(swap(i));
  });
  out.add(chars.map((c) => LEET[c] ?? c).join(''));
  out.delete(chars.join(''));
  return [...out];
}
