// Error-level analysis: re-save the picture as JPEG at a known quality and look at how much each
// pixel changes. Regions pasted in or retouched after the last save often recompress differently
// from the rest and glow in the heat-map. It is a screening aid for a person, never proof (noise,
// edges and text glow too), so it produces a picture for the reviewer and never a finding.
import { rename, rm } from 'node:fs/promises';
import sharp from 'sharp';
import type { DecodedImage } from './decode.ts';

export const ELA_QUALITY = 90;
/** Recompression differences are a few grey levels; ×20 brings them into the visible range while
 *  a fixed gain keeps heat-maps of different images comparable. */
export const ELA_GAIN = 20;

/** Black → red → yellow → white, so a reviewer reads "brighter = changed more" at a glance. */
export function heatColour(v: number): [number, number, number] {
  const t = Math.max(0, Math.min(255, v)) / 255;
  return [Math.round(255 * Math.min(1, t * 3)), Math.round(255 * Math.min(1, Math.max(0, t * 3 - 1))), Math.round(255 * Math.max(0, t * 3 - 2))];
}

/** The heat-map's long side at most: a reviewer looks at it on a screen, and a 48-MP heat-map took
 *  seconds to encode. */
export const HEATMAP_MAX_SIDE = 2048;

export interface Heatmap {
  width: number;
  height: number;
  /** width × height × 3 bytes. */
  rgb: Uint8Array;
}

/** Pure: RGB heat-map from the original and the re-saved pixels (both RGB, width × height), using
 *  the largest channel difference of each pixel, amplified. Differences are measured at full
 *  resolution; a picture larger than maxSide is shown in blocks, each as bright as its brightest
 *  pixel (averaging would dim the small pasted region the heat-map is for). */
export function elaHeat(original: Uint8Array, resaved: Uint8Array, width: number, height: number, gain = ELA_GAIN, maxSide = HEATMAP_MAX_SIDE): Heatmap {
  const k = Math.max(1, Math.ceil(Math.max(width, height) / maxSide));
  const w = Math.ceil(width / k);
  const h = Math.ceil(height / k);
  const level = new Uint8Array(w * h);
  for (let y = 0; y < height; y++) {
    const row = ((y / k) | 0) * w;
    for (let x = 0, i = y * width * 3; x < width; x++, i += 3) {
      const d = Math.max(
        Math.abs(original[i]! - resaved[i]!),
        Math.abs(original[i + 1]! - resaved[i + 1]!),
        Math.abs(original[i + 2]! - resaved[i + 2]!),
      );
      const b = row + ((x / k) | 0);
      if (d > level[b]!) level[b] = d;
    }
  }
  const colours = Array.from({ length: 256 }, (_, d) => heatColour(d * gain));
  const rgb = new Uint8Array(w * h * 3);
  for (let b = 0; b < level.length; b++) rgb.set(colours[level[b]!]!, b * 3);
  return { width: w, height: h, rgb };
}

/** Writes the heat-map PNG to `outFile` through a temporary name, so a failure never leaves a
 *  half-written heat-map that looks like a real one. */
export async function writeElaHeatmap(img: DecodedImage, outFile: string): Promise<void> {
  const raw = { width: img.width, height: img.height, channels: 3 as const };
  const jpeg = await sharp(img.rgb, { raw }).jpeg({ quality: ELA_QUALITY, chromaSubsampling: '4:4:4' }).toBuffer();
  const resaved = await sharp(jpeg).raw().toBuffer();
  const heat = elaHeat(img.rgb, resaved, img.width, img.height);
  const tmp = `${outFile}.${process.pid}.tmp`;
  try {
    await sharp(heat.rgb, { raw: { width: heat.width, height: heat.height, channels: 3 } }).png().toFile(tmp);
    await rename(tmp, outFile);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
