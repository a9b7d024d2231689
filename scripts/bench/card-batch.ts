// Run by bench-cards.ts as a separate process: an in-thread CardRenderer that renders the bench's
// batch each time it reads "go" on stdin and answers with the batch's wall time. Two of these at
// once show how far two independent renderers scale on this machine — no pool, no shared process
// — the ceiling the worker pool's own ratio can be read against.
// Usage: node --import tsx scripts/bench/card-batch.ts BATCH.json   (a JSON array of requests)
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { CardRenderer } from '../../src/card/index.ts';
import type { CardRenderRequest } from '../../src/card/types.ts';

const batch = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as CardRenderRequest[];
const renderer = await CardRenderer.create();
for (const req of batch) await renderer.render(req); // fonts parsed, code warm
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line !== 'go') break;
  const start = performance.now();
  for (const req of batch) await renderer.render(req);
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - start })}\n`);
}
