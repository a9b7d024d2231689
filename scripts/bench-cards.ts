// npm run bench:cards — how fast are cards? In one run, on one machine:
//   1. first card, cold: fresh Node processes — `siyu card` start → exit (the goal), and the same card
//      in phases (scripts/bench/card-cold.mjs), process start → PNG;
//   2. warm latency per layout: every layout in templates/cards/layouts (found through
//      CardRenderer.templates, sample fields built from its declared fields), 1080×1440 PNG end to
//      end (validate → fit → Handlebars → satori → sharp), plus the SVG stage alone and JPEG q85;
//   3. throughput of the worker pool (threads = cores) vs one thread (the in-thread CardRenderer,
//      one card after another) on the same batch, and how late the main event loop's timers run
//      meanwhile — keeping that loop free is what the pool is for; and, as this machine's own
//      limit, two separate processes rendering the batch in-thread at the same time;
//   4. a naive renderer that re-reads the font files and re-parses them for every card: the same
//      CardRenderer with its `fonts` step replaced by one that returns freshly read Buffers (satori
//      and the font metrics cache opened fonts by Buffer identity, so new Buffers defeat both).
// Usage: npx tsx scripts/bench-cards.ts [--cards N] [--warmup N] [--batch N] [--rounds N] [--naive N]
//        [--cold N] [--only cold,warm,pool,naive] [--json]
// The machine is shared and noisy: contenders are interleaved (load spikes hit each alike) and only
// medians and percentiles are reported.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import { CardRenderer, CardRenderPool, CARD_SIZE_PRESETS, type CardRenderRequest, type CardSizeName } from '../src/card/index.ts';
import type { FontSet } from '../src/card/assets/fonts.ts';
import type { CardTemplate } from '../src/card/template/load.ts';
import { EXAMPLE_WORKSPACE_DIR } from '../src/workspace/init.ts';
import { BENCH_BRAND, benchImage, sampleFields } from './bench/card-samples.ts';
import { fmtInt, fmtMs, fmtRatio, median, percentile } from './bench/stats.ts';

const GOALS = { coldMs: 1000, warmMedianMs: 50, poolVsOne: 1.7 };
const PORTRAIT: CardSizeName = 'moments_portrait'; // 1080×1440
const JPEG_QUALITY = 85;
/** Event-loop delay timer interval: an idle loop reports about this much. */
const ELD_RESOLUTION_MS = 1;

const { values: args } = parseArgs({
  options: {
    cards: { type: 'string', default: '50' }, // timed cards per layout (warm)
    warmup: { type: 'string', default: '5' }, // untimed cards per layout first
    batch: { type: 'string', default: '120' }, // cards per throughput batch
    rounds: { type: 'string', default: '3' }, // throughput rounds per contender
    naive: { type: 'string', default: '12' }, // naive vs cached pairs
    cold: { type: 'string', default: '5' }, // fresh processes
    only: { type: 'string', default: 'cold,warm,pool,naive' },
    json: { type: 'boolean', default: false },
  },
});
const positiveInt = (name: string, s: string) => {
  const n = Number(s);
  if (Number.isInteger(n) && n > 0) return n;
  console.error(`--${name} needs a positive integer (got "${s}")`);
  process.exit(2);
};
const CARDS = positiveInt('cards', args.cards);
const WARMUP = positiveInt('warmup', args.warmup);
const BATCH = positiveInt('batch', args.batch);
const ROUNDS = positiveInt('rounds', args.rounds);
const NAIVE = positiveInt('naive', args.naive);
const COLD = positiveInt('cold', args.cold);
const ONLY = new Set(args.only.split(',').map((s) => s.trim()));
const log = (...xs: unknown[]) => {
  if (!args.json) console.error(...xs); // progress on stderr
};

