// The embedded database: PostgreSQL compiled to WASM (PGlite), so a clinic's laptop needs no
// database server. Data persists in a folder; one process at a time may open it.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { SiyuError, isSiyuError } from '../shared/errors.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { makeDatabase, type Database } from './database.ts';
import { applyMigrations } from './migrate.ts';
import { pgliteAdapterFactory } from './pglite-adapter.ts';

/** PGlite's own files go one level down, leaving the data folder for our lock file. */
export const PGLITE_SUBDIR = 'pglite';

async function migrated(db: PGlite, describe: string, release: () => Promise<void>): Promise<Database> {
  const adapter = pgliteAdapterFactory(db);
  try {
    await applyMigrations(adapter);
  } catch (e) {
    await release();
    if (isSiyuError(e)) throw new SiyuError(`${e.message}（${describe}）`, e.details);
    throw e;
  }
  return makeDatabase('pglite', describe, adapter, release);
}

export async function openEmbeddedDatabase(dataDir: string): Promise<Database> {
  const dir = path.resolve(dataDir);
  const describe = `内嵌数据库 ${dir}`;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new SiyuError(`无法创建数据目录 ${dir}：${(e as Error).message}`, ['用 --data 或 SIYU_DATA_DIR 指定一个可写的目录']);
  }
  const lock = lockDataDir(dir);
  let db: PGlite;
  try {
    db = new PGlite(path.join(dir, PGLITE_SUBDIR));
    await db.waitReady;
  } catch (e) {
    lock.release();
    throw new SiyuError(`无法打开${describe}：${(e as Error).message}`, [
      '目录可能已损坏，或由不兼容的版本创建；可以换一个 --data 目录，或从备份恢复',
    ]);
  }
  return migrated(db, describe, async () => {
    try {
      await db.close();
    } finally {
      lock.release();
    }
  });
}

// Creating a PGlite database runs initdb (seconds); tests open many. Build one migrated database
// per process, then start each test database from a copy of its files (well under a second).
let template: Promise<Blob> | undefined;

async function buildTemplate(): Promise<Blob> {
  const db = new PGlite();
  try {
    await applyMigrations(pgliteAdapterFactory(db));
    return await db.dumpDataDir('none');
  } finally {
    await db.close();
  }
}

/** A throwaway, migrated database in memory (for tests): nothing touches the disk. */
export async function openMemoryDatabase(): Promise<Database> {
  template ??= buildTemplate();
  template.catch(() => (template = undefined));
  const db = new PGlite({ loadDataDir: await template });
  await db.waitReady;
  // Cheap (nothing to apply) and keeps this honest should the template ever be stale.
  return migrated(db, '内存数据库（临时，关闭即丢弃）', () => db.close());
}
