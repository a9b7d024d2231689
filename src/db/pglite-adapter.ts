// Driver adapter for the embedded PGlite database, used by both the Prisma client and the schema
// engine.
//
// pglite-prisma-adapter 0.7.2 starts `executeScript` without awaiting it, so a failing migration
// script becomes an unhandled rejection (crashing the process) while the engine records the
// migration as applied. The schema engine runs every migration through executeScript, so this
// factory awaits the script and reports its error the way the adapter reports query errors.
import type { PGlite } from '@electric-sql/pglite';
import { DriverAdapterError, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

interface PgErrorFields {
  code?: string;
  severity?: string;
  message: string;
  detail?: string;
  column?: string;
  hint?: string;
}

function toDriverError(e: unknown): unknown {
  const err = e as Partial<PgErrorFields>;
  if (typeof err?.code !== 'string' || typeof err.message !== 'string') return e;
  return new DriverAdapterError({
    kind: 'postgres',
    code: err.code,
    severity: err.severity ?? 'ERROR',
    message: err.message,
    detail: err.detail,
    column: err.column,
    hint: err.hint,
  });
}

export function pgliteAdapterFactory(db: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPGlite(db);
  const fix = (adapter: SqlDriverAdapter, target: PGlite): SqlDriverAdapter => {
    adapter.executeScript = async (script: string) => {
      try {
        await target.exec(script);
      } catch (e) {
        throw toDriverError(e);
      }
    };
    return adapter;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => fix(await inner.connect(), db),
    // Siyu never asks the engine for a shadow database (createMigrationSql uses its own scratch
    // PGlite), and the adapter's shadow database is never closed; refuse instead of leaking one.
    connectToShadowDb: () => Promise.reject(new Error('shadow database not supported: use a scratch PGlite')),
  };
}
