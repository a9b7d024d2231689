// Loads the rule pack from compliance/ (with the workspace's own terms): from the compiled-pack
// cache when its files, the extras and the code are unchanged, otherwise by compiling the YAML
// (load-sources.ts), which also reports every problem of a broken pack. Only a pack that compiled
// without problems is cached, so a broken pack is reported on every load.
import path from 'node:path';
import type { ComplianceExtras } from '../workspace/schema.ts';
import { createChecker } from './checker.ts';
import { readCachedPack, writeCachedPack } from './pack-cache.ts';
import { complete, readPackFiles } from './pack-files.ts';
import { packKey } from './pack-key.ts';
import type { Checker } from './types.ts';
import { packagePath } from '../shared/package-root.ts';

/** <project>/compliance, found relative to this file so it works from any working directory. */
export const DEFAULT_PACK_DIR = packagePath('compliance');

/** Loads, validates and compiles the rule pack, with the workspace's own terms and allow-listed
 *  phrases when given; throws one SiyuError listing every problem. */
export async function loadChecker(dir: string = DEFAULT_PACK_DIR, extras?: ComplianceExtras): Promise<Checker> {
  const files = readPackFiles(path.resolve(dir));
  const key = complete(files) ? packKey(files, extras) : undefined;
  const cached = key ? await readCachedPack(key) : undefined;
  if (cached) return createChecker(cached);
  // Imported here, not at the top: YAML, zod, OpenCC and pinyin-pro load only when compiling.
  const { compileSources } = await import('./load-sources.ts');
  const pack = compileSources(files, extras);
  if (key) await writeCachedPack(key, pack);
  return createChecker(pack);
}
