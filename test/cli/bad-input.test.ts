// Bad input at the command line: one clear Chinese message naming what and where, a non-zero exit,
// and nothing half-written.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';

const execFileP = promisify(execFile);
const BIN = path.resolve('bin/siyu.mjs');

async function siyu(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}) {
  const child = execFileP(process.execPath, [BIN, ...args], { cwd: opts.cwd, env: { ...process.env, DATABASE_URL: '', ...opts.env }, timeout: 60_000, maxBuffer: 512 * 1024 * 1024 });
  if (opts.input !== undefined) {
    child.child.stdin!.end(opts.input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('siyu on bad input', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'siyu-cli-'));
    await cp('examples/workspace', path.join(dir, 'workspace'), { recursive: true });
  });

  it('names a missing workspace and how to make one', async () => {
    const r = await siyu(['plan', '--workspace', path.join(dir, 'nope'), '--data', path.join(dir, 'd0')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/找不到工作区目录.*nope/);
    expect(r.stderr).toContain('siyu init');
  });

  it('names the file, line and field of a broken workspace file, and plans nothing', async () => {
    const ws = path.join(dir, 'broken');
    await cp('examples/workspace', ws, { recursive: true });
    const file = path.join(ws, 'policy.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('perPersonaDailyCap: 8', 'perPersonaDailyCap: 很多'));
    const data = path.join(dir, 'd1');
    const r = await siyu(['plan', '--workspace', ws, '--data', data, '--from', '2026-12-01', '--days', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/policy\.yaml 第 \d+ 行 policy\.moments\.perPersonaDailyCap/);
  });

  it('rejects impossible dates and day counts in Chinese, and writes no drafts', async () => {
    const data = path.join(dir, 'd2');
    const bad = await siyu(['plan', '--workspace', path.join(dir, 'workspace'), '--data', data, '--from', '2026-02-30']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('开始日期 “2026-02-30” 无效');
    const days = await siyu(['plan', '--workspace', path.join(dir, 'workspace'), '--data', data, '--days', '0']);
    expect(days.code).toBe(2);
    expect(days.stderr).toContain('应为 1 到 62 的整数');
    const db = await openDatabase({ dataDir: data });
    try {
      expect(await db.prisma.draft.count()).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('names an unreachable DATABASE_URL without its password', async () => {
    const r = await siyu(['drafts'], { env: { DATABASE_URL: 'postgres://app:s3cret@127.0.0.1:1/clinic' } });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('127.0.0.1:1');
    expect(r.stderr).not.toContain('s3cret');
  });

  it('says plainly when Redis is away at scheduling time and keeps the entries', async () => {
    const r = await siyu(['schedule', '--data', path.join(dir, 'd3')], { env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('无法连接 Redis 127.0.0.1:1');
    expect(r.stdout).toContain('siyu worker 启动时会自动加入队列');
  });

  it('translates usage errors and unknown commands', async () => {
    expect((await siyu(['publish-now'])).stderr).toContain('未知命令');
    const r = await siyu(['plan', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知选项 --bogus');
    // A bad option value: one Chinese message naming the option, no English line from commander.
    const days = await siyu(['plan', '--days', '99']);
    expect(days.code).toBe(2);
    expect(days.stderr).toBe('错误：选项 --days 的值无效：“99” 应为 1 到 62 的整数\n（用 siyu --help 查看用法）\n');
  });

  it('check --jsonl answers each line, marks bad lines and exits 1', async () => {
    const input = ['{"id":"a","text":"这个项目零风险"}', 'not json', '{"id":"b","text":"今天天气不错"}'].join('\n');
    const r = await siyu(['check', '--jsonl'], { input, cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: 'a', verdict: 'block' });
    expect(lines[0].findings[0]).toMatchObject({ match: '零风险', start: 4, end: 7 });
    expect(lines[1]).toMatchObject({ id: null, line: 2 });
    expect(lines[2]).toMatchObject({ id: 'b', verdict: 'pass', findings: [] });
  });

  it('review commands need a known user', async () => {
    const r = await siyu(['approve', 'abcd', '--data', path.join(dir, 'd4')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--as');
  });

  it('siyu check: empty, binary, missing and directory inputs each get a clear message and exit 1', async () => {
    await writeFile(path.join(dir, 'empty.txt'), '  \n');
    await writeFile(path.join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xc3, 0x28]));
    const cases: [string, RegExp][] = [
      ['empty.txt', /empty\.txt 是空的/],
      ['photo.jpg', /photo\.jpg 不是 UTF-8 文本/],
      ['missing.txt', /missing\.txt：文件不存在/],
      ['.', /这是一个目录/],
    ];
    for (const [file, message] of cases) {
      const r = await siyu(['check', file], { cwd: dir, env: { SIYU_WORKSPACE: path.join(dir, 'workspace') } });
      expect(r.code, file).toBe(1);
      expect(r.stderr).toMatch(message);
    }
  });

  it('siyu check: 1 MB of text is checked and every finding points at its line and column', async () => {
    const text = '姐妹们看过来，效果最好！\n'.repeat(80_000); // ≈ 1 MB of UTF-8
    await writeFile(path.join(dir, 'big.txt'), text);
    const r = await siyu(['check', 'big.txt'], { cwd: dir, env: { SIYU_WORKSPACE: path.join(dir, 'workspace') } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^合规检查：禁止发布/);
    expect(r.stdout).toContain('（第 80000 行第 10 字）');
  });
});
