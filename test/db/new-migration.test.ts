// scripts/new-migration.ts: a change in schema.prisma becomes a new migration folder that, applied
// after the existing ones, yields exactly the changed schema.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, createMigrationSql, diffDatabaseAgainstSchema } from '../../src/db/migrate.ts';
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH } from '../../src/db/migrations-folder.ts';
import { migrationSlug, writeNewMigration } from '../../src/db/new-migration.ts';
import { pgliteAdapterFactory } from '../../src/db/pglite-adapter.ts';
import { SiyuError } from '../../src/shared/errors.ts';
import { migrationFolders } from './migration-contract.ts';

describe('creating a migration', () => {
  let root: string;
  let migrationsDir: string;
  let schemaPath: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'siyu-new-migration-'));
    migrationsDir = path.join(root, 'migrations');
    schemaPath = path.join(root, 'schema.prisma');
    cpSync(DEFAULT_MIGRATIONS_DIR, migrationsDir, { recursive: true });
    writeFileSync(schemaPath, readFileSync(DEFAULT_SCHEMA_PATH, 'utf8'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds nothing to do when the committed migrations match schema.prisma', async () => {
    expect(await createMigrationSql()).toBe('');
  });

  it('writes a folder for a schema change, sorted after the existing ones', async () => {
    writeFileSync(schemaPath, `${readFileSync(schemaPath, 'utf8')}\nmodel Tag {\n  id   String @id\n  name String @unique\n}\n`);
    // A clock behind the last migration must not produce a folder that sorts first.
    const created = await writeNewMigration('Add-Tag', { migrationsDir, schemaPath }, new Date('2000-01-01T00:00:00Z'));
    expect(created?.name).toMatch(/^\d{14}_add_tag$/);
    const folders = readdirSync(migrationsDir).filter((n) => n !== 'migration_lock.toml').sort();
    expect(folders).toEqual([...migrationFolders(), created?.name]);
    expect(created?.sql).toContain('CREATE TABLE "Tag"');
    expect(created?.sql).not.toContain('CREATE TABLE "User"');

    const pg = new PGlite();
    try {
      const factory = pgliteAdapterFactory(pg);
      expect(await applyMigrations(factory, { migrationsDir, schemaPath })).toEqual(folders);
      expect(await diffDatabaseAgainstSchema(factory, { schemaPath })).toBe('');
    } finally {
      await pg.close();
    }
    expect(await writeNewMigration('again', { migrationsDir, schemaPath })).toBeNull();
  });

  it('rejects names that are not plain identifiers', () => {
    expect(() => migrationSlug('加标签')).toThrow(SiyuError);
    expect(() => migrationSlug('../escape')).toThrow('迁移名称 “../escape” 无效');
    expect(migrationSlug(' add channel ')).toBe('add_channel');
  });
});
