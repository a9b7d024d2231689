// The embedded database keeps its data in a folder across opens, and only one opener at a time.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { LOCK_FILE } from '../../src/db/data-dir-lock.ts';
import { SiyuError } from '../../src/shared/errors.ts';

describe('the embedded PGlite data folder', () => {
  let root: string;
  let dataDir: string;
  const savedUrl = process.env.DATABASE_URL;
  beforeAll(() => {
    // A DATABASE_URL in the developer's environment would send these tests to a server.
    delete process.env.DATABASE_URL;
    root = mkdtempSync(path.join(tmpdir(), 'siyu-data-'));
    dataDir = path.join(root, 'nested', 'data');
  });
  afterAll(() => {
    if (savedUrl !== undefined) process.env.DATABASE_URL = savedUrl;
    rmSync(root, { recursive: true, force: true });
  });

  it('is created, migrated and keeps data after closing and reopening', async () => {
    const first = await openDatabase({ dataDir });
    expect(first.kind).toBe('pglite');
    expect(first.describe).toBe(`内嵌数据库 ${dataDir}`);
    await first.prisma.user.create({ data: { handle: 'zhao.admin', displayName: '赵管理员', role: 'admin' } });
    await first.close();
    await first.close(); // closing twice is harmless
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);

    const second = await openDatabase({ dataDir });
    try {
      expect(await second.prisma.user.findUnique({ where: { handle: 'zhao.admin' } })).toMatchObject({ displayName: '赵管理员' });
    } finally {
      await second.close();
    }
  });

  it('refuses a second opener while the first has it open', async () => {
    const first = await openDatabase({ dataDir });
    try {
      const error = await openDatabase({ dataDir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SiyuError);
      expect((error as SiyuError).message).toBe(`内嵌数据库 ${dataDir} 正在被使用：本进程已经打开了它`);
      expect(await first.prisma.user.count()).toBe(1); // the first opener is unaffected
    } finally {
      await first.close();
    }
  });

  it('names another live process that holds the folder', async () => {
    // The vitest parent process is alive and is not us.
    const other = process.ppid;
    writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify({ pid: other, host: hostname(), since: '2026-11-23T08:00:00.000Z' }));
    try {
      const error = await openDatabase({ dataDir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SiyuError);
      expect((error as SiyuError).message).toContain(`进程 ${other}`);
      expect((error as SiyuError).details.join('\n')).toContain('DATABASE_URL');
    } finally {
      rmSync(path.join(dataDir, LOCK_FILE));
    }
  });

  it('takes over the lock of a process that is gone', async () => {
    // A pid that surely exited: a finished child process.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify({ pid: dead, host: hostname(), since: '2026-11-23T08:00:00.000Z' }));
    const db = await openDatabase({ dataDir });
    try {
      expect(JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
      expect(await db.prisma.user.count()).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('says so in Chinese when the folder cannot be created', async () => {
    const blocker = path.join(root, 'a-file');
    writeFileSync(blocker, '');
    const error = await openDatabase({ dataDir: path.join(blocker, 'data') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SiyuError);
    expect((error as SiyuError).message).toContain(`无法创建数据目录 ${path.join(blocker, 'data')}`);
  });

  it('uses SIYU_DATA_DIR when no folder is passed', async () => {
    const saved = process.env.SIYU_DATA_DIR;
    process.env.SIYU_DATA_DIR = path.join(root, 'from-env');
    mkdirSync(process.env.SIYU_DATA_DIR);
    try {
      const db = await openDatabase();
      await db.close();
      expect(db.describe).toBe(`内嵌数据库 ${path.join(root, 'from-env')}`);
    } finally {
      if (saved === undefined) delete process.env.SIYU_DATA_DIR;
      else process.env.SIYU_DATA_DIR = saved;
    }
  });
});
