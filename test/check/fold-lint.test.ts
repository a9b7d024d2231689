// Words and patterns that folding would quietly change are refused at load, with file, line and
// path (fold-lint.ts): a repeated character alone (偏偏 → 偏 matches every 偏), and a doubled
// character under a quantifier (远远?超过 → 远?超过, which matched 超光子).
import { describe, expect, it } from 'vitest';
import { foldProblem } from '../../src/check/fold-lint.ts';
import { packCopy } from './pack-copy.ts';

describe('foldProblem', () => {
  it('refuses a word that is one character repeated', () => {
    expect(foldProblem('偏偏', 'word')).toContain('只剩“偏”');
    expect(foldProblem('哈哈哈', 'word')).toContain('只剩“哈”');
  });

  it('lets a word with a repeat inside it through: it folds like the text does', () => {
    for (const w of ['小姐姐', '痘痘肌', '效果杠杠的', '偏', '姐妹']) expect(foldProblem(w, 'word'), w).toBeUndefined();
  });

  it('refuses a doubled character under a quantifier in a pattern, not elsewhere', () => {
    expect(foldProblem('远远?超过', 'pattern')).toContain('“远远?”会变成“远?”');
    expect(foldProblem('(?:刚刚+|才)做完', 'pattern')).toContain('“刚刚+”');
    expect(foldProblem('(?:刚刚|才)做完', 'pattern')).toBeUndefined();
    expect(foldProblem('[好好]?', 'pattern')).toBeUndefined();
  });
});

describe('loading a pack', () => {
  const pack = packCopy();

  it('names file, line and path of every such word and pattern', async () => {
    await pack.edit('lexicons.yaml', (t) => t.replace('aesthetic-terms:\n  [', 'aesthetic-terms:\n  [哈哈, '));
    await pack.edit('packs/R07-comparison.yaml', (t) => t.replace("- '(?:远超过?|", "- '(?:远远?超过|"));
    const problems = await pack.problems();
    expect(problems).toContainEqual(expect.stringMatching(/^lexicons\.yaml 第 \d+ 行 aesthetic-terms\[0\]：.*“哈哈”只剩“哈”/));
    expect(problems).toContainEqual(expect.stringMatching(/^packs\/R07-comparison\.yaml 第 \d+ 行 rules\[\d+\]\.patterns\[\d+\]：.*“远远\?”会变成“远\?”/));
  });
});
