// Pinyin stand-ins: "zui好的医生", "wu副作用", "bao证效果". Rather than guess which character a
// Latin syllable in the text stands for, every term enters the automaton with variants in which
// one of its characters — or all of them — is written in pinyin (every reading of a polyphone).
// The automaton only accepts a variant that is not part of a longer Latin word (terms.ts).
import { pinyin } from 'pinyin-pro';

const isIdeograph = (c: string) => c >= '\u4e00' && c <= '\u9fff';
/** Terms longer than this get no variants: long phrases are not written in pinyin. */
const MAX_TERM = 8;

const readingsCache = new Map<string, readonly string[]>();

/** Toneless lower-case readings of one character; ü is written v or u in practice. */
function readings(ch: string): readonly string[] {
  let r = readingsCache.get(ch);
  if (!r) {
    const raw = pinyin(ch, { toneType: 'none', type: 'array', multiple: true }) as string[];
    const set = new Set<string>();
    for (const p of raw) {
      const s = p.toLowerCase();
      if (!/^[a-zü]+$/.test(s)) continue;
      set.add(s.replace(/ü/g, 'v'));
      set.add(s.replace(/ü/g, 'u'));
    }
    readingsCache.set(ch, (r = [...set]));
  }
  return r;
}

/** The pinyin variants of a folded term (not the term itself). Single characters get none:
 *  a lone syllable stands for too many characters. */
export function pinyinVariants(term: string): string[] {
  const chars = [...term];
  const positions = chars.flatMap((c, i) => (isIdeograph(c) ? [i] : []));
  if (chars.length < 2 || chars.length > MAX_TERM || positions.length === 0) return [];
  const out = new Set<string>();
  for (const i of positions) {
    for (const r of readings(chars[i]!)) out.add([...chars.slice(0, i), r, ...chars.slice(i + 1)].join(''));
  }
  if (positions.length > 1) {
    // All characters in pinyin, first reading each: "wufuzuoyong".
    out.add(chars.map((c) => (isIdeograph(c) ? (readings(c)[0] ?? c) : c)).join(''));
  }
  return [...out];
}
