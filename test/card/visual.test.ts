// Visual tests for every card layout: each size it declares × normal, long and very long Chinese
// text (test/card/cases.ts), compared with the committed references in test/fixtures/cards/
// (`npm run cards:refs` redraws them; look at them before committing). Also: normal text fits
// without warnings, very long text is truncated with a warning, nothing is reported outside the
// safe margin, and — by pixels — nothing that depends on the text is drawn outside it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CardRenderer } from '../../src/card/render.ts';
import type { CardRenderRequest } from '../../src/card/types.ts';
import { CARD_CASES, REPO_DIR, cardRenderCases, minimalRequest, requiredOnlyCases, type CardRenderCase } from './cases.ts';

const renderer = await CardRenderer.create();
const cases = cardRenderCases(renderer.templates);

/** pixelmatch's per-pixel colour threshold, and the share of pixels that may differ. */
const THRESHOLD = 0.1;
const MAX_DIFF_SHARE = 0.005;

interface Raster {
  data: Buffer;
  width: number;
  height: number;
}

async function raster(png: Uint8Array): Promise<Raster> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

const minimal = new Map<string, Promise<Raster>>();
/** The card with one-character texts, rendered once per distinct request. */
function minimalRaster(c: CardRenderCase): Promise<Raster> {
  const req: CardRenderRequest = minimalRequest(renderer.templates, c);
  const key = JSON.stringify(req);
  let r = minimal.get(key);
  if (!r) minimal.set(key, (r = renderer.render(req).then((card) => raster(card.image))));
  return r;
}

/**
 * Pixels outside the safe margin that differ between two renders of the same layout (1 px of
 * anti-aliasing allowed at the margin's edge), as "x,y" for the first few.
 */
function differencesOutside(a: Raster, b: Raster, safe: number): { count: number; first: string[] } {
  const first: string[] = [];
  let count = 0;
  const lo = safe - 1;
  for (let y = 0; y < a.height; y++) {
    const inRows = y >= lo && y < a.height - lo;
    for (let x = 0; x < a.width; x++) {
      if (inRows && x >= lo && x < a.width - lo) {
        x = a.width - lo - 1; // skip the inside of the row
        continue;
      }
      const i = (y * a.width + x) * 4;
      const d = Math.max(Math.abs(a.data[i]! - b.data[i]!), Math.abs(a.data[i + 1]! - b.data[i + 1]!), Math.abs(a.data[i + 2]! - b.data[i + 2]!), Math.abs(a.data[i + 3]! - b.data[i + 3]!));
      if (d > 16) {
        count++;
        if (first.length < 5) first.push(`${x},${y}`);
      }
    }
  }
  return { count, first };
}

describe('card layouts, visual', () => {
  it('has normal, long and very long texts for every layout', () => {
    expect(Object.keys(CARD_CASES).sort()).toEqual([...renderer.templates.keys()].sort());
  });

  it.each(cases.map((c) => [`${c.template} ${c.size} ${c.name}`, c] as const))('%s', async (_, c) => {
    const card = await renderer.render(c.request);

    // Soft: one run reports every problem of a card, not just the first.
    expect.soft(card.warnings.filter((w) => w.startsWith('版式问题'))).toEqual([]);
    if (c.name === 'normal') expect.soft(card.warnings).toEqual([]);
    if (c.name === 'very_long') expect.soft(card.warnings.some((w) => /太长.*(截断|没有显示)/.test(w)), card.warnings.join('\n')).toBe(true);

    const actual = await raster(card.image);
    let refPng: Buffer;
    try {
      refPng = await readFile(c.ref);
    } catch {
      throw new Error(`No reference image ${path.relative(REPO_DIR, c.ref)}: run npm run cards:refs and look at it before committing`);
    }
    const ref = await raster(refPng);
    expect([actual.width, actual.height]).toEqual([ref.width, ref.height]);
    const differing = pixelmatch(actual.data, ref.data, undefined, actual.width, actual.height, { threshold: THRESHOLD });
    expect.soft(differing / (actual.width * actual.height), `${differing} pixels differ from ${path.basename(c.ref)}`).toBeLessThanOrEqual(MAX_DIFF_SHARE);

    await expectInsideSafeMargin(c, actual);
  });

  it.each(requiredOnlyCases(renderer.templates).map((c) => [`${c.template} ${c.size}`, c] as const))('%s with only the required fields', async (_, c) => {
    const card = await renderer.render(c.request);
    expect.soft(card.warnings).toEqual([]);
    await expectInsideSafeMargin(c, await raster(card.image));
  });
});

async function expectInsideSafeMargin(c: CardRenderCase, actual: Raster): Promise<void> {
  const safe = renderer.templates.get(c.template)!.sizes[c.size]!.safe;
  const outside = differencesOutside(actual, await minimalRaster(c), safe);
  expect.soft(outside.count, `text-dependent pixels outside the ${safe} px safe margin, e.g. at ${outside.first.join(' ')}`).toBe(0);
}

describe('campaign poster prices', () => {
  it('refuses a price when the clinic has no ad-review certificate', async () => {
    const priced = cases.find((c) => c.template === 'campaign_poster' && c.name === 'long')!;
    expect((priced.request.fields as Record<string, unknown>).price).toBeTruthy();
    await expect(renderer.render({ ...priced.request, brand: { ...priced.request.brand, adReviewCertificate: null } })).rejects.toThrow(/没有医疗广告审查证明文号/);
  });
});

describe('card text, drawn as written', () => {
  it('draws & < > " \' as themselves, not as the HTML entities Handlebars escapes them to', async () => {
    // "A&B<C>" is ~6 narrow glyphs; drawn as "A&amp;B&lt;C&gt;" it would be almost three times wider.
    const base = { template: 'knowledge_card', size: 'moments_square' as const, brand: cases[0]!.request.brand, fields: { points: ['一', '二', '三'] } };
    const ink = await raster((await renderer.render({ ...base, fields: { ...base.fields, title: `A&B<C>"'` } })).image);
    const blank = await raster((await renderer.render({ ...base, fields: { ...base.fields, title: '一' } })).image);
    let right = 0;
    for (let y = 0; y < ink.height; y++) {
      for (let x = 0; x < ink.width; x++) {
        const i = (y * ink.width + x) * 4;
        if (Math.abs(ink.data[i]! - blank.data[i]!) > 16) right = Math.max(right, x);
      }
    }
    expect(right).toBeGreaterThan(200);
    expect(right).toBeLessThan(560);
  });
});
