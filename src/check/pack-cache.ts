// The compiled-pack cache on disk: one file per key (pack-key.ts) in the user's cache directory,
// so a new process starts checking without compiling the YAML again. Everything here is
// best-effort: a missing, unreadable, damaged or foreign file is a miss, a failed write is
// ignored, and the pack is compiled from the YAML as if there were no cache.
//
// Where: userCacheDir('compiled-packs') (src/shared/cache-dir.ts).
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CompiledPack } from './compile.ts';
import { decodePack, encodePack } from './pack-codec.ts';
import { writeAtomically } from '../shared/atomic-write.ts';
import { userCacheDir } from '../shared/cache-dir.ts';

/** Entries kept; older ones (other pack versions, other workspaces) are removed on write. */
const KEEP = 16;
const PREFIX = 'pack-';
const SUFFIX = '.bin';

/** The cache directory, or undefined when the cache is off. */
export const cacheDir = (): string | undefined => userCacheDir('compiled-packs');

const entryPath = (dir: string, key: string) => path.join(dir, `${PREFIX}${key}${SUFFIX}`);

/** The cached pack for `key`, or undefined (no cache, no entry, or a damaged one). */
export async function readCachedPack(key: string): Promise<CompiledPack | undefined> {
  const dir = cacheDir();
  if (!dir) return undefined;
  let bytes: Buffer;
  try {
    bytes = await readFile(entryPath(dir, key));
  } catch {
    return undefined;
  }
  try {
    return decodePack(bytes, key);
  } catch {
    // Damaged (torn copy, disk error, edited by hand): drop it so the next write replaces it.
    await rm(entryPath(dir, key), { force: true }).catch(() => {});
    return undefined;
  }
}

/** Stores the pack under `key`. Written to a temporary file and renamed, so a reader — another
 *  process loading the same pack — sees the old file or the whole new one, never half of it. */
export async function writeCachedPack(key: string, pack: CompiledPack): Promise<void> {
  const dir = cacheDir();
  if (!dir) return;
  try {
    // Its temporary file is `.pack-….tmp`, which prune() clears if a crashed writer left one.
    await writeAtomically(entryPath(dir, key), encodePack(pack, key));
    await prune(dir);
  } catch {
    // A cache that cannot be written only costs the next start its speed.
  }
}

/** Keeps the KEEP newest entries; also clears temporary files a crashed writer left behind. */
async function prune(dir: string): Promise<void> {
  const names = await readdir(dir);
  const entries: { file: string; mtime: number }[] = [];
  for (const n of names) {
    const file = path.join(dir, n);
    const s = await stat(file).catch(() => undefined);
    if (!s) continue;
    if (n.startsWith(PREFIX) && n.endsWith(SUFFIX)) entries.push({ file, mtime: s.mtimeMs });
    else if (n.startsWith(`.${PREFIX}`) && n.endsWith('.tmp') && Date.now() - s.mtimeMs > 60 * 60 * 1000) await rm(file, { force: true });
  }
  entries.sort((a, b) => b.mtime - a.mtime);
  for (const { file } of entries.slice(KEEP)) await rm(file, { force: true }).catch(() => {});
}
