// Divider bars: the white (or coloured) strip a collage template puts between the "before" and
// the "after" photo. In a raster a vertical bar is a narrow run of columns that are almost one
// colour from top to bottom, while the pixels on either side mostly differ from that colour.
// Horizontal bars are found by running the same code on the transposed raster.
import type { GreyRaster } from './raster.ts';

/** Grey levels around a column's median that still count as "the bar's colour" (JPEG noise and
 *  chroma bleed at the bar's edges stay well inside this). */
export const BAR_TOLERANCE = 12;
/** Share of a column that must be the bar's colour. Not 1.0: a caption or logo may cross the bar. */
export const BAR_MIN_UNIFORMITY = 0.93;
/** Bars wider than this share of the width are plain background, not a divider. */
export const BAR_MAX_WIDTH = 0.06;
/** Dividers between panels sit away from the edges; frames around the whole picture are ignored. */
export const BAR_SEARCH_FROM = 0.12;
export const BAR_SEARCH_TO = 0.88;
/** A flank (the strip beside the bar) contrasts with the bar when at least this share of its pixels
 *  is FLANK_MIN_CONTRAST grey levels away from the bar's colour. A run of plain ground between
 *  trees and a pond is uniform too, but its flanks are mostly the same ground. */
export const FLANK_MIN_SHARE = 0.5;
export const FLANK_MIN_CONTRAST = 25;

export interface ColumnProfile {
  /** Median grey of each column. */
  median: Uint8Array;
  /** Share of each column within BAR_TOLERANCE of its median, 0…1. */
  uniformity: Float64Array;
}

/** A run of bar columns, inclusive. */
export interface Band {
  start: number;
  end: number;
}

export function columnProfile(r: GreyRaster): ColumnProfile {
  const median = new Uint8Array(r.width);
  const uniformity = new Float64Array(r.width);
  const hist = new Uint32Array(256);
  for (let x = 0; x < r.width; x++) {
    hist.fill(0);
    for (let y = 0; y < r.height; y++) hist[r.data[y * r.width + x]!]!++;
    let seen = 0;
    let m = 0;
    while (m < 255 && seen + hist[m]! <= r.height / 2) seen += hist[m++]!;
    let near = 0;
    for (let v = Math.max(0, m - BAR_TOLERANCE); v <= Math.min(255, m + BAR_TOLERANCE); v++) near += hist[v]!;
    median[x] = m;
    uniformity[x] = near / r.height;
  }
  return { median, uniformity };
}

function mean(values: ArrayLike<number>, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += values[i]!;
  return s / Math.max(1, to - from);
}

/** Does the strip of columns [from, to) beside a bar mostly differ from the bar's colour? */
function flankContrasts(r: GreyRaster, from: number, to: number, barGrey: number): boolean {
  if (from < 0 || to > r.width || to <= from) return false;
  let differ = 0;
  for (let y = 0; y < r.height; y++) {
    for (let x = from; x < to; x++) if (Math.abs(r.data[y * r.width + x]! - barGrey) >= FLANK_MIN_CONTRAST) differ++;
  }
  return differ >= FLANK_MIN_SHARE * r.height * (to - from);
}

/** Vertical divider bars in the raster, left to right. */
export function findDividerBands(r: GreyRaster, p: ColumnProfile = columnProfile(r)): Band[] {
  const maxWidth = Math.max(1, Math.round(r.width * BAR_MAX_WIDTH));
  const flank = Math.max(3, Math.round(r.width * 0.02));
  const bands: Band[] = [];
  let x = 0;
  while (x < r.width) {
    if (p.uniformity[x]! < BAR_MIN_UNIFORMITY) {
      x++;
      continue;
    }
    const start = x;
    // A bar is one colour across its width too, not just down each column.
    while (x + 1 < r.width && p.uniformity[x + 1]! >= BAR_MIN_UNIFORMITY && Math.abs(p.median[x + 1]! - p.median[start]!) <= BAR_TOLERANCE) x++;
    const end = x;
    x++;
    const centre = (start + end + 1) / 2 / r.width;
    if (end - start + 1 > maxWidth || centre < BAR_SEARCH_FROM || centre > BAR_SEARCH_TO) continue;
    const grey = mean(p.median, start, end + 1);
    // Skip one column on each side: resampling blends the bar's edge into its neighbour.
    const left = flankContrasts(r, start - 1 - flank, start - 1, grey);
    const right = flankContrasts(r, end + 2, end + 2 + flank, grey);
    if (left && right) bands.push({ start, end });
  }
  return bands;
}
