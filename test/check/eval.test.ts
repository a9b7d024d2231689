// The labelled compliance test set: the loader rejects broken fixture files with messages naming
// file, line, field and case; the scoring functions are checked on hand-made inputs; and the whole
// set runs through the real checker against the accuracy targets (block recall ≥ 0.95, false
// blocks ≤ 3 % of the cases that must not be blocked).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadChecker, type Checker } from '../../src/check/index.ts';
import { loadFixtures, readFixtures, type EvalCase } from '../../src/check/eval/fixtures.ts';
import { evalContexts, EVAL_CERTIFICATE, runCases } from '../../src/check/eval/run.ts';
import { EVASIONS, evasionRobustness } from '../../src/check/eval/evasion-robustness.ts';
import { meetsTargets, missesByCategory, missOf, score, TARGETS, truncate, type CaseOutcome, type ScoredReport } from '../../src/check/eval/score.ts';
import { CATEGORY_IDS } from '../../src/check/schema.ts';
import { SiyuError } from '../../src/shared/errors.ts';
import { EXAMPLE_WORKSPACE_DIR } from '../../src/workspace/init.ts';
import { loadWorkspace } from '../../src/workspace/load.ts';

describe('fixture loader', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'siyu-eval-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const write = (name: string, text: string) => writeFile(path.join(dir, name), text);

  const good = `cases:
  - id: ok-01
    text: 最近天气很好
    expect: pass
    categories: []
`;

  it('names file, line, field and case for a wrong verdict', async () => {
    await write(
      'evasions.yaml',
      `# comment
cases:
  - id: a-01
    text: 零风险
    expect: block
    categories: [R05]
  - id: a-02
    text: 无副作用
    expect: blocked
    categories: [R05]
`,
    );
    const { problems } = await readFixtures(dir);
    expect(problems).toEqual(['evasions.yaml 第 9 行 cases[1].expect：只能是 pass / review / block（用例 a-02）']);
    await expect(loadFixtures(dir)).rejects.toBeInstanceOf(SiyuError);
  });

  it('reports every problem of every file in one go', async () => {
    await write('a.yaml', good);
    await write(
      'b.yaml',
      `cases:
  - id: ok-01
    text: 重复的标识
    expect: pass
    categories: []
  - id: Bad_ID
    text: "  "
    expect: review
    categories: [R99]
    context: { brand: salon }
    colour: red
  - id: pass-with-cat
    text: 最好的朋友
    expect: pass
    categories: [R13]
  - id: block-without-cat
    text: 保证有效
    expect: block
    categories: []
    alsoAllowed: [R15]
`,
    );
    const { problems, cases } = await readFixtures(dir);
    const joined = problems.join('\n');
    expect(joined).toContain('b.yaml 第 2 行 cases[0].id：用例标识 “ok-01” 与 a.yaml cases[0] 重复');
    expect(joined).toMatch(/b\.yaml 第 6 行 cases\[1\]\.id：标识只能包含小写字母、数字和 -/);
    expect(joined).toMatch(/cases\[1\]\.text：不能为空/);
    expect(joined).toMatch(/cases\[1\]\.categories\[0\]：类别只能是 R01 … R21（用例 Bad_ID）/);
    expect(joined).toMatch(/cases\[1\]\.context\.brand：只能是 example \/ certified \/ non-medical/);
    expect(joined).toMatch(/b\.yaml 第 \d+ 行 cases\[1\].*colour/);
    expect(joined).toMatch(/cases\[2\]\.categories：expect 为 pass 时不能要求任何类别.*（用例 pass-with-cat）/);
    expect(joined).toMatch(/cases\[3\]\.categories：expect 为 block 时至少要写一个必须查出的类别/);
    // The valid file still loads, so a caller could see what is usable.
    expect(cases.map((c) => c.id)).toEqual(['ok-01']);
  });

  it('reports YAML syntax errors with file and line, and a missing cases list', async () => {
    await write('broken.yaml', 'cases:\n  - id: x\n    text: [unclosed\n');
    await write('empty.yaml', 'cases: []\n');
    await write('wrong.yaml', 'items: []\n');
    const { problems } = await readFixtures(dir);
    expect(problems.some((p) => /^broken\.yaml 第 \d+ 行：YAML 格式错误/.test(p))).toBe(true);
    expect(problems).toContain('empty.yaml 第 1 行 cases：至少要有一个用例');
    expect(problems.some((p) => p.startsWith('wrong.yaml') && p.includes('items'))).toBe(true);
  });

  it('defaults the brand context to example and keeps alsoAllowed', async () => {
    await write(
      'x.yaml',
      `cases:
  - id: x-01
    text: 秒杀价 980
    expect: review
    categories: [R16]
    alsoAllowed: [R15]
    context: { brand: certified }
  - id: x-02
    text: 周末愉快
    expect: pass
    categories: []
`,
    );
    const cases = await loadFixtures(dir);
    expect(cases).toEqual([
      { id: 'x-01', text: '秒杀价 980', expect: 'review', categories: ['R16'], alsoAllowed: ['R15'], brand: 'certified', file: 'x.yaml' },
      { id: 'x-02', text: '周末愉快', expect: 'pass', categories: [], alsoAllowed: [], brand: 'example', file: 'x.yaml' },
    ]);
  });

  it('complains about a missing or empty folder', async () => {
    expect((await readFixtures(path.join(dir, 'nope'))).problems[0]).toMatch(/目录不存在/);
    expect((await readFixtures(dir)).problems[0]).toMatch(/没有任何用例文件/);
  });
});

