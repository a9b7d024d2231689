// What the rest of Siyu gets when it opens the database, whichever kind it is.
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../generated/prisma/client.ts';

export interface Database {
  prisma: PrismaClient;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, safe to show (never a password), e.g. "内嵌数据库 /home/a/.siyu/data". */
  describe: string;
  /** Disconnects and releases the database; calling it again does nothing. */
  close(): Promise<void>;
}

/** A Database over a migrated adapter; `release` frees what the adapter sits on. */
export function makeDatabase(
  kind: Database['kind'],
  describe: string,
  adapter: SqlDriverAdapterFactory,
  release: () => Promise<void>,
): Database {
  const prisma = new PrismaClient({ adapter });
  let closing: Promise<void> | undefined;
  return {
    prisma,
    kind,
    describe,
    close() {
      closing ??= (async () => {
        try {
          await prisma.$disconnect();
        } finally {
          await release();
        }
      })();
      return closing;
    },
  };
}