const loadStart = os.loadavg()[0] ?? 0;
const image = await benchImage(); // the clinic's logo, and any avatar a layout requires
const brand = { ...BENCH_BRAND, logo: image };
const renderer = await CardRenderer.create();
const sizeOf = (t: CardTemplate): CardSizeName => (t.supportedSizes.includes(PORTRAIT) ? PORTRAIT : t.supportedSizes[0]!);
const requestFor = (t: CardTemplate, variant: number, extra: Partial<CardRenderRequest> = {}): CardRenderRequest => ({
  template: t.name,
  fields: sampleFields(t, variant, { imagePath: image }),
  brand,
  size: sizeOf(t),
  format: 'png',
  ...extra,
});
/** Machine-wide busy CPU seconds from /proc/stat (Linux; USER_HZ is 100 there), else undefined. */
function machineBusySeconds(): number | undefined {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = f;
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return undefined;
  }
}
/** Starts a CPU window; calling the result gives the cores this process and everything else on
 *  the machine kept busy since (the machine is shared: other work slows the bench down). */
function cpuWindow(): () => { ours: number; others: number } {
  const wall = performance.now();
  const mine = process.cpuUsage();
  const machine = machineBusySeconds();
  return () => {
    const s = (performance.now() - wall) / 1000;
    const u = process.cpuUsage(mine);
    const ours = (u.user + u.system) / 1e6 / s;
    const after = machineBusySeconds();
    return { ours, others: machine === undefined || after === undefined ? Number.NaN : Math.max(0, (after - machine) / s - ours) };
  };
}
const timeIt = async <T>(f: () => Promise<T>): Promise<[number, T]> => {
  const s = performance.now();
  const v = await f();
  return [performance.now() - s, v];
};
// A layout that cannot render its sample (one being written, say) is reported and left out rather
// than ending the run.
const templates: CardTemplate[] = [];
const skipped: { template: string; error: string }[] = [];
for (const t of renderer.templates.values()) {
  try {
    await renderer.render(requestFor(t, 0));
    templates.push(t);
  } catch (e) {
    const err = e as Error & { details?: string[] };
    skipped.push({ template: t.name, error: [err.message, ...(err.details ?? [])].join('; ') });
  }
}
if (templates.length === 0) {
  console.error(`no layout renders: ${skipped.map((x) => `${x.template}: ${x.error}`).join(' | ')}`);
  process.exit(1);
}
log(`layouts: ${templates.map((t) => `${t.name} (${sizeOf(t)})`).join(', ')}${skipped.length ? `; skipped ${skipped.map((x) => x.template).join(', ')}` : ''}`);

/** Per section: cores this process and the rest of the machine kept busy while it ran. */
const sectionCpu: Record<string, { ours: number; others: number }> = {};
const cpuNote = (key: string) => {
  const c = sectionCpu[key];
  return c ? `CPU meanwhile: bench ${c.ours.toFixed(2)} cores, other processes ${Number.isNaN(c.others) ? '?' : c.others.toFixed(2)} cores (of ${os.availableParallelism()})` : '';
};

