// Before/after composites: two (or more) panels side by side or stacked, showing the same face.
// Two signals, combined:
//   - divider bars between panels (dividers.ts), and
//   - panels whose coarse structure is nearly the same (correlation of small thumbnails).
// A divider plus moderately alike panels, or near-identical halves without a divider, is a
// before/after comparison (block). A divider between unrelated-looking photos is only a collage
// (review): it may still be a comparison shot from another angle.
import { columnProfile, findDividerBands, type Band } from './dividers.ts';
import { mirror, shiftedPearson, stdDev, thumbnail, transpose, type GreyRaster } from './raster.ts';
import type { SplitAxis, SplitEvidence } from './types.ts';

/** Thumbnail side per panel: coarse enough to ignore retouching and JPEG noise. */
export const PANEL_THUMB = 20;
/** Panels are compared over shifts of up to this many thumbnail cells (2 of 20 = 10% of a panel),
 *  since the "after" is never framed exactly like the "before". */
export const PANEL_MAX_SHIFT = 2;
/** A divider bar already says "collage"; moderately alike panels on both sides make it a comparison. */
export const SIMILAR_WITH_DIVIDER = 0.6;
/** Without a divider only near-identical halves count, since ordinary photos have alike halves too. */
export const SIMILAR_WITHOUT_DIVIDER = 0.9;
/** A symmetric single photo has halves that are mirror images: if the mirrored comparison beats
 *  the direct one by more than this, the halves are a reflection, not a repeat. */
export const MIRROR_MARGIN = 0.02;
/** Panels narrower than this share of the image are slivers between bars, not photos. */
export const MIN_PANEL = 0.15;
/** Thumbnails flatter than this (grey levels, after removing row means) carry no structure to compare. */
export const MIN_STRUCTURE = 2;
/** A panel where this share of pixels sits within FLAT_TOLERANCE of one grey level is a flat
 *  graphic (a designed card's colour block with text), not a photograph. */
export const FLAT_SHARE = 0.5;
export const FLAT_TOLERANCE = 3;

/** Whether the columns [from, to) look like a flat-colour graphic rather than a photo. */
export function isFlatGraphic(r: GreyRaster, [from, to]: [number, number]): boolean {
  const hist = new Uint32Array(256);
  for (let y = 0; y < r.height; y++) for (let x = from; x < to; x++) hist[r.data[y * r.width + x]!]!++;
  let best = 0;
  for (let v = 0; v < 256; v++) {
    let near = 0;
    for (let w = Math.max(0, v - FLAT_TOLERANCE); w <= Math.min(255, v + FLAT_TOLERANCE); w++) near += hist[w]!;
    if (near > best) best = near;
  }
  return best >= FLAT_SHARE * r.height * (to - from);
}

export interface CompositeDetection {
  kind: 'before-after' | 'split-panels';
  evidence: SplitEvidence;
}

interface PairScore {
  direct: number;
  mirrored: number;
}

/** Thumbnail minus each row's mean. Without this, any photo whose brightness changes from top to
 *  bottom (sky over ground) has "identical" left and right halves. */
function residual(thumb: Float64Array, size: number): Float64Array {
  const out = new Float64Array(thumb.length);
  for (let y = 0; y < size; y++) {
    let m = 0;
    for (let x = 0; x < size; x++) m += thumb[y * size + x]!;
    m /= size;
    for (let x = 0; x < size; x++) out[y * size + x] = thumb[y * size + x]! - m;
  }
  return out;
}

/** Column spans [from, to) of the panels between bars, slivers dropped. */
export function panelSpans(width: number, bands: readonly Band[]): [number, number][] {
  const cuts: [number, number][] = [];
  let from = 0;
  for (const b of bands) {
    cuts.push([from, b.start]);
    from = b.end + 1;
  }
  cuts.push([from, width]);
  return cuts.filter(([a, b]) => b - a >= width * MIN_PANEL);
}

function panelThumb(r: GreyRaster, [from, to]: [number, number]): Float64Array {
  // Stay clear of the panel's edges, where a bar's anti-aliased border lingers.
  const inset = Math.floor((to - from) * 0.02);
  return residual(thumbnail(r, { x: from + inset, y: 0, width: to - from - 2 * inset, height: r.height }, PANEL_THUMB), PANEL_THUMB);
}

