// Child process for process-exit.test.ts: opens, migrates, uses and closes a database, then
// reports when it finished; the parent measures how long the process lingers afterwards.
import { openDatabase } from '../../src/db/client.ts';

const db = await openDatabase({ dataDir: process.argv[2] });
await db.prisma.user.count();
await db.close();
process.stdout.write(`done ${Date.now()}\n`);
