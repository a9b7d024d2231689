// npm run bench:compliance — how fast is the compliance checker on realistic clinic copy?
// Compares, on one deterministic corpus in one process:
//   (a) the full checker (normalise + term index + regexes + context rules + findings),
//   (b) a naive baseline: one RegExp per pack term plus the pack's patterns, no normalisation,
//   (c) mint-filter (Aho–Corasick, a common npm 敏感词 library) on the same literal terms.
// Pack load is measured where it matters, in fresh processes (scripts/bench/cold-load.ts): with the
// compiled-pack cache (the normal start) and without it (first start after a pack change).
// Usage: npx tsx scripts/bench-compliance.ts [--posts N] [--passes N] [--seed N] [--only a,b,c] [--cold N] [--pack DIR] [--json]
// (--pack: another rule pack, e.g. a fixed copy, to compare checker versions while the pack moves)
// The machine is shared and noisy, so passes are interleaved round-robin (load spikes hit every
// contender alike) and only medians / percentiles are reported.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import Table from 'cli-table3';
import { Mint } from 'mint-filter'; // CJS: the default import is the exports object under Node ESM
import { loadWorkspace } from '../src/workspace/load.ts';
import { EXAMPLE_WORKSPACE_DIR } from '../src/workspace/init.ts';
import { buildCorpus, DEFAULT_POSTS, DEFAULT_SEED, loadSeedSentences, DEFAULT_SEEDS_DIR } from './bench/corpus.ts';
import { fmtInt, fmtMB, fmtMs, fmtRate, fmtRatio, median, percentile } from './bench/stats.ts';

const GOALS = { loadMs: 200, vsNaive: 20, vsMint: 1.0 };

