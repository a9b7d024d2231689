// Run by bench-cards.ts in a fresh Node process: the first card when nothing is warm — no module
// loaded, no font read or parsed, no JIT — through the same compiled copy of src/ that the CLI
// runs (bin/compiled-runtime.mjs). Renders one 1080×1440 knowledge_card PNG and prints one JSON
// line. performance.now() counts from the process's start, so `bootMs` is Node up to this file's
// first line and `totalMs` is process start to PNG in hand.
// Usage: node scripts/bench/card-cold.mjs '{"fields":{…},"brand":{…}}'
import { performance } from 'node:perf_hooks';

const bootMs = performance.now();
const { compiledModule } = await import('../../bin/compiled-runtime.mjs');
const url = await compiledModule('card/index.ts');
if (!url) throw new Error('the compiled copy of src/ could not be built (run with SIYU_DEBUG=1 to see why)');
const t0 = performance.now();
const { CardRenderer } = await import(url);
const t1 = performance.now();
const renderer = await CardRenderer.create();
const t2 = performance.now();
const { fields, brand } = JSON.parse(process.argv[2]);
const card = await renderer.render({ template: 'knowledge_card', fields, brand, size: { width: 1080, height: 1440 }, format: 'png' });
const t3 = performance.now();
if (card.width !== 1080 || card.height !== 1440 || card.image.length === 0) throw new Error('unexpected card');
// CPU time of this process from its start (all its threads): what the wall clock would show on an
// idle core, since the bench machine is shared.
const cpu = process.cpuUsage();
process.stdout.write(`${JSON.stringify({ bootMs, keyMs: t0 - bootMs, importMs: t1 - t0, createMs: t2 - t1, renderMs: t3 - t2, totalMs: t3, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
