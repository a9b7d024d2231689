// Rectangular masks become clip paths: the same pixels, far less rasterising work.
import pixelmatch from 'pixelmatch';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { simplifyRectMasks } from '../../src/card/svg-masks.ts';

const svg = (body: string) => `<svg width="200" height="100" viewBox="0 0 200 100" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;

async function pixels(s: string) {
  return (await sharp(Buffer.from(s)).ensureAlpha().raw().toBuffer({ resolveWithObject: true })).data;
}

describe('simplifyRectMasks', () => {
  it('turns a white rectangle mask into a clip path with the same pixels', async () => {
    const before = svg('<mask id="m"><rect x="20" y="10" width="100" height="50" fill="#fff"/></mask><rect x="0" y="0" width="200" height="100" fill="#8C6A5D" mask="url(#m)"/>');
    const after = simplifyRectMasks(before);
    expect(after).not.toMatch(/mask="url/);
    expect(after).toMatch(/clip-path="url\(#m-clip\)"/);
    expect(pixelmatch(await pixels(before), await pixels(after), null, 200, 100, { threshold: 0 })).toBe(0);
  });

  it('drops a mask where the element is already clipped to the same rectangle', () => {
    const before = svg('<clipPath id="c"><rect x="5" y="5" width="50" height="50"/></clipPath><mask id="m"><rect x="5" y="5" width="50" height="50" fill="#fff"/></mask><image x="5" y="5" width="50" height="50" href="data:," clip-path="url(#c)" mask="url(#m)"/>');
    expect(simplifyRectMasks(before)).toMatch(/<image x="5" y="5" width="50" height="50" href="data:," clip-path="url\(#c\)"\/>/);
  });

  it('leaves other masks alone: rounded, grey, or on an element clipped elsewhere', () => {
    const rounded = svg('<mask id="m"><rect x="0" y="0" width="50" height="50" rx="25" fill="#fff"/></mask><rect width="200" height="100" mask="url(#m)"/>');
    const grey = svg('<mask id="m"><rect x="0" y="0" width="50" height="50" fill="#888"/></mask><rect width="200" height="100" mask="url(#m)"/>');
    const otherClip = svg('<clipPath id="c"><rect x="0" y="0" width="10" height="10"/></clipPath><mask id="m"><rect x="0" y="0" width="50" height="50" fill="#fff"/></mask><rect width="200" height="100" clip-path="url(#c)" mask="url(#m)"/>');
    for (const s of [rounded, grey, otherClip]) expect(simplifyRectMasks(s)).toBe(s);
  });
});
