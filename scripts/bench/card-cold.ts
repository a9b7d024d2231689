// Run by bench-cards.ts in a fresh Node process: the first card when nothing is warm — no module
// loaded, no font read or parsed, no JIT. Renders one 1080×1440 knowledge_card PNG and prints one
// JSON line. performance.now() counts from the process's start, so `bootMs` is Node + the tsx loader
// up to this file's first line, and `totalMs` is process start to PNG in hand.
// Usage: node --import tsx scripts/bench/card-cold.ts [logo.png]
import { performance } from 'node:perf_hooks';

const bootMs = performance.now();
const { CardRenderer } = await import('../../src/card/index.ts');
const { BENCH_BRAND, sampleFields } = await import('./card-samples.ts');
const t1 = performance.now();
const renderer = await CardRenderer.create();
const t2 = performance.now();
const template = renderer.templates.get('knowledge_card');
if (!template) throw new Error('knowledge_card layout not found');
const logo = process.argv[2];
const card = await renderer.render({
  template: 'knowledge_card',
  fields: sampleFields(template, 0),
  brand: logo ? { ...BENCH_BRAND, logo } : BENCH_BRAND,
  size: { width: 1080, height: 1440 },
  format: 'png',
});
const t3 = performance.now();
if (card.width !== 1080 || card.height !== 1440 || card.image.length === 0) throw new Error('unexpected card');
// CPU time of this process from its start (all its threads): what the wall clock would show on an
// idle core, since the bench machine is shared.
const cpu = process.cpuUsage();
process.stdout.write(`${JSON.stringify({ bootMs, importMs: t1 - bootMs, createMs: t2 - t1, renderMs: t3 - t2, totalMs: t3, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
