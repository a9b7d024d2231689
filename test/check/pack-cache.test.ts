// The compiled-pack cache must be invisible: a cached pack checks exactly like a freshly compiled
// one, a changed rule file is never served stale, and a damaged cache file is rebuilt.
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PACK_DIR, loadChecker } from '../../src/check/index.ts';
import { loadFixtures } from '../../src/check/eval/fixtures.ts';
import { certifiedClinic, clinic, salon, services } from './helpers.ts';

let root: string;
let cacheDir: string;
let packDir: string;
const previous = process.env.SIYU_CACHE_DIR;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'siyu-cache-'));
});
afterAll(async () => {
  if (previous === undefined) delete process.env.SIYU_CACHE_DIR;
  else process.env.SIYU_CACHE_DIR = previous;
  await rm(root, { recursive: true, force: true });
});
beforeEach(async () => {
  const run = await mkdtemp(path.join(root, 'run-'));
  cacheDir = path.join(run, 'cache');
  packDir = path.join(run, 'pack');
  await cp(DEFAULT_PACK_DIR, packDir, { recursive: true });
  process.env.SIYU_CACHE_DIR = cacheDir;
});

const entries = async () => (await readdir(path.join(cacheDir, 'compiled-packs')).catch(() => [] as string[])).filter((n) => n.endsWith('.bin'));

/** A rule file of our own, so the test does not depend on the pack's current wording. */
const probeRule = (term: string) => `rules:
  - id: R20-cache-probe
    category: R20
    severity: block
    basis: 测试
    explanation: 缓存测试用的规则。
    suggestion: 删除。
    terms: [${term}]
`;

describe('compiled-pack cache', () => {
  it('checks every development case exactly like a freshly compiled pack', async () => {
    const cases = await loadFixtures();
    process.env.SIYU_CACHE_DIR = 'off';
    const fresh = await loadChecker(packDir);
    process.env.SIYU_CACHE_DIR = cacheDir;
    await loadChecker(packDir); // compiles and writes the cache
    expect(await entries()).toHaveLength(1);
    const cached = await loadChecker(packDir);
    const contexts = [{}, { brand: clinic, services }, { brand: certifiedClinic, services }, { brand: salon, services, contentType: 'knowledge' as const }];
    for (const c of cases) {
      for (const ctx of contexts) expect(cached.check(c.text, ctx)).toEqual(fresh.check(c.text, ctx));
    }
    expect(cached.vocabulary).toEqual(fresh.vocabulary);
    expect(cached.ruleCount).toBe(fresh.ruleCount);
  });

  it('is read, not rewritten, when nothing changed', async () => {
    await loadChecker(packDir);
    const [entry] = await entries();
    const before = (await stat(path.join(cacheDir, 'compiled-packs', entry!))).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    await loadChecker(packDir);
    expect(await entries()).toEqual([entry]);
    expect((await stat(path.join(cacheDir, 'compiled-packs', entry!))).mtimeMs).toBe(before);
  });

  it('never serves a changed rule file stale, even at the same size', async () => {
    const file = path.join(packDir, 'packs', 'zz-cache-probe.yaml');
    await writeFile(file, probeRule('缓存甲词'));
    let checker = await loadChecker(packDir);
    expect(checker.check('这是缓存甲词。').findings.map((f) => f.rule)).toContain('R20-cache-probe');
    await writeFile(file, probeRule('缓存乙词'));
    checker = await loadChecker(packDir);
    expect(checker.check('这是缓存甲词。').findings.map((f) => f.rule)).not.toContain('R20-cache-probe');
    expect(checker.check('这是缓存乙词。').findings.map((f) => f.rule)).toContain('R20-cache-probe');
    // Back to the first text: its entry is still there and must be the first text's pack.
    await writeFile(file, probeRule('缓存甲词'));
    checker = await loadChecker(packDir);
    expect(checker.check('这是缓存甲词。').findings.map((f) => f.rule)).toContain('R20-cache-probe');
  });

  it('keys on the workspace extras', async () => {
    await loadChecker(packDir);
    const checker = await loadChecker(packDir, { terms: [{ category: 'R13', severity: 'block', terms: ['缓存丙词'] }], allow: [] });
    expect(checker.check('缓存丙词').findings.map((f) => f.category)).toContain('R13');
    expect((await loadChecker(packDir)).check('缓存丙词').findings).toEqual([]);
  });

  it('rebuilds a damaged or truncated cache file', async () => {
    const text = '最好的医生，零风险，无副作用';
    const expected = (await loadChecker(packDir)).check(text);
    const [entry] = await entries();
    const full = path.join(cacheDir, 'compiled-packs', entry!);
    const good = await readFile(full);
    for (const damage of [
      (b: Buffer) => {
        const c = Buffer.from(b);
        const mid = c.length >> 1;
        c[mid] = c[mid]! ^ 0xff;
        return c;
      },
      (b: Buffer) => b.subarray(0, b.length >> 1),
      () => Buffer.from('not a pack'),
    ]) {
      await writeFile(full, damage(good));
      expect((await loadChecker(packDir)).check(text)).toEqual(expected);
      expect((await readFile(full)).equals(good)).toBe(true); // rebuilt by that load
    }
  });

  it('still reports a broken pack, and does not cache it', async () => {
    await writeFile(path.join(packDir, 'packs', 'zz-cache-probe.yaml'), probeRule('缓存甲词').replace('severity: block', 'severity: maybe'));
    await expect(loadChecker(packDir)).rejects.toThrow(/错误/);
    await expect(loadChecker(packDir)).rejects.toThrow(/错误/);
    expect(await entries()).toEqual([]);
  });
});
