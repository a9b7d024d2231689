// Prisma's schema engine (the part of Prisma that diffs schemas and applies migrations), run as
// WebAssembly through a driver adapter. The Prisma CLI would download a native engine, which is not
// possible offline; the WASM build needs no download and talks to the database through the same
// adapters the client uses.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { logger } from '../shared/logger.ts';

export type SchemaEngine = bg.SchemaEngine;

/** Schema files as the engine takes them. */
export interface SchemaFile {
  path: string;
  content: string;
}

// The glue module keeps one WASM instance in a module-level variable, so the instance is per glue
// module. Keying the cache by that module (on globalThis) survives test runners that re-evaluate our
// own modules per test file while Node keeps the glue module loaded.
const CACHE_KEY = Symbol.for('siyu.schemaEngineWasm');
type Cache = WeakMap<object, Promise<void>>;
const cache: Cache = ((globalThis as Record<symbol, unknown>)[CACHE_KEY] as Cache | undefined) ?? new WeakMap();
(globalThis as Record<symbol, unknown>)[CACHE_KEY] = cache;

function loadWasm(): Promise<void> {
  let loading = cache.get(bg);
  if (!loading) {
    loading = instantiate();
    cache.set(bg, loading);
    loading.catch(() => cache.delete(bg));
  }
  return loading;
}

// Node has WebAssembly, but this project's type libraries (ES2023, no DOM) do not declare it.
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: Record<string, Record<string, unknown>>): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

async function instantiate(): Promise<void> {
  // The package's own entry imports the .wasm file directly, which Node cannot load; its exports map
  // does not list the .wasm either, so find it next to the glue file.
  const require = createRequire(import.meta.url);
  const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
  const bytes = await readFile(wasmPath);
  // The engine arms 10 s timers around database calls and never clears them; left as they are,
  // every process that migrated lingers 10 s before exiting. Unref'd timers still fire but do not
  // keep the process alive (pending database I/O does that on its own).
  const imports: Record<string, unknown> = { ...bg };
  for (const name of Object.keys(imports).filter((n) => n.startsWith('__wbg_setTimeout_'))) {
    imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  const { instance } = await wasmApi.instantiate(bytes, { './schema_engine_bg.js': imports });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
}

/**
 * Runs `work` with a schema engine connected through `adapterFactory`, then frees the engine.
 * The factory must be a raw (unbound) factory; the engine needs the error-capturing wrapper.
 */
export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schema: SchemaFile,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const log = (line: string) => logger.debug({ schemaEngine: line.trim() }, 'schema engine');
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    log,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
  }
}

/** Nothing is external to Siyu's schema: the engine manages every table and enum. */
export const NO_FILTERS = { externalTables: [], externalEnums: [] };
