// A greyscale raster and the few pure operations the detectors share. Kept free of sharp so the
// rules can be tested on hand-made pixel arrays.

export interface GreyRaster {
  width: number;
  height: number;
  /** width × height bytes, rows top to bottom. */
  data: Uint8Array;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Rows become columns, so one column-scanning routine finds both vertical and horizontal bars. */
export function transpose(r: GreyRaster): GreyRaster {
  const out = new Uint8Array(r.data.length);
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) out[x * r.height + y] = r.data[y * r.width + x]!;
  }
  return { width: r.height, height: r.width, data: out };
}

/** Box-averaged size×size thumbnail of a rectangle: the coarse structure of a panel, which
 *  survives re-encoding, small shifts and retouching. */
export function thumbnail(r: GreyRaster, rect: Rect, size: number): Float64Array {
  const out = new Float64Array(size * size);
  for (let ty = 0; ty < size; ty++) {
    const y0 = rect.y + Math.floor((ty * rect.height) / size);
    const y1 = Math.max(y0 + 1, rect.y + Math.floor(((ty + 1) * rect.height) / size));
    for (let tx = 0; tx < size; tx++) {
      const x0 = rect.x + Math.floor((tx * rect.width) / size);
      const x1 = Math.max(x0 + 1, rect.x + Math.floor(((tx + 1) * rect.width) / size));
      let sum = 0;
      for (let y = y0; y < y1; y++) {
        const row = y * r.width;
        for (let x = x0; x < x1; x++) sum += r.data[row + x]!;
      }
      out[ty * size + tx] = sum / ((y1 - y0) * (x1 - x0));
    }
  }
  return out;
}

/** The thumbnail flipped left–right. */
export function mirror(thumb: Float64Array, size: number): Float64Array {
  const out = new Float64Array(thumb.length);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) out[y * size + x] = thumb[y * size + (size - 1 - x)]!;
  }
  return out;
}

export function stdDev(a: Float64Array): number {
  let mean = 0;
  for (const v of a) mean += v;
  mean /= a.length;
  let s = 0;
  for (const v of a) s += (v - mean) ** 2;
  return Math.sqrt(s / a.length);
}

/** Pearson correlation; brightness and contrast changes (gain and offset) leave it unchanged,
 *  which is what an "after" photo shot under different light needs. 0 for a flat input. */
export function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return 0;
  return sab / Math.sqrt(saa * sbb);
}

/** Best correlation of two size×size thumbnails over small translations (up to maxShift cells
 *  each way), on their overlap: an "after" photo is rarely framed exactly like the "before". */
export function shiftedPearson(a: Float64Array, b: Float64Array, size: number, maxShift: number): number {
  let best = -1;
  for (let dy = -maxShift; dy <= maxShift; dy++) {
    for (let dx = -maxShift; dx <= maxShift; dx++) {
      const w = size - Math.abs(dx);
      const h = size - Math.abs(dy);
      const pa = new Float64Array(w * h);
      const pb = new Float64Array(w * h);
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          pa[y * w + x] = a[(y + Math.max(0, dy)) * size + x + Math.max(0, dx)]!;
          pb[y * w + x] = b[(y + Math.max(0, -dy)) * size + x + Math.max(0, -dx)]!;
        }
      }
      best = Math.max(best, pearson(pa, pb));
    }
  }
  return best;
}
