// The font-table reader used for text fitting must give the same glyphs and advances as fontkit.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { openFontMetrics } from '../../src/card/assets/sfnt-metrics.ts';

const require = createRequire(import.meta.url);
const FONTS = {
  'Noto Sans SC 400': require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  'Noto Sans SC 700': require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
};

describe('openFontMetrics', () => {
  for (const [name, file] of Object.entries(FONTS)) {
    it(`matches fontkit for every mapped code point of ${name}`, () => {
      const data = readFileSync(file);
      const ours = openFontMetrics(data);
      const theirs = fontkit.create(data) as fontkit.Font;
      expect(ours.unitsPerEm).toBe(theirs.unitsPerEm);
      const cps = theirs.characterSet;
      expect(cps.length).toBeGreaterThan(20_000);
      let differing = 0;
      for (const cp of cps) {
        const g = theirs.glyphForCodePoint(cp);
        if (ours.glyphOf(cp) !== g.id || ours.advanceOf(ours.glyphOf(cp)) !== g.advanceWidth) differing++;
      }
      expect(differing).toBe(0);
      // Unmapped code points (a private-use one, an unassigned plane-3 one) give .notdef.
      expect(ours.glyphOf(0xe000)).toBe(theirs.glyphForCodePoint(0xe000).id);
      expect(ours.glyphOf(0x3fffd)).toBe(0);
    });
  }

  const regular = () => readFileSync(FONTS['Noto Sans SC 400']);
  const sample = [...'水光针术后护理，一周内注意防晒！ABCxyz0123（）《》—…'].map((c) => c.codePointAt(0)!);

  it('falls back to the BMP map (format 4) when the font has no full-repertoire map', () => {
    const data = Buffer.from(regular());
    const reference = openFontMetrics(data);
    // Hide every format-12 subtable by giving it an unknown format number.
    const tables = data.readUInt16BE(4);
    for (let i = 0; i < tables; i++) {
      if (data.toString('latin1', 12 + i * 16, 16 + i * 16) !== 'cmap') continue;
      const cmap = data.readUInt32BE(12 + i * 16 + 8);
      for (let r = 0; r < data.readUInt16BE(cmap + 2); r++) {
        const at = cmap + data.readUInt32BE(cmap + 4 + r * 8 + 4);
        if (data.readUInt16BE(at) === 12) data.writeUInt16BE(99, at);
      }
    }
    const bmpOnly = openFontMetrics(data);
    for (const cp of sample) expect(bmpOnly.glyphOf(cp)).toBe(reference.glyphOf(cp));
    expect(bmpOnly.glyphOf(0x20000)).toBe(0); // a plane-2 character is beyond format 4
  });

  it('reads WOFF fonts (zlib-compressed tables)', () => {
    const ttf = regular();
    const n = ttf.readUInt16BE(4);
    const header = Buffer.alloc(44 + n * 20);
    header.writeUInt32BE(0x774f4646, 0);
    header.writeUInt16BE(n, 12);
    const bodies: Buffer[] = [];
    let offset = header.length;
    for (let i = 0; i < n; i++) {
      const rec = 12 + i * 16;
      const orig = ttf.subarray(ttf.readUInt32BE(rec + 8), ttf.readUInt32BE(rec + 8) + ttf.readUInt32BE(rec + 12));
      const packed = deflateSync(orig);
      const body = packed.length < orig.length ? packed : orig;
      ttf.copy(header, 44 + i * 20, rec, rec + 4);
      header.writeUInt32BE(offset, 44 + i * 20 + 4);
      header.writeUInt32BE(body.length, 44 + i * 20 + 8);
      header.writeUInt32BE(orig.length, 44 + i * 20 + 12);
      bodies.push(body);
      offset += body.length;
    }
    const woff = openFontMetrics(Buffer.concat([header, ...bodies]));
    const reference = openFontMetrics(ttf);
    for (const cp of sample) {
      expect(woff.glyphOf(cp)).toBe(reference.glyphOf(cp));
      expect(woff.advanceOf(woff.glyphOf(cp))).toBe(reference.advanceOf(reference.glyphOf(cp)));
    }
  });

  it('refuses a file that is not a font, with a reason', () => {
    expect(() => openFontMetrics(Buffer.from('not a font at all, just some text here, long enough'))).toThrow(/font/);
  });
});
