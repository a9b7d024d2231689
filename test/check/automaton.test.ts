// The Aho–Corasick automaton must find exactly what a naive search finds, overlaps included.
import { describe, expect, it } from 'vitest';
import { TermIndex } from '../../src/check/terms.ts';
import { mandatorySets, patternAnchors } from '../../src/check/pattern-anchors.ts';

function naive(terms: string[], text: string, from = 0, to = text.length): string[] {
  const out: string[] = [];
  for (const t of new Set(terms)) {
    for (let i = text.indexOf(t, from); i >= 0 && i + t.length <= to; i = text.indexOf(t, i + 1)) out.push(`${i}:${i + t.length}:${t}`);
  }
  return out.sort();
}

function seeded(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('TermIndex (Aho–Corasick)', () => {
  it('agrees with a naive search on random texts over a small alphabet', () => {
    const rnd = seeded(7);
    const alphabet = '最好无风险效果的一';
    const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    for (let round = 0; round < 50; round++) {
      const terms = Array.from({ length: 12 }, () => word(1 + Math.floor(rnd() * 4)));
      const index = new TermIndex<string>();
      for (const t of terms) index.add(t, t);
      const text = word(200);
      const found = index.findAll(text).flatMap((h) => h.payloads.map((p) => `${h.start}:${h.end}:${p}`)).sort();
      expect(found).toEqual(naive(terms, text));
      const from = Math.floor(rnd() * 100);
      const to = from + Math.floor(rnd() * 100);
      const windowed = index.findAll(text, from, to).flatMap((h) => h.payloads.map((p) => `${h.start}:${h.end}:${p}`)).sort();
      expect(windowed).toEqual(naive(terms, text, from, to));
      expect(index.occursIn(text, from, to)).toBe(windowed.length > 0);
    }
  });

  it('keeps one entry per term with every payload', () => {
    const index = new TermIndex<string>();
    index.add('最好', 'a');
    index.add('最好', 'b');
    index.add('最好', 'a');
    expect(index.size).toBe(1);
    expect(index.findAll('效果最好')[0]?.payloads).toEqual(['a', 'b']);
  });

  it('does not match a Latin term inside a longer Latin word', () => {
    const index = new TermIndex<true>();
    index.add('wu', true);
    expect(index.findAll('wuhan').length).toBe(0);
    expect(index.findAll('hwu').length).toBe(0);
    expect(index.findAll('wu副作用').length).toBe(1);
  });
});

describe('pattern anchors', () => {
  it.each([
    ['有效率[\\d.]+%', ['有效率']],
    ['(?:显小|年轻)了?\\d+岁', ['显小', '年轻']],
    ['[\\d十]+例', ['例']],
    ['(?:无|零)(?:风险|副作用)', ['风险', '副作用']],
  ])('%s', (source, anchors) => {
    expect(patternAnchors(source)?.sort()).toEqual([...anchors].sort());
  });

  it('gives none when a branch can match without a literal', () => {
    expect(patternAnchors('\\d+|最好')).toBeUndefined();
  });
});

describe('pattern reach (how far into a match a mandatory word can end)', () => {
  it.each([
    // literal run: ends exactly where the run ends
    ['零风险', [{ words: ['零风险'], reach: 3 }]],
    // bounded gap before the set: 0–8 characters (2 units each under u), then the longest word
    ['(?:医生|院长)[^，。]{0,8}(?:亲诊|坐诊)', [{ words: ['医生', '院长'], reach: 2 }, { words: ['亲诊', '坐诊'], reach: 2 + 16 + 2 }]],
    // lookarounds take no room; an optional element adds its longest match
    ['(?<!不)保证(?:100%)?有效', [{ words: ['保证'], reach: 2 }, { words: ['有效'], reach: 2 + 4 + 2 }]],
    // after an unbounded prefix nothing bounds where the match starts
    ['\\d+例(?:成功)', [{ words: ['例'], reach: Number.POSITIVE_INFINITY }, { words: ['成功'], reach: Number.POSITIVE_INFINITY }]],
  ])('%s', (source, sets) => {
    expect(mandatorySets(source)).toEqual(sets);
  });

  it('has no sets for top-level alternatives', () => {
    expect(mandatorySets('最好|第一')).toEqual([]);
  });
});
