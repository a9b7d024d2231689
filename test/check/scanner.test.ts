// The scanner skips regex work (gates on every selective mandatory part, sticky tries at pattern
// starts, gate bits once per term). None of that may change a hit: its output must equal the plain
// scheme it replaced — every pattern whose best anchor set occurred runs over the whole text —
// on every development case and on texts built to hit the edge cases (Latin words, repeats).
import { describe, expect, it } from 'vitest';
import { loadFixtures } from '../../src/check/eval/fixtures.ts';
import { compileSources } from '../../src/check/load-sources.ts';
import { DEFAULT_PACK_DIR } from '../../src/check/load.ts';
import { accept, runPattern, type Hit } from '../../src/check/match.ts';
import { normaliseTerm } from '../../src/check/normalise.ts';
import { readPackFiles } from '../../src/check/pack-files.ts';
import { patternAnchors } from '../../src/check/pattern-anchors.ts';
import { Scanner } from '../../src/check/scanner.ts';
import { TermIndex } from '../../src/check/terms.ts';
import type { CompiledPack } from '../../src/check/compile.ts';

/** The scheme before the scanner: rule terms from the automaton, then each pattern over the whole
 *  text when one of its best anchors occurred (or always, without anchors). */
function reference(pack: CompiledPack, anchors: TermIndex<number>, text: string): Hit[] {
  const hits: Hit[] = [];
  pack.terms.forEachHit(text, (payloads, start, end) => {
    for (const p of payloads) {
      if (p.kind === 'rule' && accept(pack, text, p.rule, start, end)) hits.push({ rule: p.rule, start, end, severity: p.rule.severity });
    }
  });
  const fired = new Set(anchors.findAll(text).flatMap((h) => h.payloads));
  pack.patterns.forEach((pattern, i) => {
    if (patternAnchors(pattern.regex.source) === undefined || fired.has(i)) runPattern(pack, text, pattern, hits);
  });
  return hits;
}

const show = (hits: Hit[]) => hits.map((h) => `${h.rule.id}@${h.start}-${h.end}:${h.severity}`);

describe('Scanner', () => {
  it('finds exactly what running every anchored pattern over the whole text finds', async () => {
    const pack = compileSources(readPackFiles(DEFAULT_PACK_DIR));
    const anchors = new TermIndex<number>();
    pack.patterns.forEach((p, i) => {
      for (const a of patternAnchors(p.regex.source) ?? []) anchors.add(a, i);
    });
    const scanner = new Scanner(pack);
    const texts = [
      ...(await loadFixtures()).map((c) => c.text),
      'bt针bt素 abt针 b0tox 肉毒 wuhan无副作用 wu副作用 day3 vlogday3 before after beforeafter',
      'http://example.com/最好 www.zuihao.cn 微信号abc12345 vx:abcdef',
      '服务超过1000例，'.repeat(40) + '可以维持3年，能管10年。'.repeat(40),
      '最最最好！！零风险，无副作用，100%有效，九成顾客满意，比别家好太多。'.repeat(5),
    ];
    for (const raw of texts) {
      const text = normaliseTerm(raw, pack.table);
      expect(show(scanner.scan(text).hits), raw.slice(0, 40)).toEqual(show(reference(pack, anchors, text)));
    }
  });
});
