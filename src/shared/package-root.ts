// The folder holding Siyu's package.json, found by walking up from this module. Data folders
// (templates/, compliance/, prompts/, assets/, examples/) are resolved from here rather than by a
// fixed number of `../` from each module, so the same code works when it runs from the TypeScript
// sources and when it runs from the compiled copy under node_modules/.cache (bin/siyu.mjs).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        if ((JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'siyu') return dir;
      } catch {
        // an unreadable package.json is not ours; keep walking up
      }
    }
    if (path.dirname(dir) === dir) throw new Error(`Siyu's package.json not found above ${start}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the package: packagePath('templates', 'cards') → <root>/templates/cards. */
export const packagePath = (...parts: string[]): string => path.join(PACKAGE_ROOT, ...parts);
