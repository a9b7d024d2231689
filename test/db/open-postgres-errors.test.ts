// A wrong DATABASE_URL fails fast, in Chinese, naming the server but never the password, and
// creates nothing (in particular no embedded data folder as a fallback).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { SiyuError } from '../../src/shared/errors.ts';
import { TEST_PG_ADMIN_URL } from '../support/postgres.ts';

const PASSWORD = 'S3cret-Pw';

async function openError(databaseUrl: string, dataDir: string): Promise<SiyuError> {
  const started = Date.now();
  const error = await openDatabase({ databaseUrl, dataDir }).then(
    async (db) => {
      await db.close();
      return new Error('opened');
    },
    (e: unknown) => e,
  );
  expect(Date.now() - started).toBeLessThan(8_000);
  expect(error).toBeInstanceOf(SiyuError);
  const text = (error as SiyuError).toString();
  expect(text).not.toContain(PASSWORD);
  expect(existsSync(dataDir)).toBe(false);
  return error as SiyuError;
}

describe('opening PostgreSQL with a bad DATABASE_URL', () => {
  let root: string;
  let dataDir: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'siyu-bad-url-'));
    dataDir = path.join(root, 'data');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('names host and port when nothing listens there', async () => {
    const e = await openError(`postgres://siyu:${PASSWORD}@127.0.0.1:1/siyu`, dataDir);
    expect(e.message).toBe('无法连接 PostgreSQL 127.0.0.1:1/siyu：连接被拒绝，该地址上没有 PostgreSQL 在监听（服务没有启动，或主机、端口写错了）');
  });

  it('names the host that does not resolve', async () => {
    const e = await openError(`postgresql://siyu:${PASSWORD}@no-such-host.invalid:5432/siyu`, dataDir);
    expect(e.message).toMatch(/^无法连接 PostgreSQL no-such-host\.invalid:5432\/siyu：找不到主机 no-such-host\.invalid$/);
  });

  it('names the database that does not exist on a running server', async () => {
    const url = new URL(TEST_PG_ADMIN_URL);
    url.password = PASSWORD;
    url.pathname = '/siyu_no_such_db';
    const e = await openError(url.toString(), dataDir);
    expect(e.message).toBe(`无法连接 PostgreSQL ${url.hostname}:${url.port || 5432}/siyu_no_such_db：数据库 “siyu_no_such_db” 不存在，请先创建它`);
  });

  it('rejects a URL that does not parse, without echoing the password', async () => {
    const e = await openError(`postgres://siyu:${PASSWORD}@127.0.0.1:99999/siyu`, dataDir);
    expect(e.message).toBe('数据库连接地址格式不对：postgres://siyu:***@127.0.0.1:99999/siyu');
  });

  it('rejects a non-PostgreSQL scheme', async () => {
    const e = await openError(`mysql://siyu:${PASSWORD}@db.example.com:3306/siyu`, dataDir);
    expect(e.message).toBe('数据库连接地址必须以 postgres:// 或 postgresql:// 开头，现在是 mysql://db.example.com:3306/siyu');
  });
});

describe('DATABASE_URL from the environment', () => {
  const saved = process.env.DATABASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  });

  it('is used when no URL is passed', async () => {
    process.env.DATABASE_URL = `postgres://siyu:${PASSWORD}@127.0.0.1:1/from_env`;
    const dataDir = path.join(tmpdir(), `siyu-env-url-${process.pid}-${Date.now()}`);
    const e = await openError(process.env.DATABASE_URL, dataDir);
    expect(e.message).toContain('127.0.0.1:1/from_env');
    await expect(openDatabase({ dataDir })).rejects.toThrow('127.0.0.1:1/from_env');
    expect(existsSync(dataDir)).toBe(false);
  });
});
