// The DCT perceptual hash: the maths on hand-made pixels, then robustness on drawn photos —
// re-encoded, resized and slightly cropped copies stay within the match distance, unrelated
// pictures do not.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeImage, hammingDistance, lowDct, PHASH_MATCH_DISTANCE, phashFromPixels, phashOf } from '../../../src/check/image/index.ts';
import { faceLike, photoLike, save } from './fixtures.ts';

describe('pHash maths', () => {
  it('puts all of a flat image into the DC coefficient', () => {
    const dct = lowDct(new Array(1024).fill(100));
    expect(dct[0]).toBeCloseTo(100 * 1024);
    for (let i = 1; i < 64; i++) expect(Math.abs(dct[i]!)).toBeLessThan(1e-6);
  });

  it('encodes a left-bright/right-dark image in the first horizontal frequency', () => {
    const px = Array.from({ length: 1024 }, (_, i) => (i % 32 < 16 ? 200 : 50));
    const dct = lowDct(px);
    expect(dct[1]).toBeGreaterThan(1000);
    expect(Math.abs(dct[8]!)).toBeLessThan(1e-6); // no vertical change
  });

  it('gives 16 hex digits, and inverted pictures hash far apart', () => {
    const px = Array.from({ length: 1024 }, (_, i) => ((i * 7919) % 251) + (i % 32) * 3);
    const h = phashFromPixels(px);
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(hammingDistance(h, h)).toBe(0);
    expect(hammingDistance(h, phashFromPixels(px.map((v) => 255 - v)))).toBeGreaterThan(50);
  });

  it('counts differing bits', () => {
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('00000000000000f0', '0000000000000010')).toBe(3);
  });
});

describe('pHash robustness', () => {
  let dir: string;
  const hashOf = async (buf: Buffer, name: string, quality = 90) => phashOf(await decodeImage(await save(buf, path.join(dir, name), quality)));

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'siyu-phash-'));
  });

  it('matches re-encoded, resized and slightly cropped copies', async () => {
    const original = await photoLike(1000, 750, 5);
    const h = await hashOf(original, 'original.png');
    const copies = {
      reencoded: await hashOf(original, 'q40.jpg', 40),
      resized: await hashOf(await sharp(original).resize(480).png().toBuffer(), 'small.jpg', 75),
      cropped: await hashOf(await sharp(original).extract({ left: 30, top: 20, width: 940, height: 710 }).png().toBuffer(), 'crop.jpg'),
      brighter: await hashOf(await sharp(original).modulate({ brightness: 1.1 }).png().toBuffer(), 'bright.jpg'),
    };
    for (const [name, c] of Object.entries(copies)) expect(hammingDistance(h, c), name).toBeLessThanOrEqual(PHASH_MATCH_DISTANCE);
  });

  it('keeps unrelated pictures apart', async () => {
    const hashes = [
      await hashOf(await photoLike(800, 600, 1), 'a.jpg'),
      await hashOf(await photoLike(800, 600, 2), 'b.jpg'),
      await hashOf(await photoLike(800, 600, 11), 'c.jpg'),
      await hashOf(await faceLike(), 'd.jpg'),
      await hashOf(await faceLike(400, 500, { symmetric: true, seed: 3 }), 'e.jpg'),
    ];
    for (let i = 0; i < hashes.length; i++) {
      for (let j = i + 1; j < hashes.length; j++) expect(hammingDistance(hashes[i]!, hashes[j]!), `${i}-${j}`).toBeGreaterThan(PHASH_MATCH_DISTANCE);
    }
  });
});
