// The schema engine arms 10 s timers it never clears; unpatched, every CLI command that opened the
// database would hang for 10 s before exiting.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const root = mkdtempSync(path.join(tmpdir(), 'siyu-exit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('lets the process exit right after the database is closed', async () => {
  const tsx = createRequire(import.meta.url).resolve('tsx');
  const child = spawn(process.execPath, ['--import', tsx, fileURLToPath(new URL('./exit-child.ts', import.meta.url)), path.join(root, 'data')], {
    env: { ...process.env, DATABASE_URL: '' },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => (err += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const exitedAt = Date.now();
  expect(err).toBe('');
  expect(code).toBe(0);
  const doneAt = Number(/done (\d+)/.exec(out)?.[1]);
  expect(exitedAt - doneAt).toBeLessThan(3_000);
});
