// Evasions are undone before matching, and every finding still points at what the person wrote.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadChecker, type Checker } from '../../src/check/index.ts';
import { buildFoldTable } from '../../src/check/fold-table.ts';
import { normalise, toOriginal } from '../../src/check/normalise.ts';

let checker: Checker;
beforeAll(async () => {
  checker = await loadChecker();
});

const table = buildFoldTable({ skip: [], fold: {} });

describe('normalise', () => {
  it.each([
    ['無風險', '无风险'],
    ['ＶＩＰ　Ａ', 'vipa'],
    ['①②③', '123'],
    ['百分之九十八', '百分之9十8'],
    ['零 风·险', '0风险'],
    ['最😊好', '最好'],
    ['最最最好', '最好'],
    ['99.9%', '99.9%'],
    ['好.看', '好看'],
    ['无̶风险', '无风险'],
    ['【效果】“最好”', '效果最好'],
    // An ellipsis or slash after a Chinese character is noise, also after one that folds to a
    // digit; after a digit a slash is a rate.
    ['副…作用', '副作用'],
    ['没有一/例', '没有1例'],
    ['年轻五⋯岁', '年轻5岁'],
    ['680/次', '680/次'],
    // A doubled Chinese numeral is the same character twice, not a two-digit number.
    ['一一次', '1次'],
    ['十有八八九', '十有89'],
    ['一 一次', '1次'],
    ['11次', '11次'],
  ])('%s → %s', (input, folded) => {
    expect(normalise(input, table).text).toBe(folded);
  });

  it('keeps clause punctuation and line breaks (context rules need clauses)', () => {
    expect(normalise('最近，效果。\n好！', table).text).toBe('最近,效果。\n好!');
  });

  it('maps every folded span back to the original characters', () => {
    const text = '姐妹们😊零 . 风 险哦';
    const n = normalise(text, table);
    const at = n.text.indexOf('0风险');
    const { start, end } = toOriginal(n, at, at + 3);
    expect(text.slice(start, end)).toBe('零 . 风 险');
  });

  it('folds a rare supplementary-plane character as two units and keeps it', () => {
    expect(normalise('𠮷野家', table).text).toBe('𠮷野家');
  });
});

describe('evasions are caught with the original span', () => {
  it.each([
    ['无 副 作 用，放心做', 'R05', '无 副 作 用'],
    ['零.风.险', 'R05', '零.风.险'],
    ['我们是本市最😊好的医美机构', 'R13', '最😊好'],
    ['無風險無痛苦', 'R05', '無風險'],
    ['有效率①⓪⓪%', 'R06', '有效率①⓪⓪%'],
    ['有效率高达百分之九十八', 'R06', '百分之九十八'],
    ['zui好的医生在这里', 'R13', 'zui好'],
    ['打完wu副作用', 'R05', 'wu副作用'],
    ['bao证效果', 'R05', 'bao证'],
    ['最最最好的效果', 'R13', '最最最好'],
    ['肉du素瘦脸', 'R03', '肉du素'],
    ['ＢＯＴＯＸ瘦脸', 'R03', 'ＢＯＴＯＸ'],
  ])('%s', (text, category, match) => {
    const r = checker.check(text);
    expect(r.verdict).toBe('block');
    const f = r.findings.find((x) => x.category === category && x.severity === 'block' && x.match === match);
    expect(f, JSON.stringify(r.findings.map((x) => [x.rule, x.match]))).toBeDefined();
    expect(text.slice(f!.start, f!.end)).toBe(match);
  });

  it('does not read a Latin word as pinyin: "wuhan" is not 无', () => {
    const r = checker.check('武汉的朋友说wuhan的风险提示很清楚');
    expect(r.findings.filter((f) => f.category === 'R05')).toEqual([]);
  });
});
