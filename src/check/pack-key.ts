// The compiled-pack cache key: a hash of everything a compiled pack depends on, so a cached pack is
// never served after any of it changed —
//   • the pack files' names and text (not mtimes: an edit within the same second still counts);
//   • the workspace's extra terms and allow-list;
//   • the code that compiles and runs a pack: every source file of src/check and its context rules,
//     the YAML reader and the types the schema uses, and the libraries whose data ends up in the
//     pack (OpenCC's table, pinyin readings, the regex parser that finds anchors, the YAML parser, zod);
//   • the Node version (the noise classes come from its Unicode tables).
// When the code cannot be found as files (a bundle), there is no key and no cache.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ComplianceExtras } from '../workspace/schema.ts';
import type { PackFiles } from './pack-files.ts';

/** Bump when the cache file layout changes in a way the code hash would not show. */
const FORMAT = 'siyu-compiled-pack/1';

const SELF = fileURLToPath(import.meta.url);
const HERE = path.dirname(SELF);
/** .ts when running from the sources, .js from the compiled copy (bin/siyu.mjs). */
const EXT = path.extname(SELF);
const CODE_DIRS = [HERE, path.join(HERE, 'context')];
/** Outside src/check, what validating and compiling a pack reads: the YAML reader, the severities
 *  the schema accepts, the shape of the workspace extras. */
const CODE_FILES = ['../shared/yaml-file', '../domain/types', '../workspace/schema'].map((f) => path.join(HERE, f + EXT));
const LIBRARIES = ['opencc-js', 'pinyin-pro', '@eslint-community/regexpp', 'yaml', 'zod'];

// Synchronous reads on purpose: some fifty small files, read once per process; through the thread
// pool each read waits its turn, which on a busy machine costs more than the reads themselves.

/** node_modules/<name>/package.json as Node would find it from here, walking up. */
function packageJson(name: string): string | undefined {
  for (let dir = HERE; ; dir = path.dirname(dir)) {
    try {
      return readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8');
    } catch {
      if (path.dirname(dir) === dir) return undefined;
    }
  }
}

function computeCodeHash(): string | undefined {
  const hash = createHash('sha256').update(FORMAT).update('\0').update(process.version);
  const files: string[] = [...CODE_FILES];
  for (const dir of CODE_DIRS) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      // a missing folder: no files from it
    }
    for (const n of names.sort()) if (/\.(ts|js|mjs)$/.test(n)) files.push(path.join(dir, n));
  }
  const texts = files.map((f) => {
    try {
      return readFileSync(f, 'utf8');
    } catch {
      return undefined;
    }
  });
  if (texts.length <= CODE_FILES.length || texts.some((t) => t === undefined)) return undefined;
  files.forEach((f, i) => hash.update(`\0${path.relative(HERE, f)}\0${texts[i]!.length}\0`).update(texts[i]!));
  for (const lib of LIBRARIES) {
    const pkg = packageJson(lib);
    if (pkg === undefined) return undefined;
    hash.update('\0').update(lib).update('\0').update(pkg);
  }
  return hash.digest('hex');
}

// The code does not change while the process runs: hashed once.
let codeHash: { value: string | undefined } | undefined;

/** The key for this pack text, extras and code; undefined when the code could not be hashed. */
export function packKey(files: PackFiles, extras: ComplianceExtras | undefined): string | undefined {
  const code = (codeHash ??= { value: computeCodeHash() }).value;
  if (code === undefined) return undefined;
  const hash = createHash('sha256').update(code);
  for (const [file, text] of [...files.texts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Lengths make the boundaries unambiguous whatever the text contains.
    hash.update(`\0${file}\0${text.length}\0`).update(text);
  }
  hash.update('\0extras\0').update(JSON.stringify(extras ?? null));
  return hash.digest('hex');
}
