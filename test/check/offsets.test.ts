// Findings point at the ORIGINAL text in UTF-16 offsets, whatever folding did: emoji (surrogate
// pairs) before the match, skipped spaces and symbols inside it, full-width and traditional forms.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadChecker, type Checker } from '../../src/check/index.ts';

let checker: Checker;
beforeAll(async () => {
  checker = await loadChecker();
});

const only = (text: string, category: string) => checker.check(text).findings.filter((f) => f.category === category);

describe('offsets into the original text', () => {
  it('counts surrogate pairs as two units', () => {
    const text = '😀😀👍🏻 姐妹们，这个项目无副作用';
    const [f] = only(text, 'R05');
    expect(f?.match).toBe('无副作用');
    expect(f?.start).toBe(text.indexOf('无副作用'));
    expect(f?.end).toBe(text.indexOf('无副作用') + 4);
    expect(text.slice(f!.start, f!.end)).toBe('无副作用');
  });

  it('spans skipped characters inside the match', () => {
    const text = '🌸 零 风 险，無-副-作-用';
    const found = only(text, 'R05');
    expect(found.map((f) => f.match)).toEqual(['零 风 险', '無-副-作-用']);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.match);
  });

  it('folds full-width, upper-case and circled digits but reports what was written', () => {
    expect(only('ＮＯ．１的医美机构', 'R13')).toMatchObject([{ match: 'ＮＯ．１', start: 0, end: 4, severity: 'block' }]);
    expect(only('第①的技术', 'R13')).toMatchObject([{ match: '第①', severity: 'block' }]);
    expect(only('術前術後對比', 'R08')[0]?.match).toBe('術前術後');
  });

  it('keeps offsets right across line breaks and at the very end', () => {
    const text = '第一行\r\n第二行写着：保证效果';
    const [f] = only(text, 'R05');
    expect(text.slice(f!.start, f!.end)).toBe('保证');
    expect(f?.end).toBe(text.length - 2);
  });

  it('returns findings sorted by start', () => {
    const r = checker.check('限时秒杀！效果最好，无副作用，术前术后对比');
    const starts = r.findings.map((f) => f.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(r.findings.length).toBeGreaterThanOrEqual(4);
  });
});
