// Folds text before matching while remembering, for every folded unit, the span of the original
// it came from. Evasions are undone here, once, for every rule at the same time:
//   traditional → simplified, full-width → half-width, upper → lower case, circled / Chinese /
//   full-width digits → 0–9 (fold table, see fold-table.ts);
//   noise between characters (spaces, dots, emoji, symbols) → dropped;
//   a repeated Chinese character (最最最, 一一次) → one.
// Pinyin and Latin stand-ins (zui好, wu副作用) are handled on the other side: the automaton holds
// pinyin variants of every term (pinyin-variants.ts), so the text needs no guessing here.
// Terms, lexicon words and pattern literals go through the same folding at load, so a rule
// written as 零风险 matches 零 風 險, 0风险 and 〇风险😊险 alike.
import type { FoldTable } from './fold-table.ts';

export interface Normalised {
  text: string;
  /** Folded unit i came from original units [originStart[i], originEnd[i]). */
  originStart: Int32Array;
  originEnd: Int32Array;
}

const SKIP = 0xffff;
const SLASH = 0x2f;
/** … and ⋯: an ellipsis between Chinese characters (副…作用) is noise, like a slash. */
const isEllipsis = (c: number) => c === 0x2026 || c === 0x22ef;
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isIdeograph = (c: number) => c >= 0x4e00 && c <= 0x9fff;
/** Emoji and pictographs live in the supplementary planes 1F000–1FAFF; they are noise. */
const isAstralNoise = (cp: number) => cp >= 0x1f000 && cp <= 0x1faff;

const decoder = new TextDecoder('utf-16le');
const NO_ORIGINS = new Int32Array(0);
/** The folded units, reused from call to call: decode() copies them into the result string. */
let units = new Uint16Array(1024);

/** Folds the text and records where each folded unit came from. */
export function normalise(text: string, table: FoldTable): Normalised {
  return fold(text, table, true);
}

/** Offset arrays a caller reuses from text to text (grown as needed). */
export interface OriginBuffers {
  start: Int32Array;
  end: Int32Array;
}

/** As normalise, but the offsets are written into `buffers`: the result's arrays are views that
 *  the next call with the same buffers overwrites. For the checker, which maps findings back
 *  right away, so that a text with findings does not allocate two arrays of its length. */
export function normaliseInto(text: string, table: FoldTable, buffers: OriginBuffers): Normalised {
  if (buffers.start.length < text.length) {
    const size = Math.max(text.length, buffers.start.length * 2);
    buffers.start = new Int32Array(size);
    buffers.end = new Int32Array(size);
  }
  return fold(text, table, true, buffers);
}

/** Only the folded text: what a check needs until it has findings to map back (most texts have
 *  none), without the two offset arrays. Always equal to normalise(text, table).text. */
export function foldText(text: string, table: FoldTable): string {
  return fold(text, table, false).text;
}

function fold(text: string, table: FoldTable, withOrigins: boolean, buffers?: OriginBuffers): Normalised {
  const len = text.length;
  if (units.length < len) units = new Uint16Array(Math.max(len, units.length * 2));
  const originStart = !withOrigins ? NO_ORIGINS : (buffers?.start ?? new Int32Array(len));
  const originEnd = !withOrigins ? NO_ORIGINS : (buffers?.end ?? new Int32Array(len));
  const map = table.map;
  let n = 0;
  /** The original unit behind units[n - 1]. */
  let lastRaw = -1;
  for (let i = 0; i < len; i++) {
    const raw = text.charCodeAt(i);
    if (isHighSurrogate(raw) && i + 1 < len) {
      const cp = text.codePointAt(i)!;
      if (!isAstralNoise(cp)) {
        // A supplementary character (rare ideographs): kept as its two units.
        if (withOrigins) {
          originStart[n] = i;
          originEnd[n] = i + 1;
          originStart[n + 1] = i + 1;
          originEnd[n + 1] = i + 2;
        }
        units[n++] = raw;
        units[n++] = text.charCodeAt(i + 1);
        lastRaw = -1;
      }
      i++;
      continue;
    }
    let f = map[raw]!;
    // A slash or ellipsis after a Chinese character (明/星/同/款, 副…作用, 一/例) is noise; after
    // Latin letters a slash is a URL, after a digit a rate (680/次).
    if ((f === SLASH || isEllipsis(f)) && n > 0 && (isIdeograph(units[n - 1]!) || isIdeograph(lastRaw))) continue;
    if (f === SKIP) {
      // A dot between digits is a decimal point (99.9%), not noise.
      if (raw === 0x2e && n > 0 && isDigit(units[n - 1]!) && i + 1 < len && isDigit(map[text.charCodeAt(i + 1)]!)) f = raw;
      else continue;
    }
    // A repeated Chinese character counts once (最最最 → 最), also one that folds to a digit
    // (一一次 → 1次: the same character twice, not the number 11).
    if (n > 0 && units[n - 1] === f && (isIdeograph(f) || (isIdeograph(raw) && raw === lastRaw))) {
      if (withOrigins) originEnd[n - 1] = i + 1; // spanning all of them
      continue;
    }
    lastRaw = raw;
    if (withOrigins) {
      originStart[n] = i;
      originEnd[n] = i + 1;
    }
    units[n++] = f;
  }
  return {
    text: decoder.decode(units.subarray(0, n)),
    originStart: withOrigins ? originStart.subarray(0, n) : NO_ORIGINS,
    originEnd: withOrigins ? originEnd.subarray(0, n) : NO_ORIGINS,
  };
}

/** Folds a term, lexicon word or workspace string exactly like text (used at load, not per check). */
export function normaliseTerm(term: string, table: FoldTable): string {
  return foldText(term, table);
}

/** Maps a half-open span of the folded text back to the original text. */
export function toOriginal(norm: Normalised, start: number, end: number): { start: number; end: number } {
  const s = norm.originStart[start];
  const e = norm.originEnd[end - 1];
  if (s === undefined || e === undefined) throw new RangeError(`span ${start}–${end} outside folded text`);
  return { start: s, end: e };
}
