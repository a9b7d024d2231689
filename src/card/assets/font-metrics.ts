// Glyph advances for text fitting, read from the font's own tables (sfnt-metrics.ts: in place,
// nothing parsed ahead, so opening a 10 MB CJK font costs little). Widths are in em so one measure
// serves every font size.
import { graphemesOf, type MeasureEm } from '../text/line-break.ts';
import type { FontSet, FontWeight } from './fonts.ts';
import { openFontMetrics, type FontMetrics } from './sfnt-metrics.ts';

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
// Zero-width joiners, variation selectors and other format characters take no space.
const ZERO_WIDTH = /^[\p{Cf}\p{Mn}\uFE0E\uFE0F]$/u;

class FaceMetrics {
  private readonly advances = new Map<number, number>();
  private readonly font: FontMetrics;

  constructor(data: Buffer) {
    this.font = openFontMetrics(data);
  }

  /** Whether the font has a glyph for the code point. */
  has(cp: number): boolean {
    return this.font.glyphOf(cp) !== 0;
  }

  advance(cp: number): number {
    let w = this.advances.get(cp);
    if (w === undefined) {
      const ch = String.fromCodePoint(cp);
      w = ZERO_WIDTH.test(ch) ? 0 : this.font.advanceOf(this.font.glyphOf(cp)) / this.font.unitsPerEm;
      this.advances.set(cp, w);
    }
    return w;
  }
}

const faces = new WeakMap<Buffer, FaceMetrics>();

function metricsFor(data: Buffer): FaceMetrics {
  let m = faces.get(data);
  if (!m) {
    m = new FaceMetrics(data);
    faces.set(data, m);
  }
  return m;
}

/** A measure for one weight of a font set; emoji are drawn 1 em wide. */
export function measureFor(set: FontSet, weight: FontWeight, letterSpacingEm = 0): MeasureEm {
  const face = set.faces.find((f) => f.weight === weight) ?? set.faces[0]!;
  const metrics = metricsFor(face.data);
  return (text: string) => {
    let width = 0;
    for (const segment of graphemesOf(text)) {
      if (EMOJI.test(segment)) {
        width += 1 + letterSpacingEm;
        continue;
      }
      for (const ch of segment) width += metrics.advance(ch.codePointAt(0)!);
      width += letterSpacingEm;
    }
    return width;
  };
}

/** Code points in `text` that some face of the set has no glyph for (ASCII is taken as covered). */
export function uncovered(set: FontSet, text: string): Set<number> {
  const metrics = set.faces.map((f) => metricsFor(f.data));
  const out = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x80 && !out.has(cp) && metrics.some((m) => !m.has(cp))) out.add(cp);
  }
  return out;
}
