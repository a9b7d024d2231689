// 64-bit DCT perceptual hash (pHash): shrink to 32×32 grey, take the 2-D DCT, keep the 8×8 lowest
// frequencies and set a bit for each coefficient above their median. Low frequencies are the
// picture's layout, which survives re-encoding, resizing and slight crops; two copies of one
// photo differ in a few bits, unrelated photos in about half of the 64.
import sharp from 'sharp';
import type { DecodedImage } from './decode.ts';

export const PHASH_SIZE = 32;
const LOW = 8;

/** Two images whose hashes differ in at most this many of 64 bits are treated as the same
 *  picture. Measured on drawn scenes: re-encoded and resized copies land at 0–2, copies cropped by
 *  3–6% at 2–8, a 10% crop at about 10; unrelated scenes at 14–40 (chance is 32). 10 catches
 *  the copies a clinic would actually reuse while staying clear of unrelated pictures. */
export const PHASH_MATCH_DISTANCE = 10;

// cos((2x+1)uπ / 2N) for u < 8, x < 32: the only DCT terms the hash needs.
const COS: Float64Array[] = Array.from({ length: LOW }, (_, u) =>
  Float64Array.from({ length: PHASH_SIZE }, (_, x) => Math.cos(((2 * x + 1) * u * Math.PI) / (2 * PHASH_SIZE))),
);

/** The top-left 8×8 of the 2-D DCT-II of a 32×32 grey image (row-major), unnormalised: the
 *  hash only compares coefficients with each other, so scale factors do not matter. */
export function lowDct(pixels: ArrayLike<number>): Float64Array {
  const N = PHASH_SIZE;
  // Rows first (32 rows × 8 frequencies), then columns of that result.
  const rows = new Float64Array(N * LOW);
  for (let y = 0; y < N; y++) {
    for (let u = 0; u < LOW; u++) {
      let s = 0;
      for (let x = 0; x < N; x++) s += pixels[y * N + x]! * COS[u]![x]!;
      rows[y * LOW + u] = s;
    }
  }
  const out = new Float64Array(LOW * LOW);
  for (let v = 0; v < LOW; v++) {
    for (let u = 0; u < LOW; u++) {
      let s = 0;
      for (let y = 0; y < N; y++) s += rows[y * LOW + u]! * COS[v]![y]!;
      out[v * LOW + u] = s;
    }
  }
  return out;
}

/** pHash of 32×32 grey pixels as 16 hex digits. The median excludes the DC term (overall
 *  brightness), which would otherwise skew it. */
export function phashFromPixels(pixels: ArrayLike<number>): string {
  if (pixels.length !== PHASH_SIZE * PHASH_SIZE) throw new Error(`phash needs ${PHASH_SIZE}×${PHASH_SIZE} pixels`);
  const dct = lowDct(pixels);
  const ac = [...dct.subarray(1)].sort((a, b) => a - b);
  const median = (ac[31]! + ac[32]!) / 2;
  let bits = 0n;
  for (let i = 0; i < dct.length; i++) bits = (bits << 1n) | (dct[i]! > median ? 1n : 0n);
  return bits.toString(16).padStart(16, '0');
}

export function hammingDistance(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  while (x > 0n) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
}

/** pHash of a decoded image. The squash to a square (fit: fill) is deliberate: it is the same
 *  for every copy of the picture whatever its size. */
export async function phashOf(img: DecodedImage): Promise<string> {
  const { data } = await sharp(img.rgb, { raw: { width: img.width, height: img.height, channels: 3 } })
    .greyscale()
    .resize(PHASH_SIZE, PHASH_SIZE, { fit: 'fill', kernel: 'cubic' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return phashFromPixels(data);
}
