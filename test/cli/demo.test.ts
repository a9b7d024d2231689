// End to end: `siyu demo` as a person runs it — a child process on the embedded database and the
// Redis service, publishing into an outbox folder, summary printed last.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('siyu demo', () => {
  it('runs the whole flow and publishes every approved item into the outbox exactly once', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'siyu-demo-'));
    const out = path.join(dir, 'outbox');
    const { stdout } = await run(process.execPath, ['bin/siyu.mjs', 'demo', '--data', path.join(dir, 'data'), '--out', out, '--days', '2'], {
      env: { ...process.env, SIYU_QUEUE_PREFIX: 'unused', DATABASE_URL: '' },
      maxBuffer: 10 * 1024 * 1024,
      timeout: 240_000,
    });
    const lines = stdout.trim().split('\n');
    // The summary comes last: the totals table, then the outbox path.
    expect(lines.at(-1)).toContain(`发件箱：${out}`);
    const totals = stdout.slice(stdout.lastIndexOf('草稿总数'));
    const numbers = totals.split('\n')[2]!.split('│').map((s) => s.trim()).filter(Boolean).map(Number);
    const [total, failed, approved, held, published] = numbers;
    expect(total).toBeGreaterThan(40);
    expect(total).toBe(failed! + approved! + held!);
    expect(published).toBe(approved);
    expect(stdout).toMatch(/留待人工审核 \d+ 篇/);
    for (const heading of ['按类型', '按内容类型', '按人设', '按客户分层', '合规问题（按规则）']) expect(stdout).toContain(heading);
    // One JSON file per published item, in a folder per local day, none twice.
    const files = (await readdir(out, { recursive: true })).map(String).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(published!);
    const entryIds = await Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(out, f), 'utf8')).entryId as string));
    expect(new Set(entryIds).size).toBe(files.length);
    expect(new Set(files.map((f) => path.dirname(f))).size).toBe(2);
  }, 240_000);

  it('without Redis, says so plainly and stops after scheduling', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'siyu-demo-'));
    const { stdout } = await run(process.execPath, ['bin/siyu.mjs', 'demo', '--data', path.join(dir, 'data'), '--out', path.join(dir, 'outbox'), '--days', '1'], {
      env: { ...process.env, REDIS_URL: 'redis://127.0.0.1:1', DATABASE_URL: '' },
      timeout: 120_000,
    });
    expect(stdout).toContain('没有可用的 Redis（127.0.0.1:1）：已排期但不发布');
    expect(stdout).toContain('未发布（无 Redis）');
    expect(await readdir(path.join(dir, 'outbox'))).toEqual([]);
  }, 120_000);

  it('refuses to fill a non-empty folder it did not create, and writes nothing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'siyu-demo-'));
    await writeFile(path.join(dir, 'keep.txt'), '用户的文件');
    const err = await run(process.execPath, ['bin/siyu.mjs', 'demo', '--data', dir, '--out', path.join(dir, 'o')], { env: { ...process.env, DATABASE_URL: '' } }).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stderr).toContain('不是空的');
    expect(await readdir(dir)).toEqual(['keep.txt']);
  }, 60_000);
});
