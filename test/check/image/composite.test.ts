// Before/after composite detection on drawn images: split panels with and without a divider bar,
// side by side and stacked, and the single photos (including a symmetric face) that must not count.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeImage, detectComposite, findDividerBands, greyRaster, type GreyRaster } from '../../../src/check/image/index.ts';
import { composite, faceLike, photoLike, rng, save } from './fixtures.ts';

let dir: string;
let face: Buffer;

async function detect(buf: Buffer, name: string) {
  const file = await save(buf, path.join(dir, `${name}.jpg`), 85);
  return detectComposite(await greyRaster(await decodeImage(file)));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'siyu-composite-'));
  face = await faceLike();
});

describe('divider bars (pure)', () => {
  /** Noise texture with columns [from, to] painted one grey. */
  function raster(width: number, height: number, bar?: { from: number; to: number; grey: number }): GreyRaster {
    const rand = rng(3);
    const data = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        data[y * width + x] = bar && x >= bar.from && x <= bar.to ? bar.grey : Math.floor(rand() * 256);
      }
    }
    return { width, height, data };
  }

  it('finds a narrow uniform column run between textured flanks', () => {
    expect(findDividerBands(raster(200, 80, { from: 98, to: 101, grey: 250 }))).toEqual([{ start: 98, end: 101 }]);
  });

  it('ignores a wide flat area (background, not a bar) and bars at the very edge (a frame)', () => {
    expect(findDividerBands(raster(200, 80, { from: 60, to: 120, grey: 250 }))).toEqual([]);
    expect(findDividerBands(raster(200, 80, { from: 4, to: 8, grey: 250 }))).toEqual([]);
    expect(findDividerBands(raster(200, 80))).toEqual([]);
  });
});

describe('before/after composites', () => {
  it('flags two copies side by side with a white divider bar', async () => {
    const found = await detect(await composite(face, { split: 'vertical', bar: 8 }), 'side-by-side');
    expect(found?.kind).toBe('before-after');
    expect(found?.evidence).toMatchObject({ split: 'vertical', panels: 2, dividers: [0.5] });
    expect(found!.evidence.similarity).toBeGreaterThan(0.9);
  });

  it('flags a composite whose "after" half is brighter', async () => {
    const found = await detect(await composite(face, { split: 'vertical', bar: 6, afterBrightness: 1.12 }), 'brighter');
    expect(found?.kind).toBe('before-after');
    expect(found!.evidence.similarity).toBeGreaterThan(0.9);
  });

  it('flags a stacked (top/bottom) composite', async () => {
    const found = await detect(await composite(face, { split: 'horizontal', bar: 10, barColour: '#f3c6d3' }), 'stacked');
    expect(found?.kind).toBe('before-after');
    expect(found?.evidence).toMatchObject({ split: 'horizontal', panels: 2, dividers: [0.5] });
  });

  it('flags three panels (before, one month, three months)', async () => {
    const found = await detect(await composite(face, { split: 'vertical', panels: 3, bar: 6 }), 'three');
    expect(found?.kind).toBe('before-after');
    expect(found?.evidence).toMatchObject({ panels: 3, dividers: [0.33, 0.67] });
  });

  it('flags near-identical halves butted together without a bar', async () => {
    const found = await detect(await composite(face, { split: 'vertical', bar: 0 }), 'no-bar');
    expect(found?.kind).toBe('before-after');
    expect(found?.evidence.dividers).toEqual([]);
  });

  it('still flags an "after" that is shifted, brighter and softened', async () => {
    const big = await faceLike(480, 600);
    const before = await sharp(big).extract({ left: 20, top: 25, width: 400, height: 500 }).png().toBuffer();
    const after = await sharp(big).extract({ left: 40, top: 35, width: 400, height: 500 }).modulate({ brightness: 1.1 }).blur(1.5).png().toBuffer();
    const buf = await sharp({ create: { width: 808, height: 500, channels: 3, background: '#ffffff' } })
      .composite([{ input: before, left: 0, top: 0 }, { input: after, left: 408, top: 0 }])
      .png()
      .toBuffer();
    expect((await detect(buf, 'shifted'))?.kind).toBe('before-after');
  });

  it('calls two different photos with a bar between them a collage for review, not a comparison', async () => {
    const buf = await sharp({ create: { width: 1288, height: 480, channels: 3, background: '#ffffff' } })
      .composite([{ input: await photoLike(640, 480, 1), left: 0, top: 0 }, { input: await photoLike(640, 480, 9), left: 648, top: 0 }])
      .png()
      .toBuffer();
    const found = await detect(buf, 'collage');
    expect(found?.kind).toBe('split-panels');
    expect(found!.evidence.similarity).toBeLessThan(0.6);
  });
});

describe('designed cards are not composites', () => {
  it('a coloured header block with text over a light body with text, split by a bar', async () => {
    // Text-like strokes: short dark dashes in rows, as lines of characters look at this scale.
    const strokes = (w: number, h: number, ink: string) =>
      Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${Array.from({ length: 6 }, (_, row) =>
          Array.from({ length: 14 }, (_, i) => `<rect x="${60 + i * 60}" y="${80 + row * 90}" width="44" height="44" fill="${ink}"/>`).join(''),
        ).join('')}</svg>`,
      );
    const buf = await sharp({ create: { width: 1080, height: 1440, channels: 3, background: '#F3E9E2' } })
      .composite([
        { input: await sharp({ create: { width: 1080, height: 760, channels: 3, background: '#8C6A5D' } }).png().toBuffer(), left: 0, top: 0 },
        { input: strokes(1080, 700, '#ffffff'), left: 0, top: 0 },
        { input: await sharp({ create: { width: 1080, height: 20, channels: 3, background: '#ffffff' } }).png().toBuffer(), left: 0, top: 760 },
        { input: strokes(1080, 640, '#2B2B2B'), left: 0, top: 790 },
      ])
      .png()
      .toBuffer();
    expect(await detect(buf, 'poster')).toBeUndefined();
  });
});

describe('single photos are not composites', () => {
  it('a photo-like scene (gradients, shapes, noise)', async () => {
    for (const seed of [1, 2, 3]) expect(await detect(await photoLike(800, 600, seed), `scene-${seed}`)).toBeUndefined();
  });

  it('a mirror-symmetric, centred face: its halves are reflections, not repeats', async () => {
    expect(await detect(await faceLike(400, 500, { symmetric: true }), 'symmetric')).toBeUndefined();
    expect(await detect(await faceLike(900, 500, { symmetric: true }), 'symmetric-wide')).toBeUndefined();
  });

  it('a portrait', async () => {
    expect(await detect(face, 'portrait')).toBeUndefined();
  });

  it('a text card with a ruled line down the middle (featureless panels)', async () => {
    const card = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#fdf6ec' } })
      .composite([{ input: { create: { width: 4, height: 600, channels: 3, background: '#c08060' } }, left: 398, top: 0 }])
      .png()
      .toBuffer();
    expect(await detect(card, 'card')).toBeUndefined();
  });
});
