// Worker-thread entry for the card pool: one CardRenderer per thread, created on the first task,
// so each thread reads templates and parses fonts once. Errors travel back as plain data because
// structured cloning drops a CardError's class and its details.
import sharp from 'sharp';
import { workerData } from 'node:worker_threads';
import { CardRenderer, type CardRendererOptions } from './render.ts';
import type { CardRenderRequest, RenderedCard } from './types.ts';

export type WorkerReply =
  | { ok: true; card: RenderedCard }
  | { ok: false; error: { name: string; message: string; details?: string[] } };

// The pool already runs one card per core; libvips' own per-operation threads on top of that only
// make the threads fight over the same cores.
sharp.concurrency(1);
// No card is ever rendered twice from the same SVG, so libvips' operation cache (process-wide,
// behind one lock) never hits and only costs: with it, a card took 50 ms of CPU in the pool
// against 42 without (bench:cards, same run).
sharp.cache(false);

let renderer: Promise<CardRenderer> | undefined;

export default async function renderInWorker(req: CardRenderRequest): Promise<WorkerReply> {
  try {
    renderer ??= CardRenderer.create((workerData ?? {}) as CardRendererOptions);
    return { ok: true, card: await (await renderer).render(req) };
  } catch (e) {
    const err = e as Error & { details?: string[] };
    return { ok: false, error: { name: err.name, message: err.message, ...(err.details ? { details: err.details } : {}) } };
  }
}
