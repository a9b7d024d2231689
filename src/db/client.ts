// Opens Siyu's database: a real PostgreSQL server when a DATABASE_URL is given, otherwise the
// embedded PGlite database in a local folder. Pending migrations are applied on open.
import path from 'node:path';
import { SiyuError, isSiyuError } from '../shared/errors.ts';
import { makeDatabase, type Database } from './database.ts';
import { openEmbeddedDatabase } from './embedded-database.ts';
import { applyMigrations } from './migrate.ts';
import { postgresAdapterFactory } from './postgres-adapter.ts';
import { connectPostgres, parsePostgresUrl } from './postgres-connection.ts';

export type { Database } from './database.ts';
export { openMemoryDatabase } from './embedded-database.ts';

export interface OpenDatabaseOptions {
  /** Embedded data folder; default SIYU_DATA_DIR, then .siyu/data. Ignored when a URL is given. */
  dataDir?: string;
  /** postgres://user:password@host:5432/db; default DATABASE_URL. */
  databaseUrl?: string;
  /** Always the embedded database, whatever DATABASE_URL says (the demo). */
  embedded?: boolean;
}

export const DEFAULT_DATA_DIR = '.siyu/data';

export async function openDatabase(opts: OpenDatabaseOptions = {}): Promise<Database> {
  // An empty DATABASE_URL= (common in .env templates) means "not set".
  const url = opts.embedded ? '' : (opts.databaseUrl ?? process.env.DATABASE_URL ?? '').trim();
  if (url) return openPostgres(url);
  return openEmbeddedDatabase(path.resolve(opts.dataDir ?? process.env.SIYU_DATA_DIR ?? DEFAULT_DATA_DIR));
}

async function openPostgres(url: string): Promise<Database> {
  const target = parsePostgresUrl(url);
  const pool = await connectPostgres(target);
  const adapter = postgresAdapterFactory(pool);
  try {
    await applyMigrations(adapter);
  } catch (e) {
    await pool.end();
    if (isSiyuError(e)) throw new SiyuError(`${e.message}（${target.describe}）`, e.details);
    throw e;
  }
  return makeDatabase('postgres', target.describe, adapter, () => pool.end());
}
