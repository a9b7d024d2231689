// `initWorkspace` copies the example into a new or empty folder, refuses a folder with files in
// it, and leaves nothing behind when it fails.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiyuError } from '../../src/shared/errors.ts';
import { EXAMPLE_WORKSPACE_DIR, initWorkspace } from '../../src/workspace/init.ts';
import { loadWorkspace } from '../../src/workspace/load.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'siyu-init-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const EXPECTED = ['brand.yaml', 'campaigns.yaml', 'personas.yaml', 'policy.yaml', 'segments.yaml', 'services.yaml'];

describe('initWorkspace', () => {
  it('copies the example into a new folder, returns the files, and the copy loads', async () => {
    const target = path.join(root, 'clinic', 'workspace');
    const files = await initWorkspace(target);
    expect(files.map((f) => path.relative(target, f))).toEqual(expect.arrayContaining(EXPECTED));
    for (const f of files) expect(path.isAbsolute(f)).toBe(true);
    expect(await readFile(path.join(target, 'brand.yaml'), 'utf8')).toBe(await readFile(path.join(EXAMPLE_WORKSPACE_DIR, 'brand.yaml'), 'utf8'));
    const ws = await loadWorkspace(target);
    expect(ws.personas).toHaveLength(3);
    // No temp folder is left next to it.
    expect(await readdir(path.join(root, 'clinic'))).toEqual(['workspace']);
  });

  it('does not depend on the current directory', async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const files = await initWorkspace('relative-ws');
      expect(files[0]!.startsWith(path.join(root, 'relative-ws'))).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('accepts an existing empty folder', async () => {
    const target = path.join(root, 'empty');
    await mkdir(target);
    await initWorkspace(target);
    expect((await readdir(target)).sort()).toEqual(expect.arrayContaining(EXPECTED));
  });

  it('refuses a folder that has files, in Chinese, and does not touch them', async () => {
    const target = path.join(root, 'used');
    await mkdir(target);
    await writeFile(path.join(target, 'notes.txt'), '我的笔记');
    const err = await initWorkspace(target).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SiyuError);
    expect((err as SiyuError).message).toContain(target);
    expect((err as SiyuError).message).toContain('不是空的');
    expect(await readdir(target)).toEqual(['notes.txt']);
    expect(await readFile(path.join(target, 'notes.txt'), 'utf8')).toBe('我的笔记');
    expect(await readdir(root)).toEqual(['used']);
  });

  it('refuses a path that is a file', async () => {
    const target = path.join(root, 'file.yaml');
    await writeFile(target, 'x');
    await expect(initWorkspace(target)).rejects.toThrow(/是一个文件/);
  });

  it('leaves nothing behind when the copy fails', async () => {
    const target = path.join(root, 'ws');
    const err = await initWorkspace(target, path.join(root, 'no-such-example')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SiyuError);
    expect((err as SiyuError).message).toContain('没有留下任何文件');
    expect(await readdir(root)).toEqual([]);
  });

  it('keeps an empty target folder in place when the copy fails', async () => {
    const target = path.join(root, 'ws');
    await mkdir(target);
    await expect(initWorkspace(target, path.join(root, 'no-such-example'))).rejects.toBeInstanceOf(SiyuError);
    expect(await readdir(root)).toEqual(['ws']);
    expect(await readdir(target)).toEqual([]);
  });
});
