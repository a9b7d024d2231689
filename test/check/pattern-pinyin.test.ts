// Pinyin stand-ins inside patterns (pattern-pinyin.ts): the twin accepts a reading wherever the
// pattern has a Chinese character, only standing alone, and equals the pattern on any text
// without such a reading; the automaton forms of a word cover every way the twin can write it.
import { describe, expect, it } from 'vitest';
import { loadFixtures } from '../../src/check/eval/fixtures.ts';
import { pinyinTwin, standInsForAutomaton, standInVariants, MAX_WORD_VARIANTS } from '../../src/check/pattern-pinyin.ts';
import { PATTERN_FLAGS } from '../../src/check/schema.ts';
import { loadChecker } from '../../src/check/index.ts';
import { compileSources } from '../../src/check/load-sources.ts';
import { DEFAULT_PACK_DIR } from '../../src/check/load.ts';
import { normaliseTerm } from '../../src/check/normalise.ts';
import { readPackFiles } from '../../src/check/pack-files.ts';

const twinOf = (source: string) => {
  const readings = new Set<string>();
  const twin = pinyinTwin(source, readings);
  return { twin: twin === undefined ? undefined : new RegExp(twin, PATTERN_FLAGS), readings };
};
const matches = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`);

describe('pinyinTwin', () => {
  it('accepts a reading for a Chinese character, standing alone', () => {
    const { twin, readings } = twinOf('(?:1定|肯定)能(?:变白|变美)');
    expect(twin).toBeDefined();
    expect(readings).toContain('ding');
    expect(readings).toContain('yi'); // the folded 一 of 一定
    for (const t of ['yi定能变白', '1ding能变美', '肯定neng变白', 'yi定neng变白', '肯定能bian白']) expect(matches(twin!, t), t).toHaveLength(1);
    // Two readings side by side, or a reading inside a longer Latin word, are not stand-ins.
    for (const t of ['yiding能变白', 'holding能变白', '肯定nengx变白', '肯定能变白a']) expect(matches(twin!, t).filter((m) => !m.endsWith('能变白')), t).toEqual([]);
  });

  it('covers classes of Chinese characters and their digits, lookarounds, not negated classes', () => {
    const { twin } = twinOf('[\\d十]+岁的(?<!健身)(?:脸|皮肤)[^药针]{0,3}');
    expect(matches(twin!, '十ba岁的脸')).toHaveLength(1);
    expect(matches(twin!, '28sui的脸')).toHaveLength(1);
    // An exclusion written with a stand-in is still the exclusion.
    const { twin: diary } = twinOf('(?<!健身)打卡');
    expect(matches(diary!, '健身打卡')).toEqual([]);
    expect(matches(diary!, 'jian身打卡')).toEqual([]);
    expect(matches(diary!, '变美da卡')).toHaveLength(1);
    expect(twinOf('[^药针]{0,3}') .twin).toBeUndefined();
    expect(twinOf('\\d+%').twin).toBeUndefined(); // digits outside a run of Chinese characters
  });

  it('leaves out one-letter readings (a, e, o)', () => {
    const { readings } = twinOf('啊|哦|额头');
    expect([...readings].filter((r) => r.length < 2)).toEqual([]);
    expect(readings).toContain('tou');
  });

  it('finds the same as its pattern on development texts without a stand-in', async () => {
    const pack = compileSources(readPackFiles(DEFAULT_PACK_DIR));
    // Every fifth case keeps this test a few seconds long: 470 twins × ~430 texts.
    const texts = (await loadFixtures()).filter((_, i) => i % 5 === 0).map((c) => normaliseTerm(c.text, pack.table));
    let compared = 0;
    for (const p of pack.patterns) {
      if (!p.twin) continue;
      for (const text of texts) {
        if ((text.match(/[a-z]+/g) ?? []).some((w) => p.twin!.readings.has(w))) continue;
        expect(matches(p.twin.pattern.regex, text), `${p.rule.id} ${text.slice(0, 30)}`).toEqual(matches(p.regex, text));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100_000);
  });
});

describe('standInVariants', () => {
  it('writes any characters, never two side by side, in pinyin', () => {
    const v = standInVariants('一定能')!;
    expect(v).toContain('yi定能');
    expect(v).toContain('一ding能');
    expect(v).toContain('yi定neng');
    expect(v).not.toContain('yiding能');
    expect(v).not.toContain('一定能');
  });

  it('gives up past its limit; the automaton then takes a prefix, as written too', () => {
    const long = '再也找不到第2家';
    expect(standInVariants(long)).toBeUndefined();
    const forms = standInsForAutomaton(long);
    const prefix = forms.find((f) => !/[a-z]/.test(f))!;
    expect(long.startsWith(prefix)).toBe(true);
    expect(forms.length).toBeLessThanOrEqual(MAX_WORD_VARIANTS + 1);
  });
});

describe('checker with pinyin inside a claim', () => {
  it('blocks a claim a pattern finds with one character written in pinyin', async () => {
    const checker = await loadChecker();
    for (const text of ['这款水光针打完皮肤一定neng透亮起来', '苹果肌饱满了，整张脸仿佛回到了十ba岁', '10000+jie妹的共同选择，热玛吉就来悦澜', '胶原蛋白含量提升了近两bei']) {
      expect(checker.check(text).verdict, text).toBe('block');
    }
  });

  it('reads no stand-in in a text whose Latin letters are all capitals (AI, MA, VIP are abbreviations)', async () => {
    const checker = await loadChecker();
    expect(checker.check('这款水光针打完皮肤一定neng透亮起来').verdict).toBe('block');
    expect(checker.check('这款水光针打完皮肤一定NENG透亮起来').findings.filter((f) => f.rule === 'R05-assurance')).toEqual([]);
  });

  it('does not read English words or Latin names as stand-ins', async () => {
    const checker = await loadChecker();
    for (const text of ['今天试了新的AI皮肤检测仪，holding住全场', '维生素A和维生素E都是常见成分', 'Thermage 是热玛吉的英文名']) {
      expect(checker.check(text).verdict, text).not.toBe('block');
    }
  });
});
