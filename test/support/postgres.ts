// A fresh, empty database on the PostgreSQL service for one test file, dropped afterwards.
// The service is part of every developer and CI machine: if it is unreachable the test fails
// (loudly, with the way to start it) instead of being skipped and hiding a broken code path.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_PG_ADMIN_URL = process.env.SIYU_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PREFIX = 'siyu_test_';
/** Databases left behind by a crashed run are dropped once they are this old. */
const STALE_MS = 60 * 60 * 1000;

export interface TestPostgres {
  /** Connection URL of the new database. */
  url: string;
  name: string;
  /** Drops the database (even with connections still open). */
  drop(): Promise<void>;
}

function redact(url: string): string {
  return url.replace(/(\/\/[^/@:]*:)[^@/]*@/, '$1***@');
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(
      `This test needs the PostgreSQL service at ${redact(TEST_PG_ADMIN_URL)} (override with SIYU_TEST_PG_URL), ` +
        `but connecting failed: ${(e as Error).message}. ` +
        'Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function dropStale(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%'`);
  for (const { datname } of rows) {
    const createdAt = Number(datname.slice(PREFIX.length).split('_')[0]);
    if (Number.isFinite(createdAt) && Date.now() - createdAt > STALE_MS) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  }
}

export async function createTestPostgres(): Promise<TestPostgres> {
  const name = `${PREFIX}${Date.now()}_${randomBytes(4).toString('hex')}`;
  await admin(async (client) => {
    await dropStale(client);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => admin(async (client) => void (await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
  };
}
