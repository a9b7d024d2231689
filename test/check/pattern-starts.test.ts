// Patterns tried only where their first words start must find exactly what a global scan finds:
// the derived starts must begin every match, and the sticky walk must give the same matches.
import { describe, expect, it } from 'vitest';
import { loadFixtures } from '../../src/check/eval/fixtures.ts';
import { readPackFiles } from '../../src/check/pack-files.ts';
import { compileSources } from '../../src/check/load-sources.ts';
import { DEFAULT_PACK_DIR } from '../../src/check/load.ts';
import { normaliseTerm } from '../../src/check/normalise.ts';
import { patternStarts } from '../../src/check/pattern-prefixes.ts';
import { runAtStarts, runPattern, type Hit } from '../../src/check/match.ts';

describe('patternStarts', () => {
  it.each([
    // A start runs on through what every match must hold next, so it is rarer in the text.
    ['(?:欢迎|立即)(?:预约|咨询)', ['欢迎预约', '欢迎咨询', '立即预约', '立即咨询']],
    ['(?:能|可以)?(?:管|维持)', ['能', '可以', '管', '维持']],
    ['(?<![提抬])高[123]', ['高1', '高2', '高3']],
    ['1[3-9]\\d{9}', ['13', '14', '15', '16', '17', '18', '19']],
    ['可[^，]{0,3}管', ['可']],
    ['最好(?!看)', ['最好']],
    ['(?:a|)b', ['ab', 'b']],
    ['a+b', ['a']],
    ['[甲乙]丙', ['甲丙', '乙丙']],
    ['(?:零|无)风险|保证', ['零风险', '无风险', '保证']],
    ['(?:a*)b', ['a', 'b']],
    ['\\bbt', ['bt']],
  ])('%s starts with %j', (source, expected) => {
    expect(patternStarts(source)?.sort()).toEqual([...expected].sort());
  });

  it('lengthens starts only while there are at most 64 in all', () => {
    const three = '(?:甲|乙|丙)';
    expect(patternStarts(`${three}${three}${three}${three}`)).toHaveLength(27); // 3 × 3 × 3; × 3 more would be 81
    const nine = '(?:甲|乙|丙|丁|戊|己|庚|辛|壬)';
    expect(patternStarts(`${nine}${nine}`)?.sort()).toEqual([...'甲乙丙丁戊己庚辛壬'].sort()); // 81: the first words only
  });

  it.each(['\\d+元', '[^，]{0,3}最好', '.最', '(?:最)?', '(?:a|\\d)b', '(?:)?最'])('%s has no starts', (source) => {
    expect(patternStarts(source)).toBeUndefined();
  });
});

describe('patterns tried at their starts', () => {
  it('find what a global scan finds, on every development case', async () => {
    const pack = compileSources(readPackFiles(DEFAULT_PACK_DIR));
    const texts = [
      ...(await loadFixtures()).map((c) => c.text),
      // Long runs of start words: many tries, then the switch to one global scan.
      '服务服务服务超过1000例，'.repeat(30),
      '可以维持3年可以维持5年，能管10年。'.repeat(20),
    ].map((t) => normaliseTerm(t, pack.table));
    let tried = 0;
    for (const pattern of pack.patterns) {
      if (!pattern.sticky) continue;
      const words = patternStarts(pattern.regex.source)!;
      for (const text of texts) {
        const starts: number[] = [];
        for (const w of words) for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) starts.push(i);
        if (starts.length === 0) continue;
        tried++;
        const global: Hit[] = [];
        const sticky: Hit[] = [];
        runPattern(pack, text, pattern, global);
        runAtStarts(pack, text, pattern, Int32Array.from(starts), 0, starts.length, sticky);
        expect(sticky, `${pattern.rule.id} ${pattern.regex.source}`).toEqual(global);
      }
    }
    expect(tried).toBeGreaterThan(100);
  });
});
