// Plain-JavaScript entry for the pool's threads: a worker thread does not inherit the parent's
// TypeScript loader, so it registers tsx itself (as bin/siyu.mjs does) before loading the worker.
import { register } from 'tsx/esm/api';

register();
const { default: renderInWorker } = await import('./render-worker.ts');
export default renderInWorker;
