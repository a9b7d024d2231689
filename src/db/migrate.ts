// Migrations, applied by Prisma's own schema engine (no hand-rolled SQL runner): the same folder
// format and the same `_prisma_migrations` bookkeeping as `prisma migrate deploy`.
import { PGlite } from '@electric-sql/pglite';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { SiyuError } from '../shared/errors.ts';
import { PRISMA_DIR, readMigrations, readSchema } from './migrations-folder.ts';
import { pgliteAdapterFactory } from './pglite-adapter.ts';
import { NO_FILTERS, withSchemaEngine, type SchemaEngine, type SchemaFile } from './schema-engine.ts';

export interface MigrationSources {
  /** Defaults to prisma/migrations of this package. */
  migrationsDir?: string;
  /** Defaults to prisma/schema.prisma of this package. */
  schemaPath?: string;
}

/**
 * Applies every migration in the folder that the database has not recorded yet; returns their
 * names (empty when up to date). Use pgliteAdapterFactory/postgresAdapterFactory: the stock
 * adapters have bugs the engine trips over (see those files).
 */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory, sources: MigrationSources = {}): Promise<string[]> {
  const [schema, migrationsList] = await Promise.all([readSchema(sources.schemaPath), readMigrations(sources.migrationsDir)]);
  return withSchemaEngine(adapterFactory, schema, async (engine) => {
    try {
      const out = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
      return out.appliedMigrationNames;
    } catch (e) {
      throw engineFailure('数据库迁移失败', e);
    }
  });
}

/**
 * SQL that would take the live database to schema.prisma; '' when they match. Proves that the
 * migrations, once applied, yield exactly the schema.
 */
export async function diffDatabaseAgainstSchema(adapterFactory: SqlMigrationAwareDriverAdapterFactory, sources: MigrationSources = {}): Promise<string> {
  const schema = await readSchema(sources.schemaPath);
  return withSchemaEngine(adapterFactory, schema, (engine) => diffLive(engine, schema));
}

/**
 * SQL for a new migration: from what the existing migrations build to the current schema.prisma;
 * '' when nothing changed. The existing migrations are replayed on a scratch in-memory PGlite.
 */
export async function createMigrationSql(sources: MigrationSources = {}): Promise<string> {
  const [schema, migrationsList] = await Promise.all([readSchema(sources.schemaPath), readMigrations(sources.migrationsDir, true)]);
  const scratch = new PGlite();
  try {
    return await withSchemaEngine(pgliteAdapterFactory(scratch), schema, async (engine) => {
      try {
        await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
      } catch (e) {
        throw engineFailure('现有迁移无法在临时数据库上重放', e);
      }
      return diffLive(engine, schema);
    });
  } finally {
    await scratch.close();
  }
}

async function diffLive(engine: SchemaEngine, schema: SchemaFile): Promise<string> {
  try {
    const files = [schema];
    const result = await engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: PRISMA_DIR },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      // exitCode 2 means "there is a difference"; the script text for no difference is a comment.
      exitCode: true,
      filters: NO_FILTERS,
    });
    return result.exitCode === 0 ? '' : (result.stdout ?? '');
  } catch (e) {
    throw engineFailure('比对数据库结构失败', e);
  }
}

/** The engine's message without its Rust span trace ("   0: ..." lines), as Chinese SiyuError. */
function engineFailure(what: string, e: unknown): SiyuError {
  const text = e instanceof Error ? e.message : String(e);
  const lines = text.split('\n');
  const traceStart = lines.findIndex((l) => /^\s+\d+: /.test(l));
  const reason = (traceStart === -1 ? lines : lines.slice(0, traceStart)).map((l) => l.trim()).filter(Boolean);
  const details = [...reason];
  if (/failed migrations/.test(text)) {
    details.push('数据库里有一条失败的迁移记录（_prisma_migrations 中 finished_at 为空），需先人工修复或回滚再重试');
  }
  return new SiyuError(`${what}：${reason[0] ?? '未知错误'}`, details.slice(1));
}
