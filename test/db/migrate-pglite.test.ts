import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/db/migrate.ts';
import { LOCKFILE_CONTENT } from '../../src/db/migrations-folder.ts';
import { pgliteAdapterFactory } from '../../src/db/pglite-adapter.ts';
import { SiyuError } from '../../src/shared/errors.ts';
import { migrationContract, type EmptyDatabase } from './migration-contract.ts';

describe('migrations on a fresh PGlite', () => {
  let pg: PGlite;
  let db: EmptyDatabase;
  beforeAll(async () => {
    pg = new PGlite();
    db = { factory: pgliteAdapterFactory(pg), query: async (sql) => (await pg.query(sql)).rows as never[] };
  });
  afterAll(() => pg.close());

  migrationContract(() => db);
});

describe('a migration that fails on PGlite', () => {
  let dir: string;
  let pg: PGlite;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'siyu-bad-migration-'));
    writeFileSync(path.join(dir, 'migration_lock.toml'), LOCKFILE_CONTENT);
    mkdirSync(path.join(dir, '20260101000000_ok'));
    writeFileSync(path.join(dir, '20260101000000_ok', 'migration.sql'), 'CREATE TABLE "Fine" (id int);\n');
    mkdirSync(path.join(dir, '20260102000000_broken'));
    writeFileSync(path.join(dir, '20260102000000_broken', 'migration.sql'), 'CREATE TABLE "Half" (id int);\nCREATE TABLE oops (;\n');
    pg = new PGlite();
  });
  afterAll(async () => {
    await pg.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // The stock pglite adapter does not await migration scripts: the error escaped as an unhandled
  // rejection and the migration was recorded as applied.
  it('is reported as a SiyuError, recorded as failed, and leaves no partial changes', async () => {
    const error = await applyMigrations(pgliteAdapterFactory(pg), { migrationsDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SiyuError);
    expect((error as SiyuError).message).toMatch(/^数据库迁移失败：/);
    expect((error as SiyuError).toString()).toContain('syntax error');

    const rows = (await pg.query<{ migration_name: string; finished_at: Date | null }>('SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY 1')).rows;
    expect(rows).toEqual([
      { migration_name: '20260101000000_ok', finished_at: expect.any(Date) },
      { migration_name: '20260102000000_broken', finished_at: null },
    ]);
    const tables = (await pg.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('Fine', 'Half')`)).rows;
    expect(tables.map((t) => t.tablename)).toEqual(['Fine']);
  });

  it('blocks later runs until someone resolves it', async () => {
    const error = await applyMigrations(pgliteAdapterFactory(pg), { migrationsDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SiyuError);
    expect((error as SiyuError).toString()).toContain('20260102000000_broken');
    expect((error as SiyuError).details.join('\n')).toContain('失败的迁移记录');
  });
});