// ── 1. First card, cold ───────────────────────────────────────────────────────────────────────
// (a) what a person sees: `siyu card` from process start to exit, PNG written; (b) the same first
// card split into phases, in a process that loads only the card modules. Both run the compiled
// copy of src/ the CLI uses; the runs alternate.
interface ColdRun {
  bootMs: number;
  keyMs: number;
  importMs: number;
  createMs: number;
  renderMs: number;
  totalMs: number;
  cpuMs: number;
  wallMs: number;
}
interface CliRun {
  wallMs: number;
  cpuMs: number;
}
/** CPU time (ms) of this process's waited-for children, from /proc (clock ticks of 10 ms). */
function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10; // cutime + cstime
}
let cold: ColdRun[] = [];
let cli: CliRun[] = [];
if (ONLY.has('cold')) {
  const script = new URL('./bench/card-cold.mjs', import.meta.url).pathname;
  const bin = new URL('../bin/siyu.mjs', import.meta.url).pathname;
  const knowledge = renderer.templates.get('knowledge_card');
  if (!knowledge) throw new Error('knowledge_card layout not found');
  const fields = sampleFields(knowledge, 0, { imagePath: image });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'siyu-bench-cold-'));
  const dataFile = path.join(dir, 'card.json');
  writeFileSync(dataFile, JSON.stringify(fields));
  const onePhased = (): ColdRun => {
    const s = performance.now();
    const out = execFileSync(process.execPath, [script, JSON.stringify({ fields, brand })], { encoding: 'utf8' });
    return { ...(JSON.parse(out) as Omit<ColdRun, 'wallMs'>), wallMs: performance.now() - s };
  };
  const oneCli = (): CliRun => {
    const cpu0 = childrenCpuMs();
    const s = performance.now();
    execFileSync(process.execPath, [bin, 'card', '--workspace', EXAMPLE_WORKSPACE_DIR, '--template', 'knowledge_card', '--data', dataFile, '--out', path.join(dir, 'card.png')], { stdio: 'ignore', env: { ...process.env, DATABASE_URL: '' } });
    return { wallMs: performance.now() - s, cpuMs: childrenCpuMs() - cpu0 };
  };
  log('cold: 1 unmeasured run of each (builds the compiled copy of src/ if needed), then', COLD, 'measured, alternating');
  oneCli();
  onePhased();
  const cpu = cpuWindow();
  for (let i = 0; i < COLD; i++) {
    cli.push(oneCli());
    cold.push(onePhased());
  }
  sectionCpu.cold = cpu();
  rmSync(dir, { recursive: true, force: true });
}
const coldMedian = (k: keyof ColdRun) => median(cold.map((r) => r[k]));

// ── 2. Warm latency per layout ────────────────────────────────────────────────────────────────
interface WarmResult {
  template: string;
  size: string;
  portrait: boolean;
  png: number[];
  /** CPU time of this process (all threads) per PNG card: what a card costs when the machine is shared. */
  pngCpu: number[];
  svg: number[];
  bytes: number[];
  warnings: string[];
}
const warm: WarmResult[] = [];
const jpeg = { template: templates.find((t) => t.name === 'knowledge_card')?.name ?? templates[0]!.name, ms: [] as number[], bytes: [] as number[] };
if (ONLY.has('warm')) {
  log(`warm: ${WARMUP} untimed + ${CARDS} timed cards per layout, interleaved`);
  for (const t of templates) {
    for (let i = 0; i < WARMUP; i++) {
      await renderer.render(requestFor(t, i));
      await renderer.svg(requestFor(t, i));
      await renderer.render(requestFor(t, i, { format: 'jpeg', quality: JPEG_QUALITY }));
    }
    const s = CARD_SIZE_PRESETS[sizeOf(t)];
    warm.push({ template: t.name, size: `${s.width}×${s.height}`, portrait: sizeOf(t) === PORTRAIT, png: [], pngCpu: [], svg: [], bytes: [], warnings: [] });
  }
  const cpu = cpuWindow();
  for (let r = 0; r < CARDS; r++) {
    for (let k = 0; k < templates.length; k++) {
      const i = (r + k) % templates.length; // rotate which layout goes first
      const t = templates[i]!;
      const w = warm[i]!;
      const cpu = process.cpuUsage();
      const [ms, card] = await timeIt(() => renderer.render(requestFor(t, r)));
      const used = process.cpuUsage(cpu);
      w.png.push(ms);
      w.pngCpu.push((used.user + used.system) / 1000);
      w.bytes.push(card.image.length);
      for (const x of card.warnings) if (!w.warnings.includes(x)) w.warnings.push(x);
      w.svg.push((await timeIt(() => renderer.svg(requestFor(t, r))))[0]);
      if (t.name === jpeg.template) {
        const [jms, jcard] = await timeIt(() => renderer.render(requestFor(t, r, { format: 'jpeg', quality: JPEG_QUALITY })));
        jpeg.ms.push(jms);
        jpeg.bytes.push(jcard.image.length);
      }
    }
    if ((r + 1) % 10 === 0) log(`  ${r + 1}/${CARDS}: ${warm.map((w) => `${w.template} ${fmtMs(median(w.png))}`).join(', ')}`);
  }
  sectionCpu.warm = cpu();
}
const portraitMedians = warm.filter((w) => w.portrait).map((w) => median(w.png));
const warmWorst = portraitMedians.length > 0 ? Math.max(...portraitMedians) : Number.NaN;

