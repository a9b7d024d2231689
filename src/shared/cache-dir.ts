// Siyu's caches on disk (compiled rule packs, common-character font cuts): everything in them can
// be rebuilt, so a missing or unwritable folder only costs time.
// Where: $SIYU_CACHE_DIR/<name>, else the OS cache directory (XDG_CACHE_HOME or ~/.cache on Linux,
// ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows) under siyu/<name>.
// SIYU_CACHE_DIR=off turns every cache off.
import os from 'node:os';
import path from 'node:path';

function osCacheRoot(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return process.env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches');
  return process.env.XDG_CACHE_HOME || path.join(home, '.cache');
}

/** The folder of one cache, or undefined when caching is off. */
export function userCacheDir(name: string): string | undefined {
  const configured = process.env.SIYU_CACHE_DIR;
  if (configured === 'off') return undefined;
  if (configured) return path.resolve(configured, name);
  return path.join(osCacheRoot(), 'siyu', name);
}
