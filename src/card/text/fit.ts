// Shrink-to-fit for card text: try font sizes from the box's largest down to its smallest; at the
// smallest, cut the text with an ellipsis and say so. Pure functions over a measure, so the rules
// are tested without fonts or rendering.
import { breakLines, graphemesOf, type MeasureEm } from './line-break.ts';

/** A text box as a template declares it (pixels of the layout size). */
export interface TextBox {
  width: number;
  height: number;
  /** Largest and smallest font size in px. */
  size: readonly [number, number];
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** Never more lines than this, whatever the height allows. */
  maxLines?: number;
  /** Space between list items in px. */
  gap?: number;
  /** Width taken from each list item's lines by its bullet or letter, in px. */
  indent?: number;
}

export interface FittedText {
  size: number;
  lineHeightPx: number;
  lines: string[];
  truncated: boolean;
}

export interface FittedList {
  size: number;
  lineHeightPx: number;
  gap: number;
  items: { lines: string[] }[];
  /** Some item was cut, or items were dropped. */
  truncated: boolean;
  /** How many items at the end did not fit at all. */
  dropped: number;
}

/** Sizes tried, largest first: every 2 px, and always the minimum. */
function sizesOf(box: TextBox): number[] {
  const [max, min] = box.size;
  const out: number[] = [];
  for (let s = max; s > min; s -= 2) out.push(s);
  out.push(min);
  return out;
}

// Measuring slack: satori's glyph positioning (kerning, rounding) can differ from summed
// advances by a fraction of a percent; 2 % keeps every line inside its box.
const SLACK = 0.98;

const linesAllowed = (box: TextBox, size: number, height: number) =>
  Math.min(box.maxLines ?? Infinity, Math.floor((height + 0.001) / (size * box.lineHeight)));

const TRAILING_PUNCTUATION = /[\s，、。；：,.;:！？!?—\-…]+$/u;

/** `line` shortened so that it plus "…" fits `maxEm`; trailing punctuation goes before the ellipsis. */
export function withEllipsis(line: string, maxEm: number, measure: MeasureEm): string {
  const parts = graphemesOf(line);
  let kept = parts.join('').replace(TRAILING_PUNCTUATION, '');
  while (kept && measure(`${kept}…`) > maxEm) {
    parts.pop();
    kept = parts.join('').replace(TRAILING_PUNCTUATION, '');
  }
  return `${kept}…`;
}

/** Fits one text into its box. */
export function fitText(text: string, box: TextBox, measure: MeasureEm): FittedText {
  const sizes = sizesOf(box);
  for (const size of sizes) {
    const lines = breakLines(text, (box.width * SLACK) / size, measure);
    if (lines.length <= linesAllowed(box, size, box.height)) {
      return { size, lineHeightPx: size * box.lineHeight, lines, truncated: false };
    }
  }
  const size = sizes.at(-1)!;
  const maxEm = (box.width * SLACK) / size;
  const allowed = Math.max(1, linesAllowed(box, size, box.height));
  const lines = breakLines(text, maxEm, measure).slice(0, allowed);
  lines[allowed - 1] = withEllipsis(lines[allowed - 1]!, maxEm, measure);
  return { size, lineHeightPx: size * box.lineHeight, lines, truncated: true };
}

/** Total height of a list laid out at `size`. */
function listHeight(itemLines: number[], size: number, box: TextBox): number {
  const gap = box.gap ?? 0;
  return itemLines.reduce((sum, n) => sum + n * size * box.lineHeight, 0) + gap * Math.max(0, itemLines.length - 1);
}

/**
 * Fits a list (points, options) into one box at one shared font size. At the smallest size the
 * items that fit are kept, the last one that fits partly is cut with an ellipsis, and the rest drop.
 */
export function fitList(items: readonly string[], box: TextBox, measure: MeasureEm): FittedList {
  const sizes = sizesOf(box);
  const gap = box.gap ?? 0;
  const broken = (size: number) =>
    items.map((t) => breakLines(t, ((box.width - (box.indent ?? 0)) * SLACK) / size, measure));
  for (const size of sizes) {
    const lines = broken(size);
    const perItemOk = box.maxLines === undefined || lines.every((l) => l.length <= box.maxLines!);
    if (perItemOk && listHeight(lines.map((l) => l.length), size, box) <= box.height + 0.001) {
      return { size, lineHeightPx: size * box.lineHeight, gap, items: lines.map((l) => ({ lines: l })), truncated: false, dropped: 0 };
    }
  }
  const size = sizes.at(-1)!;
  const lh = size * box.lineHeight;
  const maxEm = ((box.width - (box.indent ?? 0)) * SLACK) / size;
  const out: { lines: string[] }[] = [];
  let used = 0;
  for (const lines of broken(size)) {
    const top = used + (out.length > 0 ? gap : 0);
    const heightRoom = Math.floor((box.height - top + 0.001) / lh);
    const room = Math.min(box.maxLines ?? Infinity, heightRoom);
    if (room <= 0) break;
    if (lines.length <= room) {
      out.push({ lines });
      used = top + lines.length * lh;
      continue;
    }
    const cut = lines.slice(0, room);
    cut[room - 1] = withEllipsis(cut[room - 1]!, maxEm, measure);
    out.push({ lines: cut });
    used = top + room * lh;
    // Cut by the item's own line limit: the next items may still fit. Cut by height: nothing will.
    if (room === heightRoom) break;
  }
  // Items dropped after one that fitted whole: end the last shown line with "…" so the card shows
  // that something is missing (the warning says so too).
  const last = out.at(-1)?.lines;
  if (out.length < items.length && last && !last.at(-1)!.endsWith('…')) last[last.length - 1] = withEllipsis(last.at(-1)!, maxEm, measure);
  return { size, lineHeightPx: lh, gap, items: out, truncated: true, dropped: items.length - out.length };
}
