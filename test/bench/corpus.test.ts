// The benchmark corpus must be big enough to measure (≥ 10,000 posts, ≥ 2 M characters), identical
// for the same seed (so runs before and after a checker change compare like with like) and shaped
// like clinic copy (lengths 50–1,000, a minority of risky posts, evasions, no broken surrogates).
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, DEFAULT_SEEDS_DIR, loadSeedSentences, MAX_POST_LENGTH, MIN_POST_LENGTH, mulberry32, type CorpusSource } from '../../scripts/bench/corpus.ts';
import { loadChecker } from '../../src/check/index.ts';
import { EXAMPLE_WORKSPACE_DIR } from '../../src/workspace/init.ts';
import { loadWorkspace } from '../../src/workspace/load.ts';

describe('mulberry32', () => {
  it('repeats for a seed and stays in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(1000);
  });
});

// The seed articles live outside the repository (shared workspace data).
describe('buildCorpus', () => {
  let source: CorpusSource;
  beforeAll(async () => {
    const checker = await loadChecker();
    const ws = await loadWorkspace(EXAMPLE_WORKSPACE_DIR);
    const ctx = { brand: ws.brand, services: ws.services };
    source = {
      sentences: await loadSeedSentences(),
      services: ws.services,
      riskyTerms: checker.vocabulary.terms,
      isRisky: (s) => checker.check(s, ctx).findings.length > 0,
    };
  });

  it('has at least 10,000 posts and 2,000,000 characters by default', () => {
    const corpus = buildCorpus(source);
    expect(corpus.posts).toHaveLength(10_000);
    expect(corpus.chars).toBe(corpus.posts.reduce((n, p) => n + p.length, 0));
    expect(corpus.chars).toBeGreaterThanOrEqual(2_000_000);
  });

  it('is identical for the same seed and different for another', () => {
    const a = buildCorpus(source, { posts: 2000, seed: 42 });
    const b = buildCorpus(source, { posts: 2000, seed: 42 });
    const c = buildCorpus(source, { posts: 2000, seed: 43 });
    expect(b.posts).toEqual(a.posts);
    expect(b.hash).toBe(a.hash);
    expect(c.hash).not.toBe(a.hash);
  });

  it('looks like clinic copy: varied lengths, some risky posts, evasions, emoji, line breaks', () => {
    const { posts, stats } = buildCorpus(source, { posts: 3000, seed: 1 });
    expect(stats.minLength).toBeGreaterThanOrEqual(MIN_POST_LENGTH);
    expect(stats.maxLength).toBeLessThanOrEqual(MAX_POST_LENGTH);
    expect(posts.filter((p) => p.length < 150).length).toBeGreaterThan(posts.length * 0.2);
    expect(posts.filter((p) => p.length > 600).length).toBeGreaterThan(posts.length * 0.05);
    expect(stats.risky / posts.length).toBeGreaterThan(0.08);
    expect(stats.risky / posts.length).toBeLessThan(0.2);
    expect(stats.evasions).toBeGreaterThan(0);
    expect(stats.traditional).toBeGreaterThan(0);
    expect(posts.some((p) => /\p{Extended_Pictographic}/u.test(p))).toBe(true);
    expect(posts.filter((p) => p.includes('\n')).length).toBeGreaterThan(posts.length * 0.9);
    // Clipping never cuts an emoji in half.
    expect(posts.some((p) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(p))).toBe(false);
  });
});