describe('the labelled set itself', () => {
  it('is valid, large enough, and covers every category with positives and hard negatives', async () => {
    const cases = await loadFixtures();
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(cases.filter((c) => c.categories.length === 0).length).toBeGreaterThanOrEqual(70);
    for (const id of CATEGORY_IDS) expect(cases.filter((c) => c.categories.includes(id)).length, id).toBeGreaterThanOrEqual(5);
    expect(cases.some((c) => c.brand === 'certified' && c.text.includes(EVAL_CERTIFICATE))).toBe(true);
  });
});

describe('scoring', () => {
  const c = (id: string, expect: EvalCase['expect'], categories: string[], alsoAllowed: string[] = []) => ({ id, text: `文本${id}`, expect, categories, alsoAllowed });
  const r = (verdict: ScoredReport['verdict'], ...fs: [string, 'block' | 'review' | 'warn'][]): ScoredReport => ({
    verdict,
    findings: fs.map(([category, severity]) => ({ category, severity })),
  });

  const outcomes: CaseOutcome[] = [
    // TP R05; R15 allowed, not an FP
    { case: c('p1', 'block', ['R05'], ['R15']), report: r('block', ['R05', 'block'], ['R15', 'review']) },
    // FN R05 (only a warning), R13 found → FP
    { case: c('p2', 'block', ['R05']), report: r('review', ['R05', 'warn'], ['R13', 'review']) },
    // TP R14 at review
    { case: c('p3', 'review', ['R14']), report: r('review', ['R14', 'review']) },
    // negative, false block by R05
    { case: c('n1', 'pass', []), report: r('block', ['R05', 'block']) },
    // negative, a warning only → correct pass
    { case: c('n2', 'pass', []), report: r('pass', ['R13', 'warn']) },
  ];
  const s = score(outcomes, ['R05', 'R13', 'R14', 'R15']);

  it('counts TP/FP/FN per category; warnings do not count as found; alsoAllowed is neutral', () => {
    const by = Object.fromEntries(s.categories.map((x) => [x.category, x]));
    expect(by.R05).toMatchObject({ positives: 2, tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
    expect(by.R13).toMatchObject({ positives: 0, tp: 0, fp: 1, fn: 0, precision: 0, recall: null });
    expect(by.R14).toMatchObject({ positives: 1, tp: 1, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(by.R15).toMatchObject({ positives: 0, tp: 0, fp: 0, fn: 0, precision: null, recall: null });
    expect(s.overall).toMatchObject({ tp: 2, fp: 2, fn: 1, precision: 0.5 });
    expect(s.overall.recall).toBeCloseTo(2 / 3);
  });

  it('computes block recall, the false-block rate, accuracy and the confusion matrix', () => {
    expect(s.block).toEqual({ expectedBlock: 2, blocked: 1, recall: 0.5, negatives: 3, falseBlocks: 1, falseBlockRate: 1 / 3 });
    expect(s.verdictAccuracy).toBeCloseTo(3 / 5);
    expect(s.confusion.block).toEqual({ pass: 0, review: 1, block: 1 });
    expect(s.confusion.pass).toEqual({ pass: 1, review: 0, block: 1 });
    expect(s.confusion.review).toEqual({ pass: 0, review: 1, block: 0 });
    expect(meetsTargets(s)).toEqual({ blockRecall: false, falseBlockRate: false });
  });

  it('lists misses with missing and extra categories, grouped by category', () => {
    expect(s.misses).toEqual([
      { id: 'p2', expected: 'block', actual: 'review', missing: ['R05'], extra: ['R13'], text: '文本p2' },
      { id: 'n1', expected: 'pass', actual: 'block', missing: [], extra: ['R05'], text: '文本n1' },
    ]);
    const grouped = missesByCategory([...s.misses, { id: 'v', expected: 'block', actual: 'review', missing: [], extra: [], text: '' }]);
    expect([...grouped.keys()]).toEqual(['R05', 'R13', 'verdict']);
    expect(grouped.get('R05')!.map((m) => m.id)).toEqual(['p2', 'n1']);
    expect(missOf({ case: c('ok', 'review', ['R14']), report: r('review', ['R14', 'review']) })).toBeUndefined();
  });

  it('meets the targets exactly at the thresholds and handles an empty run', () => {
    const many = (n: number, e: EvalCase['expect'], v: ScoredReport['verdict']): CaseOutcome[] =>
      Array.from({ length: n }, (_, i) => ({ case: c(`${e}${v}${i}`, e, e === 'pass' ? [] : ['R05']), report: r(v, ...(v === 'pass' ? [] : ([['R05', v]] as [string, 'block' | 'review'][]))) }));
    const t = score([...many(19, 'block', 'block'), ...many(1, 'block', 'review'), ...many(97, 'pass', 'pass'), ...many(3, 'pass', 'block')]);
    expect(t.block.recall).toBe(TARGETS.blockRecall);
    expect(t.block.falseBlockRate).toBe(TARGETS.falseBlockRate);
    expect(meetsTargets(t)).toEqual({ blockRecall: true, falseBlockRate: true });
    const empty = score([]);
    expect(empty.block.recall).toBeNull();
    expect(empty.verdictAccuracy).toBeNull();
    expect(meetsTargets(empty)).toEqual({ blockRecall: false, falseBlockRate: false });
  });

  it('truncates text to one line', () => {
    expect(truncate('第一行\n  第二行')).toBe('第一行⏎第二行');
    expect(truncate('一二三四五六', 4)).toBe('一二三…');
    expect(truncate('😀😀😀', 3)).toBe('😀😀😀');
  });
});

describe('the real checker on the labelled set', () => {
  let checker: Checker;
  let cases: EvalCase[];
  let contexts: ReturnType<typeof evalContexts>;
  beforeAll(async () => {
    checker = await loadChecker();
    cases = await loadFixtures();
    contexts = evalContexts(await loadWorkspace(EXAMPLE_WORKSPACE_DIR));
  });

  it('builds the three brand contexts from the example workspace', () => {
    expect(contexts.example.brand).toMatchObject({ isMedicalInstitution: true, adReviewCertificate: null });
    expect(contexts.example.brand?.licensedDepartments).toContain('美容皮肤科');
    expect(contexts.example.services?.some((s) => s.department === '美容中医科')).toBe(true);
    expect(contexts.certified.brand?.adReviewCertificate).toBe(EVAL_CERTIFICATE);
    expect(contexts['non-medical'].brand?.isMedicalInstitution).toBe(false);
  });

  it(`blocks ≥ ${TARGETS.blockRecall * 100}% of what must be blocked and wrongly blocks ≤ ${TARGETS.falseBlockRate * 100}% of the rest`, () => {
    const s = score(runCases(checker, cases, contexts));
    const figures = [
      `拦截率 ${s.block.blocked}/${s.block.expectedBlock} = ${((s.block.recall ?? 0) * 100).toFixed(1)}%`,
      `误拦截 ${s.block.falseBlocks}/${s.block.negatives} = ${((s.block.falseBlockRate ?? 0) * 100).toFixed(1)}%`,
      `结论准确率 ${((s.verdictAccuracy ?? 0) * 100).toFixed(1)}%`,
      '未拦截：' + s.misses.filter((m) => m.expected === 'block' && m.actual !== 'block').map((m) => m.id).join(' '),
      '误拦截：' + s.misses.filter((m) => m.expected !== 'block' && m.actual === 'block').map((m) => m.id).join(' '),
    ].join('\n');
    for (const id of CATEGORY_IDS) expect.soft(cases.filter((c) => c.categories.includes(id)).length, `${id} 没有正例`).toBeGreaterThan(0);
    expect.soft(s.block.recall ?? 0, figures).toBeGreaterThanOrEqual(TARGETS.blockRecall);
    expect.soft(s.block.falseBlockRate ?? 1, figures).toBeLessThanOrEqual(TARGETS.falseBlockRate);
  });

  // A writer dodging the checker changes one thing inside a claim: blocking must survive it.
  // Before pattern twins, one character in pinyin got 13.4 % of such texts through (242 of 879
  // blocking cases open to a one-character dodge); now ~1 %. The other evasions are the fold's.
  it('still blocks ≥ 98 % of each evasion written into a block finding', () => {
    const r = evasionRobustness(checker, cases, contexts);
    for (const e of EVASIONS) {
      const f = r.by[e];
      expect.soft(f.variants, e).toBeGreaterThan(100);
      expect.soft(f.stillBlocked / f.variants, `${e} ${f.stillBlocked}/${f.variants}：${f.examples.map((x) => x.text).join(' | ')}`).toBeGreaterThanOrEqual(0.98);
    }
  });
});