const { values: args } = parseArgs({
  options: {
    posts: { type: 'string', default: String(DEFAULT_POSTS) },
    passes: { type: 'string', default: '5' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    seeds: { type: 'string', default: DEFAULT_SEEDS_DIR },
    // Handy for profiling one contender: node --cpu-prof --import tsx scripts/bench-compliance.ts --only a
    only: { type: 'string', default: 'a,b,c' },
    // Fresh processes per cold-load figure (0 skips them, e.g. while profiling).
    cold: { type: 'string', default: '5' },
    pack: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const positiveInt = (name: string, s: string) => {
  const n = Number(s);
  if (Number.isInteger(n) && n > 0) return n;
  console.error(`--${name} 需要正整数（got "${s}"）`);
  process.exit(2);
};
const POSTS = positiveInt('posts', args.posts);
const PASSES = positiveInt('passes', args.passes);
const SEED = positiveInt('seed', args.seed);
const COLD = args.cold === '0' ? 0 : positiveInt('cold', args.cold);
const ONLY = new Set(args.only.split(',').map((s) => s.trim()));
const log = (...xs: unknown[]) => {
  if (!args.json) console.error(...xs); // progress on stderr: stdout stays clean for --json
};

// A forced GC before reading heapUsed makes the memory figure repeatable instead of depending on
// when V8 last collected. Exposed at runtime so the script needs no node flags.
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapUsed = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

// ── Pack load ─────────────────────────────────────────────────────────────────────────────────
/** Import + first loadChecker in `runs` fresh Node processes, after one unmeasured run that
 *  fills the compiled-pack cache (when on) and tsx's transform cache. */
function coldLoads(runs: number, cache: boolean): { importMs: number[]; loadMs: number[] } {
  const script = fileURLToPath(new URL('./bench/cold-load.ts', import.meta.url));
  const env = cache ? process.env : { ...process.env, SIYU_CACHE_DIR: 'off' };
  const argv = ['--import', 'tsx', script, ...(args.pack ? [args.pack] : [])];
  const once = () => JSON.parse(execFileSync(process.execPath, argv, { env, encoding: 'utf8' })) as { importMs: number; loadMs: number };
  once();
  const samples = Array.from({ length: runs }, once);
  return { importMs: samples.map((s) => s.importMs), loadMs: samples.map((s) => s.loadMs) };
}
const cold = COLD > 0 ? { cached: coldLoads(COLD, true), uncached: coldLoads(COLD, false) } : undefined;
const coldMs = cold ? median(cold.cached.loadMs) : Number.NaN;
if (cold) {
  log(
    `新进程首次加载（${COLD} 次中位）：有编译缓存 ${fmtMs(coldMs)}（导入模块 ${fmtMs(median(cold.cached.importMs))}），` +
      `无缓存 ${fmtMs(median(cold.uncached.loadMs))}（导入模块 ${fmtMs(median(cold.uncached.importMs))}）`,
  );
}
const heapBefore = heapUsed();
let t0 = performance.now();
const { loadChecker } = await import('../src/check/index.ts');
const importMs = performance.now() - t0;
t0 = performance.now();
const checker = await loadChecker(args.pack);
const firstLoadMs = performance.now() - t0;
const heapAfterLoad = heapUsed();
const reloads: number[] = [];
for (let i = 0; i < 5; i++) {
  t0 = performance.now();
  await loadChecker(args.pack);
  reloads.push(performance.now() - t0);
}
const loadMedianMs = median(reloads);
log(`本进程规则包加载：首次 ${fmtMs(firstLoadMs)}，后续 5 次中位 ${fmtMs(loadMedianMs)}（模块导入 ${fmtMs(importMs)}，含 tsx 转译）`);

// ── Corpus ────────────────────────────────────────────────────────────────────────────────────
const ws = await loadWorkspace(EXAMPLE_WORKSPACE_DIR);
const ctx = { brand: ws.brand, services: ws.services };
const { terms, patterns } = checker.vocabulary;
t0 = performance.now();
const corpus = buildCorpus(
  {
    sentences: await loadSeedSentences(args.seeds),
    services: ws.services,
    riskyTerms: terms,
    // The checker sorts the seed material into clean and risky (the corpus hash shows if a
    // checker change ever moves a sentence across).
    isRisky: (s) => checker.check(s, ctx).findings.length > 0,
  },
  { posts: POSTS, seed: SEED },
);
const corpusMs = performance.now() - t0;
const heapAfterCorpus = heapUsed();
const { posts, chars } = corpus;
log(`语料：${fmtInt(posts.length)} 条，${fmtInt(chars)} 字符（UTF-16），hash ${corpus.hash}，构建 ${fmtMs(corpusMs)}`);

// ── Contenders ────────────────────────────────────────────────────────────────────────────────
interface Contender {
  key: string;
  label: string;
  /** Processes one post; returns how many findings / matches it produced. */
  run(text: string): number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const naiveRegexes = [...terms.map((t) => new RegExp(escapeRegExp(t), 'g')), ...patterns.map((p) => new RegExp(p, 'gu'))];
const mint = new Mint([...terms]);

const allContenders: Contender[] = [
  { key: 'a', label: '(a) 完整检查器 checker.check', run: (text) => checker.check(text, ctx).findings.length },
  {
    key: 'b',
    label: `(b) 朴素正则 ${naiveRegexes.length} 个 RegExp`,
    run(text) {
      // Positions are collected (not just counted) so the baseline does comparable work to (a).
      const found: number[] = [];
      for (const re of naiveRegexes) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          if (m[0].length === 0) re.lastIndex++; // a lookaround-only match: never loop on it
          else found.push(m.index, m.index + m[0].length);
        }
      }
      return found.length / 2;
    },
  },
  // filter() is mint's only call that returns every word found; replace:false skips masking.
  { key: 'c', label: '(c) mint-filter (Aho–Corasick)', run: (text) => mint.filter(text, { replace: false }).words.length },
];
const contenders = allContenders.filter((c) => ONLY.has(c.key));

interface Pass {
  ms: number;
  latencies: Float64Array;
  matches: number;
  postsWithHits: number;
}

function pass(c: Contender): Pass {
  const latencies = new Float64Array(posts.length);
  let matches = 0;
  let postsWithHits = 0;
  // Timing each post costs two performance.now() calls (~0.1 µs): negligible next to the work.
  const start = performance.now();
  for (let i = 0; i < posts.length; i++) {
    const s = performance.now();
    const n = c.run(posts[i]!);
    latencies[i] = performance.now() - s;
    matches += n;
    if (n > 0) postsWithHits++;
  }
  return { ms: performance.now() - start, latencies, matches, postsWithHits };
}

for (const c of contenders) {
  log(`预热 ${c.label} …`);
  pass(c); // warm-up: JIT, regex compilation, inline caches
}
const passes = new Map<string, Pass[]>(contenders.map((c) => [c.key, []]));
for (let r = 0; r < PASSES; r++) {
  // Rotate the starting contender each round so none always runs first after a GC or a pause.
  for (let k = 0; k < contenders.length; k++) {
    const c = contenders[(r + k) % contenders.length]!;
    passes.get(c.key)!.push(pass(c));
  }
  log(`第 ${r + 1}/${PASSES} 轮：${contenders.map((c) => `${c.key} ${fmtMs(passes.get(c.key)!.at(-1)!.ms)}`).join('，')}`);
}

const results = contenders.map((c) => {
  const list = passes.get(c.key)!;
  const sorted = [...list].sort((x, y) => x.ms - y.ms);
  const mid = sorted[(sorted.length - 1) >> 1]!; // the median pass (lower middle for even counts)
  return {
    key: c.key,
    label: c.label,
    passesMs: list.map((p) => p.ms),
    medianPassMs: mid.ms,
    charsPerSec: chars / (mid.ms / 1000),
    p50Ms: percentile(mid.latencies, 50),
    p99Ms: percentile(mid.latencies, 99),
    maxMs: percentile(mid.latencies, 100),
    matches: mid.matches,
    postsWithHits: mid.postsWithHits,
  };
});
const byKey = (k: string) => results.find((r) => r.key === k);
const ratio = (x: string, y: string) => {
  const a = byKey(x);
  const b = byKey(y);
  return a && b ? b.medianPassMs / a.medianPassMs : Number.NaN;
};
const vsNaive = ratio('a', 'b');
const vsMint = ratio('a', 'c');
const goals = [
  { name: `新进程首次加载（${COLD} 次中位）`, value: coldMs, shown: fmtMs(coldMs), target: `< ${GOALS.loadMs} ms`, pass: coldMs < GOALS.loadMs },
  { name: '规则包再次加载（5 次中位）', value: loadMedianMs, shown: fmtMs(loadMedianMs), target: `< ${GOALS.loadMs} ms`, pass: loadMedianMs < GOALS.loadMs },
  { name: '加速比 (a) vs (b) 朴素正则', value: vsNaive, shown: fmtRatio(vsNaive), target: `≥ ${GOALS.vsNaive}×`, pass: vsNaive >= GOALS.vsNaive },
  { name: '速度比 (a) vs (c) mint-filter', value: vsMint, shown: fmtRatio(vsMint), target: `≥ ${GOALS.vsMint.toFixed(1)}×`, pass: vsMint >= GOALS.vsMint },
];

const env = {
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  loadavg1: os.loadavg()[0] ?? 0,
};
const memory = { heapBefore, heapAfterLoad, heapAfterCorpus, packHeap: heapAfterLoad - heapBefore };

if (args.json) {
  console.log(
    JSON.stringify(
      {
        env,
        corpus: { posts: posts.length, chars, seed: SEED, hash: corpus.hash, buildMs: corpusMs, ...corpus.stats },
        vocabulary: { terms: terms.length, patterns: patterns.length, rules: checker.ruleCount, version: checker.version },
        load: { importMs, firstMs: firstLoadMs, medianMs: loadMedianMs, samplesMs: reloads, cold },
        memory,
        contenders: results.map(({ label, ...r }) => ({ ...r, label })),
        ratios: { checkerVsNaive: vsNaive, checkerVsMint: vsMint },
        goals: goals.map(({ shown, ...g }) => g),
      },
      null,
      2,
    ),
  );
} else {
  const s = corpus.stats;
  console.log(`\n合规检查性能基准  Node ${env.node} · ${env.cpus} 核 · ${env.cpuModel} · 1 分钟负载 ${env.loadavg1.toFixed(2)}`);
  console.log(
    `语料：${fmtInt(posts.length)} 条 / ${fmtInt(chars)} 字符（seed ${SEED}，hash ${corpus.hash}）` +
      ` 朋友圈 ${s.kinds.moment} · 社群 ${s.kinds.group} · 长文 ${s.kinds.article}；长度 ${s.minLength}–${s.maxLength}；` +
      `注入风险词 ${s.risky} 条（变形 ${s.evasions} 处），繁体 ${s.traditional} 条`,
  );
  console.log(`规则包 ${checker.version}：${checker.ruleCount} 条规则，${terms.length} 个词，${patterns.length} 个正则`);
  if (cold) {
    console.log(
      `新进程首次加载（${COLD} 次中位，不含模块导入）：有编译缓存 ${fmtMs(coldMs)}，无缓存 ${fmtMs(median(cold.uncached.loadMs))}；` +
        `模块导入 ${fmtMs(median(cold.cached.importMs))}；本进程首次 ${fmtMs(firstLoadMs)}，再次 ${fmtMs(loadMedianMs)}`,
    );
  }
  console.log(`内存 heapUsed：加载前 ${fmtMB(heapBefore)}，加载规则包后 ${fmtMB(heapAfterLoad)}（规则包约 ${fmtMB(memory.packHeap)}），含语料 ${fmtMB(heapAfterCorpus)}`);

  const table = new Table({
    style: { head: [], border: [] }, // no ANSI colours: the output is pasted into reports and logs
    head: ['方案', '吞吐 (字符/秒)', '中位一轮', '单条 p50', '单条 p99', '单条最慢', '命中总数', '有命中的帖子'],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  });
  for (const r of results) {
    table.push([
      r.label,
      fmtRate(r.charsPerSec),
      fmtMs(r.medianPassMs),
      fmtMs(r.p50Ms),
      fmtMs(r.p99Ms),
      fmtMs(r.maxMs),
      fmtInt(r.matches),
      `${fmtInt(r.postsWithHits)}（${((100 * r.postsWithHits) / posts.length).toFixed(1)}%）`,
    ]);
  }
  console.log(`\n${PASSES} 轮计时（各方案轮流执行，取中位一轮；另有 1 轮预热不计）`);
  console.log(table.toString());

  const goalTable = new Table({ style: { head: [], border: [] }, head: ['目标', '实测', '要求', '达标'], colAligns: ['left', 'right', 'right', 'center'] });
  for (const g of goals) goalTable.push([g.name, g.shown, g.target, Number.isNaN(g.value) ? '—' : g.pass ? '✓' : '✗']);
  console.log(goalTable.toString());
  console.log('注：(a) 计数为去重合并后的 findings；(b)(c) 为原始匹配数，不做归一化（繁体、空格等变形不命中），数量不可直接比较。');
}
