// Advance widths straight from a font's cmap and hmtx tables — all text fitting needs. fontkit
// reads them too, but importing it costs ~0.12 s of a card's cold start (its Brotli dictionary and
// Unicode tables load at import), for two table lookups. Reads TrueType/OpenType (glyf or CFF) and
// WOFF; the tables are looked up in place, nothing is parsed ahead, so opening a 10 MB CJK font is
// free. Checked against fontkit glyph by glyph in test/card/sfnt-metrics.test.ts.
import { inflateSync } from 'node:zlib';

const WOFF = 0x774f4646; // 'wOFF'

interface Table {
  data: DataView;
}

function view(buf: Uint8Array, offset: number, length: number): DataView {
  if (offset + length > buf.byteLength) throw new Error('font table outside the file');
  return new DataView(buf.buffer, buf.byteOffset + offset, length);
}

/** The tables by tag, decompressing WOFF tables when needed. */
function readTables(buf: Uint8Array, wanted: readonly string[]): Map<string, Table> {
  const dv = view(buf, 0, Math.min(buf.byteLength, 44));
  const woff = dv.getUint32(0) === WOFF;
  const numTables = woff ? dv.getUint16(12) : dv.getUint16(4);
  const dirStart = woff ? 44 : 12;
  const entrySize = woff ? 20 : 16;
  const dir = view(buf, dirStart, numTables * entrySize);
  const tables = new Map<string, Table>();
  for (let i = 0; i < numTables; i++) {
    const at = i * entrySize;
    const tag = String.fromCharCode(dir.getUint8(at), dir.getUint8(at + 1), dir.getUint8(at + 2), dir.getUint8(at + 3));
    if (!wanted.includes(tag)) continue;
    if (woff) {
      const offset = dir.getUint32(at + 4);
      const compLength = dir.getUint32(at + 8);
      const origLength = dir.getUint32(at + 12);
      const raw = buf.subarray(offset, offset + compLength);
      const data = compLength < origLength ? inflateSync(raw) : raw;
      tables.set(tag, { data: view(data, 0, data.byteLength) });
    } else {
      tables.set(tag, { data: view(buf, dir.getUint32(at + 8), dir.getUint32(at + 12)) });
    }
  }
  return tables;
}

type GlyphLookup = (cp: number) => number;

/** Format 12 (segmented coverage, any plane): binary search over the groups. */
function format12(t: DataView, at: number): GlyphLookup {
  const groups = t.getUint32(at + 12);
  return (cp) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const g = at + 16 + mid * 12;
      if (cp < t.getUint32(g)) hi = mid - 1;
      else if (cp > t.getUint32(g + 4)) lo = mid + 1;
      else return t.getUint32(g + 8) + (cp - t.getUint32(g));
    }
    return 0;
  };
}

/** Format 4 (segment mapping, BMP only). */
function format4(t: DataView, at: number): GlyphLookup {
  const segCount = t.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    let lo = 0;
    let hi = segCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (t.getUint16(ends + mid * 2) < cp) lo = mid + 1;
      else hi = mid;
    }
    const start = t.getUint16(starts + lo * 2);
    if (cp < start || cp > t.getUint16(ends + lo * 2)) return 0;
    const delta = t.getUint16(deltas + lo * 2);
    const rangeOffset = t.getUint16(rangeOffsets + lo * 2);
    if (rangeOffset === 0) return (cp + delta) & 0xffff;
    const glyphAt = rangeOffsets + lo * 2 + rangeOffset + (cp - start) * 2;
    if (glyphAt + 2 > t.byteLength) return 0;
    const glyph = t.getUint16(glyphAt);
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  };
}

/** The Unicode subtable: full-repertoire (format 12) first, then BMP (format 4). */
function unicodeLookup(cmap: DataView): GlyphLookup {
  const n = cmap.getUint16(2);
  const byPreference: [number, GlyphLookup][] = [];
  for (let i = 0; i < n; i++) {
    const rec = 4 + i * 8;
    const platform = cmap.getUint16(rec);
    const encoding = cmap.getUint16(rec + 2);
    const at = cmap.getUint32(rec + 4);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = cmap.getUint16(at);
    if (format === 12) byPreference.push([0, format12(cmap, at)]);
    else if (format === 4) byPreference.push([1, format4(cmap, at)]);
  }
  byPreference.sort((a, b) => a[0] - b[0]);
  const best = byPreference[0];
  if (!best) throw new Error('no Unicode character map (cmap format 4 or 12)');
  return best[1];
}

export interface FontMetrics {
  unitsPerEm: number;
  /** Glyph id for a code point; 0 (.notdef) when the font has none. */
  glyphOf(cp: number): number;
  /** Advance width in font units of a glyph. */
  advanceOf(glyph: number): number;
}

/** Opens a font's metrics; throws an Error (English, for the log) when a needed table is missing. */
export function openFontMetrics(data: Uint8Array): FontMetrics {
  const tables = readTables(data, ['cmap', 'head', 'hhea', 'hmtx']);
  const get = (tag: string) => {
    const t = tables.get(tag);
    if (!t) throw new Error(`font has no ${tag} table`);
    return t.data;
  };
  const head = get('head');
  const hhea = get('hhea');
  const hmtx = get('hmtx');
  const numberOfHMetrics = hhea.getUint16(34);
  const glyphOf = unicodeLookup(get('cmap'));
  return {
    unitsPerEm: head.getUint16(18),
    glyphOf,
    // Glyphs past numberOfHMetrics share the last advance (monospaced tails).
    advanceOf: (glyph) => hmtx.getUint16(Math.min(glyph, numberOfHMetrics - 1) * 4),
  };
}
