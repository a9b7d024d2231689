// Driver adapter for a real PostgreSQL server, used by both the Prisma client and the schema engine.
//
// @prisma/adapter-pg 7.10 has no mapping for PostgreSQL's internal one-byte `"char"` type (OID 18),
// which the system catalogs use (pg_class.relkind, pg_constraint.contype, ...). The schema engine
// reads those catalogs to describe a live database, so every diff fails with "Column type 'char'
// could not be deserialized". The adapter maps unknown user types to text already; here OID 18 is
// relabelled as text (its values arrive as one-character strings either way). This hooks the
// adapter's query method; if a new adapter version renames it, we fail loudly rather than silently.
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';

const CHAR_OID = 18;
const TEXT_OID = 25;

type PerformIO = (query: unknown) => Promise<pg.QueryResult>;

function relabelCharColumns(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const target = adapter as unknown as { performIO?: PerformIO };
  const original = target.performIO;
  if (typeof original !== 'function') {
    throw new Error('@prisma/adapter-pg no longer has performIO; revisit src/db/postgres-adapter.ts');
  }
  target.performIO = async (query) => {
    const result = await original.call(adapter, query);
    for (const field of result?.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    return result;
  };
  return adapter;
}

/** A factory over an existing pool; the caller owns the pool and ends it. */
export function postgresAdapterFactory(pool: pg.Pool): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPg(pool);
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => relabelCharColumns(await inner.connect()),
    connectToShadowDb: async () => relabelCharColumns(await inner.connectToShadowDb()),
  };
}
