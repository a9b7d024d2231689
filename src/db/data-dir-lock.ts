// One process at a time per embedded data directory. PGlite itself does not stop a second process
// (or a second PGlite in the same process) from opening the same directory, and two writers corrupt
// it; its postmaster.pid holds a fake pid, so it cannot tell us who holds the directory either.
// We keep our own lock file with the holder's pid; a lock whose process is gone is stale and taken
// over (after a crash or kill -9).
import { hostname } from 'node:os';
import { readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SiyuError } from '../shared/errors.ts';

export const LOCK_FILE = 'siyu.lock';

interface LockInfo {
  pid: number;
  host: string;
  since: string;
}

export interface DataDirLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number' ? { pid: info.pid, host: String(info.host ?? ''), since: String(info.since ?? '') } : null;
  } catch {
    return null;
  }
}

function isFresh(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < 5_000;
  } catch {
    return false;
  }
}

/** Takes the lock on `dir` or throws a SiyuError naming the process that holds it. */
export function lockDataDir(dir: string): DataDirLock {
  const file = path.join(dir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          // Only remove the file if it is still ours.
          if (readLock(file)?.pid === process.pid) unlinkSync(file);
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new SiyuError(`无法在数据目录 ${dir} 创建锁文件：${(e as Error).message}`);
      }
    }
    const holder = readLock(file);
    if (holder === null && isFresh(file)) {
      // Created a moment ago and not written yet: another process is taking the lock right now.
      throw new SiyuError(`内嵌数据库 ${dir} 正在被另一个进程打开`, ['请等另一个 siyu 命令结束后再试']);
    }
    // A lock from another machine (shared folder) cannot be checked: treat it as held.
    const held = holder !== null && (holder.host !== mine.host || isAlive(holder.pid));
    if (held) {
      const who = holder.pid === process.pid ? '本进程已经打开了它' : `进程 ${holder.pid}（${holder.host}）自 ${holder.since} 起正在使用它`;
      throw new SiyuError(`内嵌数据库 ${dir} 正在被使用：${who}`, [
        '内嵌数据库同一时间只能由一个进程打开：请等另一个 siyu 命令结束，或关闭正在运行的 worker',
        `如果确认没有其他进程在用，可以删除 ${file}`,
        '需要多个进程同时访问时，请改用 PostgreSQL（设置 DATABASE_URL）',
      ]);
    }
    // Stale (holder gone, or unreadable file from an interrupted write): remove and retry once.
    try {
      unlinkSync(file);
    } catch {
      /* someone else removed it first; retry */
    }
  }
  throw new SiyuError(`内嵌数据库 ${dir} 的锁文件 ${LOCK_FILE} 无法获取`, ['另一个进程可能正在同时打开它，请稍后重试']);
}
