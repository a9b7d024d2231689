// Breaking text into lines that fit a width. Break opportunities come from the Unicode line
// breaking algorithm (UAX #14), which already encodes 避头尾: closing punctuation (，。、）」！？…)
// never begins a line and opening punctuation (（「“) never ends one. Lines are filled greedily.
import LineBreaker from 'linebreak';

/** Width of a piece of text in em (font size 1); additive over concatenation. */
export type MeasureEm = (text: string) => number;

const graphemes = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });

/** Splits a segment wider than the line by grapheme; used only for very long Latin words or URLs. */
function hardSplit(segment: string, maxEm: number, measure: MeasureEm): string[] {
  const out: string[] = [];
  let line = '';
  let width = 0;
  for (const { segment: g } of graphemes.segment(segment)) {
    const w = measure(g);
    if (line && width + w > maxEm) {
      out.push(line);
      line = '';
      width = 0;
    }
    line += g;
    width += w;
  }
  if (line) out.push(line);
  return out;
}

/** Break opportunities of one paragraph: the pieces between them, spaces kept at their ends. */
function segmentsOf(paragraph: string): string[] {
  const breaker = new LineBreaker(paragraph);
  const out: string[] = [];
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    if (bk.position > last) out.push(paragraph.slice(last, bk.position));
    last = bk.position;
  }
  return out;
}

/** Lines of `text` no wider than `maxEm`; newlines in the text always start a new line. */
export function breakLines(text: string, maxEm: number, measure: MeasureEm): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
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
  }
  return lines;
}
