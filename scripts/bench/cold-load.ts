// Run by bench-compliance.ts in a fresh Node process: how long the first loadChecker takes when
// nothing is warm — no module loaded, no JIT, no in-process memo. Prints one JSON line.
// Argument: the pack directory (default: the project's compliance/).
import { performance } from 'node:perf_hooks';

const t0 = performance.now();
const { loadChecker } = await import('../../src/check/index.ts');
const t1 = performance.now();
await loadChecker(process.argv[2]);
const t2 = performance.now();
process.stdout.write(`${JSON.stringify({ importMs: t1 - t0, loadMs: t2 - t1 })}\n`);
