import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { postgresAdapterFactory } from '../../src/db/postgres-adapter.ts';
import { createTestPostgres, type TestPostgres } from '../support/postgres.ts';
import { migrationContract, type EmptyDatabase } from './migration-contract.ts';

describe('migrations on the PostgreSQL service', () => {
  let server: TestPostgres;
  let pool: pg.Pool;
  let db: EmptyDatabase;
  beforeAll(async () => {
    server = await createTestPostgres();
    pool = new pg.Pool({ connectionString: server.url });
    db = { factory: postgresAdapterFactory(pool), query: async (sql) => (await pool.query(sql)).rows };
  });
  afterAll(async () => {
    await pool?.end();
    await server?.drop();
  });

  migrationContract(() => db);
});
