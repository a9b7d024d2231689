// Breaking text into lines that fit a width. Break opportunities come from the Unicode line
// breaking algorithm (UAX #14), which already encodes 避头尾: closing punctuation (，。、）」！？…)
// never begins a line and opening punctuation (（「“) never ends one. Lines are filled greedily.
import LineBreaker from 'linebreak';

/** Width of a piece of text in em (font size 1); additive over concatenation. */
export type MeasureEm = (text: string) => number;

const graphemes = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });

/** The user-perceived characters of a text (an emoji sequence or a base + mark is one). */
export const graphemesOf = (text: string): string[] => [...graphemes.segment(text)].map((g) => g.segment);

// 避头尾 for the places UAX #14 (Unicode 13 here) gives no break at all — runs glued by quotation
// marks or Latin — which must be split by character: these never begin / never end a line.
const NO_LINE_START = new Set([...'!%),.:;?]}¢°’"”、。〃〆〕〗〞﹚﹜！＂％＇），．：；？］｝～–—…‥〉》」』】〙〟｠»ー·・｜|']);
const NO_LINE_END = new Set([...'$(£¥‘“〈《「『【〔〖〝﹙﹛＄（［｛￡￥([{«']);

/** Splits a run wider than the line by grapheme, keeping 避头尾 by carrying characters down. */
function hardSplit(segment: string, maxEm: number, measure: MeasureEm): string[] {
  const out: string[] = [];
  let line: string[] = [];
  let width = 0;
  for (const g of graphemesOf(segment)) {
    const w = measure(g);
    if (line.length > 0 && width + w > maxEm) {
      const carry = [g];
      while (line.length > 1 && (NO_LINE_START.has(carry[0]!) || NO_LINE_END.has(line.at(-1)!))) carry.unshift(line.pop()!);
      out.push(line.join(''));
      line = carry;
      width = measure(line.join(''));
      continue;
    }
    line.push(g);
    width += w;
  }
  if (line.length > 0) out.push(line.join(''));
  return out;
}

/**
 * Break opportunities of one paragraph: the pieces between them, spaces kept at their ends. Where
 * UAX #14 allows a break that 避头尾 forbids (e.g. before % after ？), the pieces are joined.
 */
function segmentsOf(paragraph: string): string[] {
  const breaker = new LineBreaker(paragraph);
  const out: string[] = [];
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    if (bk.position > last) {
      const piece = paragraph.slice(last, bk.position);
      const prev = out.at(-1)?.trimEnd();
      if (prev && (NO_LINE_START.has(piece[0]!) || NO_LINE_END.has(prev.at(-1)!))) out[out.length - 1] += piece;
      else out.push(piece);
    }
    last = bk.position;
  }
  return out;
}

/** Lines of `text` no wider than `maxEm`; newlines in the text always start a new line. */
export function breakLines(text: string, maxEm: number, measure: MeasureEm): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const start = lines.length;
    let line = '';
    let width = 0;
    for (const segment of segmentsOf(paragraph)) {
      const visible = segment.trimEnd();
      const visibleWidth = measure(visible);
      if (line && width + visibleWidth > maxEm) {
        lines.push(line.trimEnd());
        line = '';
        width = 0;
      }
      if (!line && visibleWidth > maxEm) {
        const pieces = hardSplit(visible, maxEm, measure);
        lines.push(...pieces.slice(0, -1));
        line = pieces.at(-1) ?? '';
        width = measure(line);
        continue;
      }
      line += segment;
      width += measure(segment);
    }
    lines.push(line.trimEnd());
    if (lines.length - start >= 2) avoidOrphan(lines);
  }
  return lines;
}

/**
 * A paragraph's last line holding one character (孤字, e.g. a lone "医" or "医。") looks broken in
 * Chinese typesetting: take characters down from the line above — never leaving that line ending
 * with opening punctuation nor starting the last with closing punctuation. Lines only get shorter.
 */
function avoidOrphan(lines: string[]): void {
  const last = graphemesOf(lines.at(-1)!);
  if (last.filter((g) => !NO_LINE_START.has(g)).length !== 1 || !/\p{Script=Han}/u.test(last[0]!)) return;
  const prev = graphemesOf(lines.at(-2)!);
  const moved: string[] = [];
  do moved.unshift(prev.pop()!);
  while (prev.length > 2 && moved.length < 3 && (NO_LINE_START.has(moved[0]!) || NO_LINE_END.has(prev.at(-1)!)));
  if (prev.length < 2 || NO_LINE_START.has(moved[0]!) || NO_LINE_END.has(prev.at(-1)!)) return;
  lines[lines.length - 2] = prev.join('');
  lines[lines.length - 1] = moved.join('') + last.join('');
}
