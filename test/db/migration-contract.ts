// The same migration checks for every kind of database: applying prisma/migrations to an empty
// database yields exactly prisma/schema.prisma, records _prisma_migrations like
// `prisma migrate deploy`, and is idempotent.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { expect, it } from 'vitest';
import { applyMigrations, diffDatabaseAgainstSchema } from '../../src/db/migrate.ts';
import { DEFAULT_MIGRATIONS_DIR } from '../../src/db/migrations-folder.ts';

export interface EmptyDatabase {
  factory: SqlMigrationAwareDriverAdapterFactory;
  query<T>(sql: string): Promise<T[]>;
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

export const migrationFolders = (): string[] =>
  readdirSync(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

export function migrationContract(db: () => EmptyDatabase): void {
  it('has an init migration to test', () => {
    expect(migrationFolders()[0]).toMatch(/^\d{14}_init$/);
  });

  it('differs from the schema while empty (the diff can see a difference)', async () => {
    const sql = await diffDatabaseAgainstSchema(db().factory);
    expect(sql).toContain('CREATE TABLE "User"');
    expect(sql).toContain('CREATE TABLE "WorkspaceSnapshot"');
  });

  it('applies every migration, after which the database is exactly the schema', async () => {
    expect(await applyMigrations(db().factory)).toEqual(migrationFolders());
    expect(await diffDatabaseAgainstSchema(db().factory)).toBe('');
  });

  it('records each migration in _prisma_migrations as prisma migrate deploy does', async () => {
    const rows = await db().query<MigrationRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(migrationFolders());
    for (const row of rows) {
      const sql = readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('applies nothing the second time', async () => {
    expect(await applyMigrations(db().factory)).toEqual([]);
    const [count] = await db().query<{ n: number }>('SELECT count(*)::int AS n FROM _prisma_migrations');
    expect(count?.n).toBe(migrationFolders().length);
  });
}
