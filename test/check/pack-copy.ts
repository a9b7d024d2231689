// A copy of the real rule pack in a fresh temporary folder for every test, for tests that break or
// edit the pack (loader.test.ts, discourse.test.ts). Call packCopy() at the top of a test file:
// it registers the hooks that make and remove the copy.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { DEFAULT_PACK_DIR, loadChecker } from '../../src/check/index.ts';
import { SiyuError } from '../../src/shared/errors.ts';

export interface PackCopy {
  /** The copy's folder (a new one for each test). */
  readonly dir: string;
  /** Rewrites one file of the copy; fails the test if the change changed nothing. */
  edit(file: string, change: (text: string) => string): Promise<void>;
  /** The problems loading the copy reports (the SiyuError's details, its message naming the
   *  folder), or a failure when the copy loads. */
  problems(): Promise<string[]>;
  /** The 1-based line of the first line of `file` that contains `needle` (0: none). */
  lineOf(file: string, needle: string): Promise<number>;
}

export function packCopy(): PackCopy {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'siyu-pack-'));
    await cp(DEFAULT_PACK_DIR, dir, { recursive: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    async edit(file, change) {
      const full = path.join(dir, file);
      const before = await readFile(full, 'utf8');
      const after = change(before);
      expect(after).not.toBe(before); // the test really changed something
      await writeFile(full, after);
    },
    async problems() {
      try {
        await loadChecker(dir);
      } catch (e) {
        expect(e).toBeInstanceOf(SiyuError);
        expect((e as SiyuError).message).toContain(dir);
        return (e as SiyuError).details;
      }
      throw new Error('the edited pack loaded without error');
    },
    async lineOf(file, needle) {
      return (await readFile(path.join(dir, file), 'utf8')).split('\n').findIndex((l) => l.includes(needle)) + 1;
    },
  };
}
