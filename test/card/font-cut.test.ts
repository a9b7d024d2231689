// Common-character font cuts: made once and cached, drawn identically to the whole fonts, and
// replaced by the whole fonts for a card with a character the cut lacks.
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cutCharacters } from '../../src/card/assets/font-cut.ts';
import { uncovered } from '../../src/card/assets/font-metrics.ts';
import { loadFontSet } from '../../src/card/assets/fonts.ts';
import { CardRenderer } from '../../src/card/render.ts';
import { NEUTRAL_BRAND } from '../../src/card/brand.ts';
import type { CardRenderRequest } from '../../src/card/types.ts';

let cache: string;
const previous = process.env.SIYU_CACHE_DIR;
beforeAll(async () => {
  cache = await mkdtemp(path.join(tmpdir(), 'siyu-font-cut-'));
  process.env.SIYU_CACHE_DIR = cache;
});
afterAll(async () => {
  if (previous === undefined) delete process.env.SIYU_CACHE_DIR;
  else process.env.SIYU_CACHE_DIR = previous;
  await rm(cache, { recursive: true, force: true });
});

const card = (title: string): CardRenderRequest => ({
  template: 'knowledge_card',
  fields: { title, points: ['术后六小时内不要沾水', '一周内避免化妆和蒸桑拿', '外出注意防晒'] },
  brand: NEUTRAL_BRAND,
  size: { width: 1080, height: 1440 },
  format: 'png',
});

describe('common-character cuts', () => {
  it('keep GB 2312 and the punctuation Chinese copy uses', () => {
    const chars = new Set(cutCharacters());
    const hanzi = [...chars].filter((c) => /\p{Script=Han}/u.test(c));
    expect(hanzi.length).toBeGreaterThanOrEqual(6763);
    for (const c of '水光针术后护理，。！？、：；“”（）《》【】—…～％①℃') expect(chars.has(c)).toBe(true);
    expect(chars.has('喆')).toBe(false); // outside GB 2312
  });

  it('are made once, stored in the cache and read back', async () => {
    const set = await loadFontSet();
    expect(set.whole).toBeDefined();
    const files = await readdir(path.join(cache, 'font-cuts'));
    expect(files.filter((f) => f.endsWith('.ttf'))).toHaveLength(2);
    for (const face of set.faces) expect(face.data.length).toBeLessThan(4 * 1024 * 1024);
    const whole = await set.whole!();
    for (const face of whole.faces) expect(face.data.length).toBeGreaterThan(8 * 1024 * 1024);
    const { commonCut } = await import('../../src/card/assets/font-cut.ts');
    const regular = whole.faces.find((f) => f.weight === 400)!;
    // Read back, not made again: the entry's file is untouched.
    const entries = async () => Object.fromEntries(await Promise.all((await readdir(path.join(cache, 'font-cuts'))).map(async (f) => [f, (await stat(path.join(cache, 'font-cuts', f))).mtimeMs] as const)));
    const before = await entries();
    const again = await commonCut(regular.file, async () => {
      throw new Error('the whole font should not be needed for a cached cut');
    });
    expect(again?.equals(set.faces.find((f) => f.weight === 400)!.data)).toBe(true);
    expect(await entries()).toEqual(before);
    // A damaged entry is made again rather than handed to satori.
    for (const f of files) await writeFile(path.join(cache, 'font-cuts', f), 'damaged');
    const remade = await commonCut(regular.file, async () => regular.data);
    expect(remade?.equals(set.faces.find((f) => f.weight === 400)!.data)).toBe(true);
  });

  it('draw cards byte-identically to the whole fonts', async () => {
    const withCut = await CardRenderer.create();
    const withWhole = await CardRenderer.create();
    withWhole.fonts = async () => (await loadFontSet()).whole!();
    for (const title of ['换季护肤的三个要点', '光子嫩肤（OPT）前后 7 天，注意这些！']) {
      const a = await withCut.render(card(title));
      const b = await withWhole.render(card(title));
      expect((await loadFontSet()).faces[0]!.data.length).toBeLessThan(4 * 1024 * 1024);
      expect(a.sha256).toBe(b.sha256);
    }
  });

  it('are not used when caching is off', async () => {
    process.env.SIYU_CACHE_DIR = 'off';
    try {
      // A fresh key (another assets folder path spelling) so the per-process set is loaded anew.
      const set = await loadFontSet(undefined, path.resolve('assets') + path.sep);
      expect(set.whole).toBeUndefined();
      expect(set.faces[0]!.data.length).toBeGreaterThan(8 * 1024 * 1024);
    } finally {
      process.env.SIYU_CACHE_DIR = cache;
    }
  });

  it('give way to the whole fonts for a character they lack, which is then drawn', async () => {
    const set = await loadFontSet();
    expect([...uncovered(set, '喆堃的护理要点')].map((cp) => String.fromCodePoint(cp)).join('')).toBe('喆堃');
    const whole = await set.whole!();
    expect(uncovered(whole, '喆堃').size).toBe(0);
    const renderer = await CardRenderer.create();
    const rare = await renderer.render(card('喆堃的护理要点'));
    const common = await renderer.render(card('口口的护理要点'));
    expect(rare.sha256).not.toBe(common.sha256);
  });
});
