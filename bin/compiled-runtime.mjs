// A compiled copy of src/ for the CLI, so a command does not pay for TypeScript loading at every
// start (the tsx loader runs on a separate thread and round-trips for every module: ~0.3 s of a
// card's cold start). esbuild turns each source file into one .js file with the same relative
// path, imports rewritten from .ts to .js and packages left as imports, under
//   node_modules/.cache/siyu-runtime/<key>/
// where <key> hashes every source file's path, size and mtime, esbuild's and Node's version. A
// source edit gives a new key, so the copy can never be stale: it is rebuilt (~0.3 s) on the next
// start. Folders are written under a temporary name and renamed into place, so processes starting
// together never see half a copy; copies unused for a day are removed.
// Falls back to the sources through tsx (returns undefined) when SIYU_RUNTIME=tsx, when esbuild
// is missing, or when the copy cannot be built or written (a read-only install).
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FORMAT = 'siyu-runtime/1';
const DONE = '.complete';
const KEEP_UNUSED_MS = 24 * 3600 * 1000;
const TOUCH_EVERY_MS = 3600 * 1000;

/** TypeScript sources that become modules: .ts files, minus declaration files. */
function sourceFiles(src) {
  return readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

function keyOf(src, files, esbuildVersion) {
  const hash = createHash('sha256').update(`${FORMAT}\0${process.version}\0${esbuildVersion}`);
  for (const f of files) {
    const s = statSync(f);
    hash.update(`\0${path.relative(src, f)}\0${s.size}\0${s.mtimeMs}`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** Every import of a source file stays an import: ./x.ts becomes ./x.js, packages untouched. */
const keepImports = {
  name: 'keep-imports',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      return { path: args.path.replace(/\.ts$/, '.js'), external: true };
    });
  },
};

async function build(esbuild, root, files, dir) {
  const tmp = `${dir}.${process.pid}-${randomUUID().slice(0, 8)}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: files,
    outdir: tmp,
    outbase: path.join(root, 'src'),
    bundle: true,
    plugins: [keepImports],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'silent',
  });
  writeFileSync(path.join(tmp, DONE), '');
  try {
    renameSync(tmp, dir);
  } catch (e) {
    // Another process finished the same copy first: use theirs.
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(path.join(dir, DONE))) throw e;
  }
}

function removeUnused(cache, keep) {
  const now = Date.now();
  for (const name of readdirSync(cache)) {
    if (name === keep) continue;
    const p = path.join(cache, name);
    try {
      if (now - statSync(p).mtimeMs > KEEP_UNUSED_MS) rmSync(p, { recursive: true, force: true });
    } catch {
      // removed by another process meanwhile
    }
  }
}

/**
 * The file URL of the compiled counterpart of a source module (path relative to src/, e.g.
 * 'cli/main.ts'), building the copy if needed; undefined when the sources should be run through tsx.
 * `root` is the package folder (tests use a scratch one).
 */
export async function compiledModule(relativeSource, root = PACKAGE_ROOT) {
  if (process.env.SIYU_RUNTIME === 'tsx') return undefined;
  try {
    // esbuild's version from its package.json: loading esbuild itself is only worth it to build.
    const esbuildVersion = JSON.parse(readFileSync(require.resolve('esbuild/package.json'), 'utf8')).version;
    const src = path.join(root, 'src');
    const cache = path.join(root, 'node_modules', '.cache', 'siyu-runtime');
    const files = sourceFiles(src);
    const key = keyOf(src, files, esbuildVersion);
    const dir = path.join(cache, key);
    if (!existsSync(path.join(dir, DONE))) {
      mkdirSync(cache, { recursive: true });
      await build(await import('esbuild'), root, files, dir);
      removeUnused(cache, key);
    }
    // In use: copies untouched for a day are removed by the next build, and a long-running
    // process (siyu worker) still imports modules lazily from its copy, so it keeps touching it.
    const touch = () => {
      try {
        const now = new Date();
        utimesSync(dir, now, now);
      } catch {
        // removed meanwhile: nothing to keep
      }
    };
    touch();
    setInterval(touch, TOUCH_EVERY_MS).unref();
    return pathToFileURL(path.join(dir, relativeSource.replace(/\.ts$/, '.js'))).href;
  } catch (e) {
    if (process.env.SIYU_DEBUG) process.stderr.write(`compiled runtime unavailable, using tsx: ${e.stack ?? e}\n`);
    return undefined;
  }
}
