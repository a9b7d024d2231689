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

/** Pure: RGB heat-map from the original and the re-saved pixels (both RGB, same size), using the
 *  largest channel difference of each pixel, amplified. */
export function elaHeat(original: Uint8Array, resaved: Uint8Array, gain = ELA_GAIN): Uint8Array {
  const out = new Uint8Array(original.length);
  for (let i = 0; i + 2 < original.length; i += 3) {
    const d = Math.max(
      Math.abs(original[i]! - resaved[i]!),
      Math.abs(original[i + 1]! - resaved[i + 1]!),
      Math.abs(original[i + 2]! - resaved[i + 2]!),
    );
    const [r, g, b] = heatColour(d * gain);
    out[i] = r;
    out[i + 1] = g;
    out[i + 2] = b;
  }
  return out;
}

/** Writes the heat-map PNG to `outFile` through a temporary name, so a failure never leaves a
 *  half-written heat-map that looks like a real one. */
export async function writeElaHeatmap(img: DecodedImage, outFile: string): Promise<void> {
  const raw = { width: img.width, height: img.height, channels: 3 as const };
  const jpeg = await sharp(img.rgb, { raw }).jpeg({ quality: ELA_QUALITY, chromaSubsampling: '4:4:4' }).toBuffer();
  const resaved = await sharp(jpeg).raw().toBuffer();
  const heat = elaHeat(img.rgb, resaved);
  const tmp = `${outFile}.${process.pid}.tmp`;
  try {
    await sharp(heat, { raw }).png().toFile(tmp);
    await rename(tmp, outFile);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