// ── 3. Pool vs one thread ─────────────────────────────────────────────────────────────────────
interface Mode {
  key: 'one' | 'pool' | 'processes';
  label: string;
  threads: number;
  roundsMs: number[];
  /** CPU time (user + system, all threads of this process) over wall time, per round. */
  cores: number[];
  /** The same for every other process on the machine. */
  others: number[];
  /** CPU ms this process spent per card (worker threads included). */
  cpuPerCard: number[];
  /** Event-loop delay, one monitor per round (a re-enabled one would count the pause between
   *  rounds as one long delay). */
  eld: IntervalHistogram[];
}
const batch = Array.from({ length: BATCH }, (_, i) => requestFor(templates[i % templates.length]!, i));
const modes: Mode[] = [];
let poolRatio = Number.NaN;
let processRatio = Number.NaN;
if (ONLY.has('pool')) {
  const pool = new CardRenderPool();
  try {
    const one: Mode = { key: 'one', label: 'one thread (in-thread CardRenderer, sequential)', threads: 1, roundsMs: [], cores: [], others: [], cpuPerCard: [], eld: [] };
    const many: Mode = { key: 'pool', label: `worker pool (CardRenderPool, ${pool.threads} threads)`, threads: pool.threads, roundsMs: [], cores: [], others: [], cpuPerCard: [], eld: [] };
    modes.push(one, many);
    // Warmed like the in-thread renderer (which has rendered every layout many times by now):
    // one whole batch, so each thread has parsed its fonts and compiled its code before timing.
    log(`pool: starting ${pool.threads} threads and warming them up with one batch`);
    await Promise.all(batch.map((r) => pool.render(r)));
    if (!ONLY.has('warm')) for (const req of batch) await renderer.render(req);
    const runOne = async () => {
      for (const req of batch) await renderer.render(req);
    };
    const runPool = async () => {
      await Promise.all(batch.map((req) => pool.render(req)));
    };
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? [one, many] : [many, one];
      for (const m of order) {
        const eld = monitorEventLoopDelay({ resolution: ELD_RESOLUTION_MS });
        const cpu = cpuWindow();
        eld.enable();
        const [ms] = await timeIt(m.key === 'one' ? runOne : runPool);
        eld.disable();
        const used = cpu();
        m.eld.push(eld);
        m.roundsMs.push(ms);
        m.cores.push(used.ours);
        m.cpuPerCard.push((used.ours * ms) / BATCH);
        m.others.push(used.others);
      }
      log(`  round ${r + 1}/${ROUNDS}: ${modes.map((m) => `${m.key} ${fmtMs(m.roundsMs.at(-1)!)}`).join(', ')}`);
    }
    poolRatio = median(one.roundsMs) / median(many.roundsMs);
  } finally {
    await pool.close();
  }
  // The machine's own limit: two separate processes, each rendering the whole batch in-thread at
  // the same time (2 × batch cards in the slower one's time).
  const processes: Mode = { key: 'processes', label: '2 processes × one thread each (this machine\'s scaling limit)', threads: 2, roundsMs: [], cores: [], others: [], cpuPerCard: [], eld: [] };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'siyu-bench-batch-'));
  const batchFile = path.join(dir, 'batch.json');
  writeFileSync(batchFile, JSON.stringify(batch));
  const script = new URL('./bench/card-batch.ts', import.meta.url).pathname;
  const children = [0, 1].map(() => spawn(process.execPath, ['--import', 'tsx', script, batchFile], { stdio: ['pipe', 'pipe', 'inherit'] }));
  const lines = children.map((c) => createInterface({ input: c.stdout! })[Symbol.asyncIterator]());
  const next = async (i: number) => String((await lines[i]!.next()).value);
  try {
    log('pool: two separate renderer processes warming up');
    await Promise.all([0, 1].map(next)); // "ready"
    for (let r = 0; r < ROUNDS; r++) {
      const cpu = cpuWindow();
      const start = performance.now();
      for (const c of children) c.stdin!.write('go\n');
      const ms = Math.max(...(await Promise.all([0, 1].map(async (i) => (JSON.parse(await next(i)) as { ms: number }).ms))));
      const wall = performance.now() - start;
      const used = cpu();
      processes.roundsMs.push(ms / 2); // two batches done: the time per batch
      processes.cores.push(used.others); // the children are "other processes" to this one
      processes.others.push(Number.NaN);
      processes.cpuPerCard.push((used.others * wall) / (2 * BATCH));
    }
    modes.push(processes);
    processRatio = median(modes[0]!.roundsMs) / median(processes.roundsMs);
  } finally {
    for (const c of children) c.stdin!.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
const cardsPerSec = (m: Mode) => BATCH / (median(m.roundsMs) / 1000);
/** Over the rounds: the median round's p50, the worst round's p99 and the longest delay seen. */
const eldMs = (m: Mode, p: 50 | 99 | 'max') =>
  p === 'max' ? Math.max(...m.eld.map((h) => h.max)) / 1e6 : p === 50 ? median(m.eld.map((h) => h.percentile(50))) / 1e6 : Math.max(...m.eld.map((h) => h.percentile(99))) / 1e6;

// ── 4. Naive: fonts re-read and re-parsed for every card ──────────────────────────────────────
const naive = { template: jpeg.template, cached: [] as number[], naive: [] as number[] };
let naiveRatio = Number.NaN;
if (ONLY.has('naive')) {
  const naiveRenderer = await CardRenderer.create();
  // CardRenderer.svg gets its fonts through this one method; everything else is the real renderer.
  naiveRenderer.fonts = async (req): Promise<FontSet> => {
    const set = await renderer.fonts(req); // for the file names and family only
    return { ...set, faces: await Promise.all(set.faces.map(async (f) => ({ ...f, data: await readFile(f.file) }))) };
  };
  const t = renderer.templates.get(naive.template)!;
  log(`naive: ${NAIVE} pairs of ${naive.template} PNG, naive and cached alternating`);
  await naiveRenderer.render(requestFor(t, 0)); // warm its code paths too (the fonts are parsed again anyway)
  const cpu = cpuWindow();
  for (let r = 0; r < NAIVE; r++) {
    naive.naive.push((await timeIt(() => naiveRenderer.render(requestFor(t, r))))[0]);
    naive.cached.push((await timeIt(() => renderer.render(requestFor(t, r))))[0]);
  }
  sectionCpu.naive = cpu();
  naiveRatio = median(naive.naive) / median(naive.cached);
}

// ── Report ────────────────────────────────────────────────────────────────────────────────────
const coldTotal = cli.length ? median(cli.map((r) => r.wallMs)) : Number.NaN;
const goals = [
  { name: `first card, cold (siyu card: start → exit, PNG written; median of ${COLD})`, value: coldTotal, shown: fmtMs(coldTotal), target: `≤ ${fmtInt(GOALS.coldMs)} ms`, pass: coldTotal <= GOALS.coldMs },
  {
    name: 'warm median per 1080×1440 PNG (slowest layout)',
    value: warmWorst,
    shown: fmtMs(warmWorst),
    target: `≤ ${GOALS.warmMedianMs} ms`,
    pass: warmWorst <= GOALS.warmMedianMs,
  },
  { name: `pool (${modes[1]?.threads ?? '?'} threads) vs one thread, cards/s`, value: poolRatio, shown: fmtRatio(poolRatio), target: `≥ ${GOALS.poolVsOne}×`, pass: poolRatio >= GOALS.poolVsOne },
  { name: 'naive (fonts re-read per card) vs cached', value: naiveRatio, shown: `${fmtRatio(naiveRatio)} slower`, target: 'no goal', pass: undefined },
];
const env = { node: process.version, cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model ?? 'unknown', loadavg1Start: loadStart, loadavg1End: os.loadavg()[0] ?? 0 };

if (args.json) {
  console.log(
    JSON.stringify(
      {
        env,
        layouts: templates.map((t) => t.name),
        skipped,
        cold: cold.length ? { cli: { runs: cli, medianWallMs: coldTotal, medianCpuMs: median(cli.map((r) => r.cpuMs)) }, phased: { runs: cold, medians: Object.fromEntries((['totalMs', 'cpuMs', 'bootMs', 'keyMs', 'importMs', 'createMs', 'renderMs', 'wallMs'] as const).map((k) => [k, coldMedian(k)])) } } : undefined,
        warm: warm.map((w) => ({ ...w, pngMedianMs: median(w.png), pngP95Ms: percentile(w.png, 95), pngCpuMedianMs: median(w.pngCpu), svgMedianMs: median(w.svg), bytesMedian: median(w.bytes) })),
        jpeg: { ...jpeg, quality: JPEG_QUALITY, medianMs: median(jpeg.ms), p95Ms: percentile(jpeg.ms, 95) },
        throughput: modes.map((m) => ({ key: m.key, label: m.label, threads: m.threads, batch: BATCH, roundsMs: m.roundsMs, cpuCores: m.cores, otherProcessesCores: m.others, cpuMsPerCard: m.cpuPerCard, cardsPerSec: cardsPerSec(m), eventLoopDelayMs: m.eld.length ? { p50: eldMs(m, 50), p99: eldMs(m, 99), max: eldMs(m, 'max') } : undefined })),
        processesVsOne: Number.isNaN(processRatio) ? undefined : processRatio,
        cpu: sectionCpu,
        naive: { ...naive, cachedMedianMs: median(naive.cached), naiveMedianMs: median(naive.naive), ratio: naiveRatio },
        goals: goals.map(({ shown, ...g }) => g),
      },
      null,
      2,
    ),
  );
} else {
  const table = (head: string[], colAligns: ('left' | 'right' | 'center')[]) => new Table({ style: { head: [], border: [] }, head, colAligns });
  console.log(`\nCard rendering benchmark  Node ${env.node} · ${env.cpus} cores · ${env.cpuModel} · 1-min load ${env.loadavg1Start.toFixed(2)} → ${env.loadavg1End.toFixed(2)}`);
  console.log(`layouts: ${templates.map((t) => t.name).join(', ')}; brand ${brand.shortName} with a 240×240 logo`);
  for (const x of skipped) console.log(`skipped layout ${x.template} (does not render): ${x.error}`);

  if (cold.length) {
    console.log(`\n1. First card, cold: ${COLD} fresh processes each (after 1 unmeasured run of each), alternating; medians`);
    const c = table(['siyu card: start → exit (PNG written)', 'CPU time (all threads)', 'runs'], ['right', 'right', 'left']);
    c.push([fmtMs(coldTotal), fmtMs(median(cli.map((r) => r.cpuMs))), cli.map((r) => fmtMs(r.wallMs)).join(', ')]);
    console.log(c.toString());
    console.log('   the same first card in phases, in a process that loads only the card modules:');
    const t = table(['process start → PNG', 'CPU time to PNG', 'Node boot', 'find compiled copy', 'import card modules', 'CardRenderer.create', 'first render (fonts read + parsed)'], ['right', 'right', 'right', 'right', 'right', 'right', 'right']);
    t.push([fmtMs(coldMedian('totalMs')), fmtMs(coldMedian('cpuMs')), fmtMs(coldMedian('bootMs')), fmtMs(coldMedian('keyMs')), fmtMs(coldMedian('importMs')), fmtMs(coldMedian('createMs')), fmtMs(coldMedian('renderMs'))]);
    console.log(t.toString());
    console.log(`   ${cpuNote('cold').replace('other processes', 'other processes (the measured ones included)')}`);
  }

  if (warm.length) {
    console.log(`\n2. Warm, per card, in-thread CardRenderer: ${WARMUP} untimed then ${CARDS} timed per layout, layouts interleaved`);
    const t = table(['layout', 'size', 'PNG median', 'PNG p95', 'PNG CPU time median', 'SVG only median (validate→fit→satori)', 'rasterise + encode (diff)', 'PNG size median'], ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right']);
    for (const w of warm) {
      t.push([w.template, w.size, fmtMs(median(w.png)), fmtMs(percentile(w.png, 95)), fmtMs(median(w.pngCpu)), fmtMs(median(w.svg)), fmtMs(median(w.png) - median(w.svg)), `${fmtInt(median(w.bytes) / 1024)} KB`]);
    }
    if (jpeg.ms.length) {
      t.push([`${jpeg.template} (JPEG q${JPEG_QUALITY})`, warm.find((w) => w.template === jpeg.template)?.size ?? '', fmtMs(median(jpeg.ms)), fmtMs(percentile(jpeg.ms, 95)), '', '', '', `${fmtInt(median(jpeg.bytes) / 1024)} KB`]);
    }
    console.log(t.toString());
    console.log(`   ${cpuNote('warm')}`);
    for (const w of warm) if (w.warnings.length) console.log(`   ${w.template} warnings: ${w.warnings.join(' / ')}`);
  }

  if (modes.length) {
    console.log(`\n3. Throughput: the same ${BATCH}-card batch (layouts mixed), ${ROUNDS} rounds each, alternating; main event-loop timer delay while rendering (${ELD_RESOLUTION_MS} ms timer: idle ≈ ${ELD_RESOLUTION_MS} ms)`);
    const t = table(['renderer', 'batch time (median)', 'cards/s', 'rounds', 'CPU: bench / other processes (cores)', 'CPU per card', 'loop delay p50', 'p99 (worst round)', 'max'], ['left', 'right', 'right', 'left', 'right', 'right', 'right', 'right', 'right']);
    for (const m of modes) {
      const own = m.eld.length > 0; // the separate processes' loops are not this process's
      const cpuCell = own ? `${median(m.cores).toFixed(2)} / ${median(m.others).toFixed(2)}` : `${median(m.cores).toFixed(2)} (both processes)`;
      t.push([m.label, fmtMs(median(m.roundsMs)), cardsPerSec(m).toFixed(1), m.roundsMs.map(fmtMs).join(', '), cpuCell, fmtMs(median(m.cpuPerCard)), own ? fmtMs(eldMs(m, 50)) : '—', own ? fmtMs(eldMs(m, 99)) : '—', own ? fmtMs(eldMs(m, 'max')) : '—']);
    }
    console.log(t.toString());
    console.log(`   pool / one thread: ${fmtRatio(poolRatio)}${Number.isNaN(processRatio) ? '' : `; two separate processes / one thread: ${fmtRatio(processRatio)} (what this machine gives two independent renderers)`}`);
  }

  if (naive.naive.length) {
    console.log(`\n4. Naive renderer: ${naive.template} 1080×1440 PNG, ${NAIVE} pairs; fonts (2 × ~10 MB Noto Sans SC) read from disk and parsed by satori and re-opened for metrics for every card`);
    const t = table(['renderer', 'median', 'p95'], ['left', 'right', 'right']);
    t.push(['naive (fresh font Buffers per card)', fmtMs(median(naive.naive)), fmtMs(percentile(naive.naive, 95))]);
    t.push(['CardRenderer (fonts once per process)', fmtMs(median(naive.cached)), fmtMs(percentile(naive.cached, 95))]);
    console.log(t.toString());
    console.log(`   naive / cached: ${fmtRatio(naiveRatio)}; ${cpuNote('naive')}`);
  }

  const g = table(['goal', 'measured', 'target', 'met'], ['left', 'right', 'right', 'center']);
  for (const x of goals) g.push([x.name, x.shown, x.target, x.pass === undefined || Number.isNaN(x.value) ? '—' : x.pass ? '✓' : '✗']);
  console.log(`\nSummary\n${g.toString()}`);
}
