// A throwaway, migrated embedded database per test file.
import { openMemoryDatabase, type Database } from '../../src/db/client.ts';

export type TempDatabase = Database;
export const tempDatabase = (): Promise<TempDatabase> => openMemoryDatabase();
