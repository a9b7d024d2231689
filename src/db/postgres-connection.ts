// Connecting to a real PostgreSQL server from a DATABASE_URL: checks the URL, then makes one real
// connection before anything else happens, so a wrong host, port or database fails fast with a
// message that names the server (never the password) and nothing gets created.
import pg from 'pg';
import { SiyuError } from '../shared/errors.ts';
import { logger } from '../shared/logger.ts';

export const CONNECT_TIMEOUT_MS = 5_000;

export interface PostgresTarget {
  url: string;
  host: string;
  port: number;
  database: string;
  /** "PostgreSQL host:port/db", safe to show. */
  describe: string;
}

/** The URL with any password replaced, for messages about URLs that do not even parse. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^/@:]*:)[^@/]*@/, '$1***@');
}

const HELP = '请检查 DATABASE_URL，格式如 postgres://用户名:密码@主机:5432/数据库名';

export function parsePostgresUrl(url: string): PostgresTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SiyuError(`数据库连接地址格式不对：${redactUrl(url)}`, [HELP]);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new SiyuError(`数据库连接地址必须以 postgres:// 或 postgresql:// 开头，现在是 ${parsed.protocol}//${parsed.host}${parsed.pathname}`, [
      HELP,
      '不设置 DATABASE_URL 时使用内嵌数据库',
    ]);
  }
  // Same defaults as the pg driver: localhost, 5432, database named after the user.
  const host = decodeURIComponent(parsed.hostname) || 'localhost';
  const port = parsed.port ? Number(parsed.port) : 5432;
  const user = decodeURIComponent(parsed.username) || 'postgres';
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || user;
  return { url, host, port, database, describe: `PostgreSQL ${host}:${port}/${database}` };
}

function reasonFor(e: unknown, target: PostgresTarget, password: string): string {
  const err = e as NodeJS.ErrnoException & { code?: string };
  switch (err.code) {
    case 'ECONNREFUSED':
      return '连接被拒绝，该地址上没有 PostgreSQL 在监听（服务没有启动，或主机、端口写错了）';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `找不到主机 ${target.host}`;
    case 'ETIMEDOUT':
      return `${CONNECT_TIMEOUT_MS / 1000} 秒内没有连上`;
    case '3D000':
      return `数据库 “${target.database}” 不存在，请先创建它`;
    case '28P01':
      return '用户名或密码不对';
    case '28000':
      return '服务器拒绝了这个用户的连接（用户不存在或 pg_hba.conf 不允许）';
  }
  const message = password ? (err.message ?? String(e)).split(password).join('***') : (err.message ?? String(e));
  if (/timeout/i.test(message)) return `${CONNECT_TIMEOUT_MS / 1000} 秒内没有连上`;
  if (/terminated/i.test(message)) return '连接被中断（地址可能不是 PostgreSQL 服务，或网络不通）';
  return message;
}

/** Opens a pool and proves it works with one query; throws a Chinese SiyuError if it does not. */
export async function connectPostgres(target: PostgresTarget): Promise<pg.Pool> {
  const password = decodeURIComponent(new URL(target.url).password);
  const pool = new pg.Pool({ connectionString: target.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle connection dropped by the server emits 'error' on the pool; unhandled, it would crash
  // the process. The next query reconnects.
  pool.on('error', (e) => logger.warn({ err: reasonFor(e, target, password) }, `${target.describe} 的空闲连接断开`));
  try {
    await pool.query('SELECT 1');
    return pool;
  } catch (e) {
    await pool.end().catch(() => {});
    throw new SiyuError(`无法连接 ${target.describe}：${reasonFor(e, target, password)}`, [
      '请检查 DATABASE_URL（主机、端口、数据库名、用户名、密码）以及数据库服务是否在运行',
    ]);
  }
}
