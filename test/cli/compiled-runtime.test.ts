// bin/compiled-runtime.mjs: the CLI's compiled copy of src/ must never be stale, must survive
// processes building it at once, and must give way to tsx when it cannot be built.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compiledModule } from '../../bin/compiled-runtime.mjs';

const execFileP = promisify(execFile);

async function scratchPackage(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'siyu-runtime-'));
  await mkdir(path.join(root, 'src', 'lib'), { recursive: true });
  await writeFile(path.join(root, 'tsconfig.json'), '{}');
  await writeFile(path.join(root, 'src', 'a.ts'), "import { b } from './lib/b.ts';\nexport const value: number = b * 2;\nexport const here = import.meta.url;\n");
  await writeFile(path.join(root, 'src', 'lib', 'b.ts'), 'export const b: number = 21;\n');
  return root;
}

const cacheOf = (root: string) => path.join(root, 'node_modules', '.cache', 'siyu-runtime');

describe('compiled runtime', () => {
  let root: string;
  beforeEach(async () => {
    root = await scratchPackage();
  });
  afterEach(async () => {
    delete process.env.SIYU_RUNTIME;
    await rm(root, { recursive: true, force: true });
  });

  it('compiles every source file to .js at the same relative path, imports rewritten', async () => {
    const url = await compiledModule('a.ts', root);
    expect(url).toMatch(/\/node_modules\/\.cache\/siyu-runtime\/[0-9a-f]{16}\/a\.js$/);
    const mod = (await import(url!)) as { value: number; here: string };
    expect(mod.value).toBe(42);
    expect(mod.here).toBe(url); // import.meta.url is the file's own, so paths relative to it hold
    const dir = path.dirname(fileURLToPath(url!));
    expect(await readFile(path.join(dir, 'a.js'), 'utf8')).toContain('./lib/b.js');
    expect(await readFile(path.join(dir, 'lib', 'b.js'), 'utf8')).not.toContain(': number');
  });

  it('is rebuilt after a source edit, never served stale', async () => {
    const first = await compiledModule('a.ts', root);
    const b = path.join(root, 'src', 'lib', 'b.ts');
    await writeFile(b, 'export const b: number = 50;\n');
    const later = new Date(Date.now() + 5000);
    await utimes(b, later, later);
    const second = await compiledModule('a.ts', root);
    expect(second).not.toBe(first);
    expect(((await import(second!)) as { value: number }).value).toBe(100);
    expect(await compiledModule('a.ts', root)).toBe(second); // unchanged sources: the same copy
  });

  it('removes copies unused for a day when it builds a new one, and keeps the others', async () => {
    const old = path.dirname(fileURLToPath((await compiledModule('a.ts', root))!));
    await writeFile(path.join(root, 'src', 'lib', 'b.ts'), 'export const b: number = 1;\n');
    await utimes(path.join(root, 'src', 'lib', 'b.ts'), new Date(Date.now() + 5000), new Date(Date.now() + 5000));
    const recent = path.dirname(fileURLToPath((await compiledModule('a.ts', root))!));
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    await utimes(old, twoDaysAgo, twoDaysAgo);
    await writeFile(path.join(root, 'src', 'lib', 'b.ts'), 'export const b: number = 2;\n');
    await utimes(path.join(root, 'src', 'lib', 'b.ts'), new Date(Date.now() + 10000), new Date(Date.now() + 10000));
    const newest = path.dirname(fileURLToPath((await compiledModule('a.ts', root))!));
    expect((await readdir(cacheOf(root))).sort()).toEqual([path.basename(recent), path.basename(newest)].sort());
    expect(old).not.toBe(recent);
  });

  it('survives several processes building the same copy at once', async () => {
    const urls = await Promise.all(Array.from({ length: 5 }, () => compiledModule('a.ts', root)));
    expect(new Set(urls).size).toBe(1);
    const entries = await readdir(cacheOf(root));
    expect(entries).toHaveLength(1); // no temporary folder left behind
    expect(((await import(urls[0]!)) as { value: number }).value).toBe(42);
  });

  it('gives way to tsx on request or when the sources do not compile', async () => {
    process.env.SIYU_RUNTIME = 'tsx';
    expect(await compiledModule('a.ts', root)).toBeUndefined();
    delete process.env.SIYU_RUNTIME;
    await writeFile(path.join(root, 'src', 'lib', 'b.ts'), 'export const b: number = ;\n');
    expect(await compiledModule('a.ts', root)).toBeUndefined();
  });
});

describe('siyu through the compiled copy', () => {
  it('prints the same help as the TypeScript sources through tsx', async () => {
    const bin = path.resolve('bin/siyu.mjs');
    const compiled = await execFileP(process.execPath, [bin, '--help'], { env: { ...process.env, SIYU_RUNTIME: '' } });
    const sources = await execFileP(process.execPath, [bin, '--help'], { env: { ...process.env, SIYU_RUNTIME: 'tsx' } });
    expect(compiled.stdout).toContain('私域内容运营工具');
    expect(compiled.stdout).toBe(sources.stdout);
  });
});