/** How alike two panels are, directly and with the second flipped; 0 when either is featureless. */
export function comparePanels(r: GreyRaster, a: [number, number], b: [number, number]): PairScore {
  const ta = panelThumb(r, a);
  const tb = panelThumb(r, b);
  if (stdDev(ta) < MIN_STRUCTURE || stdDev(tb) < MIN_STRUCTURE) return { direct: 0, mirrored: 0 };
  return {
    direct: shiftedPearson(ta, tb, PANEL_THUMB, PANEL_MAX_SHIFT),
    mirrored: shiftedPearson(ta, mirror(tb, PANEL_THUMB), PANEL_THUMB, PANEL_MAX_SHIFT),
  };
}

/** The column where neighbouring columns differ most, when it stands out: two photos butted
 *  together without a bar, at a split other than the exact middle. */
export function seamColumn(r: GreyRaster): number | undefined {
  const diffs = new Float64Array(r.width - 1);
  for (let x = 0; x + 1 < r.width; x++) {
    let s = 0;
    for (let y = 0; y < r.height; y++) s += Math.abs(r.data[y * r.width + x + 1]! - r.data[y * r.width + x]!);
    diffs[x] = s / r.height;
  }
  const sorted = [...diffs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  let best: number | undefined;
  for (let x = Math.floor(r.width * 0.3); x < Math.ceil(r.width * 0.7) && x < diffs.length; x++) {
    if (best === undefined || diffs[x]! > diffs[best]!) best = x;
  }
  if (best === undefined || diffs[best]! < 10 || diffs[best]! < 4 * median) return undefined;
  return best + 1;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Looks for side-by-side panels in the raster (pass a transposed raster for stacked ones). */
function detectAlong(r: GreyRaster, split: SplitAxis): CompositeDetection | undefined {
  const bands = findDividerBands(r, columnProfile(r));
  const dividers = bands.map((b) => round2((b.start + b.end + 1) / 2 / r.width));
  if (bands.length > 0) {
    const spans = panelSpans(r.width, bands);
    if (spans.length >= 2) {
      let best = -1;
      let structured = false;
      for (let i = 0; i + 1 < spans.length; i++) {
        const s = comparePanels(r, spans[i]!, spans[i + 1]!);
        if (s.direct !== 0 || s.mirrored !== 0) structured = true;
        // With a bar a flipped "after" is still an "after".
        best = Math.max(best, s.direct, s.mirrored);
      }
      const evidence: SplitEvidence = { split, panels: spans.length, similarity: round2(best), dividers };
      if (best >= SIMILAR_WITH_DIVIDER) return { kind: 'before-after', evidence };
      // Featureless panels (a text card with a ruled line) and flat colour blocks with text (a
      // poster's coloured header over a light body) are layout, not photos.
      const photos = spans.filter((span) => !isFlatGraphic(r, span)).length;
      if (structured && photos >= 2) return { kind: 'split-panels', evidence };
    }
  }
  const cuts = new Set([Math.floor(r.width / 2)]);
  const seam = seamColumn(r);
  if (seam !== undefined) cuts.add(seam);
  let found: CompositeDetection | undefined;
  for (const cut of cuts) {
    const s = comparePanels(r, [0, cut], [cut, r.width]);
    if (s.direct >= SIMILAR_WITHOUT_DIVIDER && s.direct >= s.mirrored - MIRROR_MARGIN && s.direct > (found?.evidence.similarity ?? -1)) {
      found = { kind: 'before-after', evidence: { split, panels: 2, similarity: round2(s.direct), dividers: [] } };
    }
  }
  return found;
}

/** Before/after (or collage) detection over both axes; a comparison beats a mere collage, and a
 *  more alike pair beats a less alike one. */
export function detectComposite(r: GreyRaster): CompositeDetection | undefined {
  const candidates = [detectAlong(r, 'vertical'), detectAlong(transpose(r), 'horizontal')].filter(
    (c): c is CompositeDetection => c !== undefined,
  );
  const rank = (c: CompositeDetection) => (c.kind === 'before-after' ? 10 : 0) + c.evidence.similarity;
  return candidates.sort((a, b) => rank(b) - rank(a))[0];
}
