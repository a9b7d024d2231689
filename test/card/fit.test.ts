// Shrink-to-fit: the largest size that fits, the smallest when nothing fits, then an ellipsis.
import { describe, expect, it } from 'vitest';
import { fitList, fitText, withEllipsis, type TextBox } from '../../src/card/text/fit.ts';
import type { MeasureEm } from '../../src/card/text/line-break.ts';

const measure: MeasureEm = (t) => [...t].length; // 1 em per character
const box: TextBox = { width: 500, height: 260, size: [80, 40], lineHeight: 1.25 };

describe('fitText', () => {
  it('keeps the largest size when the text fits', () => {
    const f = fitText('水光针', box, measure);
    expect(f).toMatchObject({ size: 80, lines: ['水光针'], truncated: false });
  });

  it('shrinks until the lines fit the height', () => {
    const f = fitText('水光针做之前先了解这些注意事项', box, measure); // 15 chars
    expect(f.truncated).toBe(false);
    expect(f.size).toBeLessThan(80);
    expect(f.lines.length * f.lineHeightPx).toBeLessThanOrEqual(box.height);
    for (const l of f.lines) expect(l.length * f.size).toBeLessThanOrEqual(box.width);
    // the next size up would not have fitted
    const bigger = fitText('水光针做之前先了解这些注意事项', { ...box, size: [f.size + 2, f.size + 2] }, measure);
    expect(bigger.truncated).toBe(true);
  });

  it('truncates at the minimum size with an ellipsis', () => {
    const text = '存在个体差异'.repeat(30);
    const f = fitText(text, box, measure);
    expect(f.size).toBe(40);
    expect(f.truncated).toBe(true);
    expect(f.lines.length * f.lineHeightPx).toBeLessThanOrEqual(box.height);
    expect(f.lines.at(-1)!.endsWith('…')).toBe(true);
    for (const l of f.lines) expect(measure(l) * f.size).toBeLessThanOrEqual(box.width);
  });

  it('respects maxLines', () => {
    const f = fitText('一二三四五六七八九十'.repeat(3), { ...box, height: 1000, maxLines: 2 }, measure);
    expect(f.lines.length).toBeLessThanOrEqual(2);
  });
});

describe('withEllipsis', () => {
  it('drops trailing punctuation before the ellipsis and fits the width', () => {
    expect(withEllipsis('注意防晒，', 10, measure)).toBe('注意防晒…');
    expect(withEllipsis('一二三四五六七八', 5, measure)).toBe('一二三四…');
  });
});

describe('fitList', () => {
  const listBox: TextBox = { width: 600, height: 500, size: [50, 30], lineHeight: 1.5, gap: 20, indent: 100 };

  it('fits all items at one shared size', () => {
    const f = fitList(['注意防晒', '避免沾水', '有疑问找医生'], listBox, measure);
    expect(f.truncated).toBe(false);
    expect(f.items).toHaveLength(3);
    expect(f.size).toBe(50);
  });

  it('shrinks when items wrap too much', () => {
    const f = fitList(['术后二十四小时内避免沾水注意防晒'.repeat(2), '存在个体差异以面诊为准', '有疑问找专业医生'], listBox, measure);
    expect(f.truncated).toBe(false);
    expect(f.size).toBeLessThan(50);
    const height = f.items.reduce((h, i) => h + i.lines.length * f.lineHeightPx, 0) + f.gap * (f.items.length - 1);
    expect(height).toBeLessThanOrEqual(listBox.height);
  });

  it('drops items that do not fit at the minimum and cuts the last with an ellipsis', () => {
    const items = Array.from({ length: 5 }, (_, i) => `第${i + 1}条` + '很长的说明文字'.repeat(8));
    const f = fitList(items, listBox, measure);
    expect(f.truncated).toBe(true);
    expect(f.size).toBe(30);
    expect(f.dropped).toBeGreaterThan(0);
    expect(f.items.length + f.dropped).toBe(5);
    expect(f.items.at(-1)!.lines.at(-1)!.endsWith('…')).toBe(true);
    const height = f.items.reduce((h, i) => h + i.lines.length * f.lineHeightPx, 0) + f.gap * (f.items.length - 1);
    expect(height).toBeLessThanOrEqual(listBox.height);
  });
});
