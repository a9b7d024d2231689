// Writes a new Prisma-format migration folder for the changes in schema.prisma: what
// `prisma migrate dev --create-only` does, without the native engine.
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SiyuError } from '../shared/errors.ts';
import { createMigrationSql, type MigrationSources } from './migrate.ts';
import { DEFAULT_MIGRATIONS_DIR, LOCKFILE_CONTENT, LOCKFILE_NAME } from './migrations-folder.ts';

export interface NewMigration {
  /** Folder name, e.g. 20261123093000_add_channel. */
  name: string;
  /** Absolute path of the migration.sql written. */
  file: string;
  sql: string;
}

/** Prisma's folder names: UTC yyyyMMddHHmmss, then the name. */
function timestamp(at: Date): string {
  return at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

export function migrationSlug(name: string): string {
  const slug = name.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (!/^[a-z0-9_]+$/.test(slug) || slug.length > 80) {
    throw new SiyuError(`迁移名称 “${name}” 无效`, ['只能用英文字母、数字、下划线或连字符，最长 80 个字符，例如 add_channel_column']);
  }
  return slug;
}

/** Returns null when schema.prisma has no changes against the existing migrations. */
export async function writeNewMigration(name: string, sources: MigrationSources = {}, now = new Date()): Promise<NewMigration | null> {
  const slug = migrationSlug(name);
  const sql = await createMigrationSql(sources);
  if (sql === '') return null;

  const dir = path.resolve(sources.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  await mkdir(dir, { recursive: true });
  // Migrations apply in name order: never let a new one sort before an existing one (clock skew,
  // two in the same second).
  const existing = existsSync(dir) ? (await readdir(dir)).filter((n) => /^\d{14}_/.test(n)).sort() : [];
  let stamp = timestamp(now);
  const last = existing.at(-1)?.slice(0, 14);
  if (last && stamp <= last) stamp = String(BigInt(last) + 1n);

  const folder = `${stamp}_${slug}`;
  const file = path.join(dir, folder, 'migration.sql');
  await mkdir(path.dirname(file));
  await writeFile(file, sql);
  const lockPath = path.join(dir, LOCKFILE_NAME);
  if (!existsSync(lockPath)) await writeFile(lockPath, LOCKFILE_CONTENT);
  return { name: folder, file, sql };
}
