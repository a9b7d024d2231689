// Card rendering off the main thread: a piscina pool of worker threads sized to the cores, so a
// server's or the publishing worker's event loop keeps answering while cards render (satori and
// sharp's SVG parsing are synchronous CPU work).
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { revive } from './errors.ts';
import type { WorkerReply } from './render-worker.ts';
import type { CardRendererOptions } from './render.ts';
import type { CardRenderRequest, RenderedCard } from './types.ts';

/** What the pipeline needs from a renderer: the pool and the in-thread CardRenderer both fit. */
export interface CardRendering {
  render(req: CardRenderRequest): Promise<RenderedCard>;
}

export interface CardPoolOptions extends CardRendererOptions {
  /** Default: the number of cores. */
  threads?: number | undefined;
}

// A worker thread does not inherit the parent's loader: from the TypeScript sources it starts with
// the tsx shim (render-worker.mjs); the compiled copy (bin/siyu.mjs) has a plain render-worker.js.
const WORKER_FILE = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './render-worker.mjs' : './render-worker.js', import.meta.url));

export class CardRenderPool implements CardRendering {
  private readonly pool: Piscina<CardRenderRequest, WorkerReply>;

  constructor(opts: CardPoolOptions = {}) {
    const threads = Math.max(1, opts.threads ?? availableParallelism());
    this.pool = new Piscina({
      filename: WORKER_FILE,
      minThreads: threads,
      maxThreads: threads,
      // Rasterising (sharp) runs on libuv's threads: a second card per thread lets its layout
      // (satori, on the worker thread) proceed while the first one is being rasterised.
      concurrentTasksPerWorker: 2,
      workerData: { templatesDir: opts.templatesDir, assetsDir: opts.assetsDir } satisfies CardRendererOptions,
    });
  }

  get threads(): number {
    return this.pool.maxThreads;
  }

  async render(req: CardRenderRequest): Promise<RenderedCard> {
    const reply = await this.pool.run(req);
    if (!reply.ok) throw revive(reply.error);
    return reply.card;
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
