// Typography found wrong while drawing the layouts' reference images: a list that lost whole items
// showed no ellipsis, and a separator (｜) could begin a line.
import { expect, it } from 'vitest';
import { fitList, type TextBox } from '../../src/card/text/fit.ts';
import { breakLines, type MeasureEm } from '../../src/card/text/line-break.ts';

const measure: MeasureEm = (t) => [...t].length; // 1 em per character

it('ends the last shown item with an ellipsis when later items are dropped', () => {
  // 10 em per line at 30 px, two lines of 45 px (+20 gap) per box: two one-line items fit, not three.
  const box: TextBox = { width: 300 / 0.98, height: 110, size: [30, 30], lineHeight: 1.5, gap: 20 };
  const f = fitList(['术后注意防晒。', '避免沾水。', '有疑问找专业医生。'], box, measure);
  expect(f.truncated).toBe(true);
  expect(f.dropped).toBe(1);
  expect(f.items.map((i) => i.lines)).toEqual([['术后注意防晒。'], ['避免沾水…']]);
});

it('never begins a line with a separator bar', () => {
  for (let width = 4; width <= 12; width++) {
    for (const line of breakLines('林医生（美容皮肤科）｜存在个体差异 | 以面诊为准', width, measure)) expect(line).not.toMatch(/^[｜|]/);
  }
});
