// Runs the labelled compliance test set (test/fixtures/compliance/*.yaml) through the real checker
// and prints per-category precision/recall, the block-level targets and the misses.
//   npx tsx scripts/eval-compliance.ts [--json] [--verbose] [--fixtures DIR] [--workspace DIR] [--pack DIR]
// (--pack: another rule pack, e.g. a saved copy, to compare packs on one fixture set)
// Exit code 0 whatever the figures (the accuracy gate is test/check/eval.test.ts); 1 only when a
// fixture file is invalid.
import Table from 'cli-table3';
import { loadChecker } from '../src/check/index.ts';
import { DEFAULT_FIXTURE_DIR, readFixtures } from '../src/check/eval/fixtures.ts';
import { evalContexts, runCases } from '../src/check/eval/run.ts';
import { EVASIONS, evasionRobustness, type Evasion } from '../src/check/eval/evasion-robustness.ts';
import { meetsTargets, missesByCategory, score, TARGETS, truncate, type Miss } from '../src/check/eval/score.ts';
import { isSiyuError } from '../src/shared/errors.ts';
import { EXAMPLE_WORKSPACE_DIR } from '../src/workspace/init.ts';
import { loadWorkspace } from '../src/workspace/load.ts';

const VERDICT_CN = { pass: '通过', review: '审核', block: '拦截' } as const;
const DEFAULT_MISSES_SHOWN = 40;
const EVASION_CN: Record<Evasion, string> = {
  pinyin: '一个字写成拼音（一定neng）',
  noise: '两字之间插符号（无·副作用）',
  repeat: '一个字叠写（最最好）',
  digits: '数字写成汉字/圈码/全角',
  trad: '全文繁体',
  width: '全文全角',
};

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const plain = (head: string[]) => new Table({ head, style: { head: [], border: [] } });

function missRow(m: Miss): string[] {
  return [m.id, `${VERDICT_CN[m.expected]}→${VERDICT_CN[m.actual]}`, m.missing.join(' ') || '', m.extra.join(' ') || '', truncate(m.text, 36)];
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const verbose = args.includes('--verbose');
  const fixtureDir = option(args, '--fixtures') ?? DEFAULT_FIXTURE_DIR;

  const { cases, problems, files } = await readFixtures(fixtureDir);
  if (problems.length > 0) {
    const out = json ? JSON.stringify({ ok: false, problems }, null, 2) : [`合规测试用例有 ${problems.length} 处错误：`, ...problems.map((p) => `  - ${p}`)].join('\n');
    console.error(out);
    return 1;
  }
  const workspace = await loadWorkspace(option(args, '--workspace') ?? EXAMPLE_WORKSPACE_DIR);
  const checker = await loadChecker(option(args, '--pack'));
  const contexts = evalContexts(workspace);
  const outcomes = runCases(checker, cases, contexts);
  const s = score(outcomes);
  const met = meetsTargets(s);
  const evasions = evasionRobustness(checker, cases, contexts);

  if (json) {
    console.log(JSON.stringify({ ok: true, rulePackVersion: checker.version, files, targets: TARGETS, met, ...s, evasions }, null, 2));
    return 0;
  }

  console.log(`合规检查评测：${s.cases} 个用例（${files.length} 个文件），规则包版本 ${checker.version}\n`);
  const perCat = plain(['类别', '名称', '正例', 'TP', 'FP', 'FN', '精确率', '召回率']);
  for (const r of s.categories) {
    perCat.push([r.category, checker.categories[r.category] ?? '', r.positives, r.tp, r.fp, r.fn, pct(r.precision), pct(r.recall)].map(String));
  }
  const o = s.overall;
  perCat.push(['合计', '', s.categories.reduce((n, r) => n + r.positives, 0), o.tp, o.fp, o.fn, pct(o.precision), pct(o.recall)].map(String));
  console.log(perCat.toString());

  const targets = plain(['指标', '数值', '目标', '']);
  targets.push(
    ['应拦截用例的拦截率', `${pct(s.block.recall)}（${s.block.blocked}/${s.block.expectedBlock}）`, `≥ ${pct(TARGETS.blockRecall)}`, met.blockRecall ? '✓' : '✗'],
    ['误拦截率（应通过/应审核被拦截）', `${pct(s.block.falseBlockRate)}（${s.block.falseBlocks}/${s.block.negatives}）`, `≤ ${pct(TARGETS.falseBlockRate)}`, met.falseBlockRate ? '✓' : '✗'],
    ['结论准确率', pct(s.verdictAccuracy), '', ''],
  );
  console.log(`\n${targets.toString()}`);

  const evasionTable = plain(['规避写法（在拦截片段内改一处）', '改写文本', '仍拦截', '可被绕过的用例']);
  for (const e of EVASIONS) {
    const f = evasions.by[e];
    evasionTable.push([EVASION_CN[e], String(f.variants), `${pct(f.variants === 0 ? null : f.stillBlocked / f.variants)}（${f.stillBlocked}）`, `${f.evadedCases}/${evasions.cases}`]);
  }
  console.log(`\n规避写法鲁棒性（${evasions.cases} 个原文即被拦截的用例，逐一改写后重查）\n${evasionTable.toString()}`);

  const confusion = plain(['应为 \\ 实际', '通过', '审核', '拦截']);
  for (const e of ['pass', 'review', 'block'] as const) {
    confusion.push([VERDICT_CN[e], ...(['pass', 'review', 'block'] as const).map((a) => String(s.confusion[e][a]))]);
  }
  console.log(`\n结论混淆矩阵\n${confusion.toString()}`);

  if (s.misses.length === 0) {
    console.log('\n没有未命中的用例。');
    return 0;
  }
  const grouped = missesByCategory(s.misses);
  console.log(`\n未命中 ${s.misses.length} 个用例（按类别分组；“漏”=应查出未查出，“多”=不应查出）${verbose ? '' : `，每组最多显示 ${DEFAULT_MISSES_SHOWN} 条，--verbose 显示全部`}：`);
  for (const [cat, list] of grouped) {
    const title = cat === 'verdict' ? '仅结论不符' : `${cat} ${checker.categories[cat] ?? ''}`;
    const t = plain(['用例', '应为→实际', '漏', '多', '文本']);
    for (const m of verbose ? list : list.slice(0, DEFAULT_MISSES_SHOWN)) t.push(missRow(m));
    console.log(`\n${title}（${list.length}）\n${t.toString()}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(isSiyuError(e) ? e.toString() : e);
    process.exit(1);
  },
);
