// The scanner skips regex work (gates on every selective mandatory part, sticky tries at pattern
// starts, gate bits once per term, pinyin twins only where their readings stand alone). None of
// that may change a hit: its output must equal the plain scheme it replaced — every pattern whose
// best anchor set occurred runs over the whole text, and a pattern's twin runs over the whole text
// instead, ungated, wherever one of its readings stands alone — on every development case, on
// each with a character of a finding written in pinyin, and on texts built to hit the edge cases
// (Latin words, repeats).
import { pinyin, polyphonic } from 'pinyin-pro';
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
 *  text when one of its best anchors occurred (or always, without anchors) — or instead its twin,
 *  when also one of the twin's readings is a whole Latin word of the text. The anchors include
 *  their pinyin forms (forms() below, written independently of the compiler's). */
function reference(pack: CompiledPack, anchors: TermIndex<number>, anchored: readonly boolean[], text: string): Hit[] {
  const words = new Set(text.match(/[a-z]+/g) ?? []);
  const hits: Hit[] = [];
  pack.terms.forEachHit(text, (payloads, start, end) => {
    for (const p of payloads) {
      if (p.kind === 'rule' && accept(pack, text, p.rule, start, end)) hits.push({ rule: p.rule, start, end, severity: p.rule.severity });
    }
  });
  const fired = new Set(anchors.findAll(text).flatMap((h) => h.payloads));
  pack.patterns.forEach((pattern, i) => {
    if (anchored[i] && !fired.has(i)) return;
    const twin = pattern.twin && [...words].some((w) => pattern.twin!.readings.has(w));
    runPattern(pack, text, twin ? pattern.twin!.pattern : pattern, hits);
  });
  return hits;
}

/** A word as written and with any characters, never two side by side, in pinyin (readings of two
 *  letters or more; digits in a word with Chinese characters as 零…九). */
function forms(word: string): string[] {
  const chars = [...word];
  const chinese = chars.some((c) => /[\u4e00-\u9fff]/.test(c));
  const digits = ['ling', 'yi', 'er|liang', 'san', 'si', 'wu', 'liu', 'qi', 'ba', 'jiu'];
  const readings = chars.map((c) => {
    if (/[\u4e00-\u9fff]/.test(c)) return (polyphonic(c, { toneType: 'none', type: 'array' })[0] ?? []).flatMap((r) => [r.replace(/ü/g, 'v'), r.replace(/ü/g, 'u')]);
    return chinese && /\d/.test(c) ? digits[Number(c)]!.split('|') : [];
  });
  let out = [''];
  let lastLatin = new Set<string>(); // forms whose last character was written in pinyin
  chars.forEach((c, i) => {
    const next: string[] = [];
    const latin = new Set<string>();
    for (const f of out) {
      next.push(f + c);
      if (lastLatin.has(f)) continue;
      for (const r of new Set(readings[i]!.filter((x) => /^[a-z]{2,}$/.test(x)))) {
        next.push(f + r);
        latin.add(f + r);
      }
    }
    out = next;
    lastLatin = latin;
  });
  return out;
}

/** The text with one Chinese character written in pinyin, at a few positions spread over it. */
function withPinyin(text: string, seed: number): string[] {
  const positions = [...text].flatMap((c, i) => (/[\u4e00-\u9fff]/.test(c) ? [i] : []));
  if (positions.length === 0) return [];
  const chars = [...text];
  return [0, 1, 2].map((k) => {
    const at = positions[(seed * 7 + k * 13) % positions.length]!;
    return [...chars.slice(0, at), pinyin(chars[at]!, { toneType: 'none' }).replace(/ü/g, 'v'), ...chars.slice(at + 1)].join('');
  });
}

const show = (hits: Hit[]) => hits.map((h) => `${h.rule.id}@${h.start}-${h.end}:${h.severity}`);

describe('Scanner', () => {
  it('finds exactly what running every anchored pattern over the whole text finds', async () => {
    const pack = compileSources(readPackFiles(DEFAULT_PACK_DIR));
    const anchors = new TermIndex<number>();
    pack.patterns.forEach((p, i) => {
      for (const a of patternAnchors(p.regex.source) ?? []) for (const f of p.twin ? forms(a) : [a]) anchors.add(f, i);
    });
    const anchored = pack.patterns.map((p) => patternAnchors(p.regex.source) !== undefined);
    const scanner = new Scanner(pack);
    const cases = await loadFixtures();
    const texts = [
      ...cases.map((c) => c.text),
      ...cases.flatMap((c, i) => withPinyin(c.text, i)),
      '一ding能变白 yi定能 整张脸回到了shi8岁 10000+jie妹的共同选择 holding yiding能 xiao了 a面 ai皮肤检测 ma上',
      'bt针bt素 abt针 b0tox 肉毒 wuhan无副作用 wu副作用 day3 vlogday3 before after beforeafter',
      'http://example.com/最好 www.zuihao.cn 微信号abc12345 vx:abcdef',
      '服务超过1000例，'.repeat(40) + '可以维持3年，能管10年。'.repeat(40),
      '最最最好！！零风险，无副作用，100%有效，九成顾客满意，比别家好太多。'.repeat(5),
    ];
    for (const raw of texts) {
      const text = normaliseTerm(raw, pack.table);
      expect(show(scanner.scan(text).hits), raw.slice(0, 40)).toEqual(show(reference(pack, anchors, anchored, text)));
    }
  });
});
