// Line breaking: lines never exceed the width, nothing is lost, and 避头尾 holds — no line starts
// with closing punctuation and none ends with opening punctuation.
import { describe, expect, it } from 'vitest';
import { breakLines, type MeasureEm } from '../../src/card/text/line-break.ts';

// Ideographs and full-width punctuation 1 em, ASCII 0.5 em: close to a real CJK font.
const measure: MeasureEm = (t) => [...t].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2e80 && ch !== '“' && ch !== '”' ? 0.5 : 1), 0);

const CLOSING = '，。、；：？！）」』】》”’…%';
const OPENING = '（「『【《“‘';

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Clinic-like copy: words, a closing mark or two after them, quoted and bracketed words. */
function randomCopy(rand: () => number, n: number): string {
  const words = ['水光针', '术后护理', '注意防晒', '面诊', '个体差异', 'Botox', 'HA', '24小时', '医生', '皮肤屏障', '修护'];
  const pick = (xs: string) => xs[Math.floor(rand() * xs.length)]!;
  let s = '';
  while (s.length < n) {
    const word = words[Math.floor(rand() * words.length)]!;
    s += rand() < 0.2 ? `${pick(OPENING)}${word}${pick('」”）》')}` : word;
    if (rand() < 0.35) s += pick(CLOSING);
    if (rand() < 0.08) s += pick(CLOSING);
  }
  return s;
}

describe('breakLines', () => {
  it('keeps short text on one line and honours newlines', () => {
    expect(breakLines('注意防晒', 10, measure)).toEqual(['注意防晒']);
    expect(breakLines('第一行\n第二行', 10, measure)).toEqual(['第一行', '第二行']);
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    const rand = mulberry32(7);
    let lines = 0;
    for (let i = 0; i < 300; i++) {
      const text = randomCopy(rand, 40 + Math.floor(rand() * 120));
      const width = 6 + Math.floor(rand() * 10);
      const out = breakLines(text, width, measure);
      lines += out.length;
      expect(out.join('')).toBe(text); // nothing lost, nothing added
      out.forEach((line, j) => {
        if (j > 0) expect(CLOSING.includes(line[0]!), `line ${j} of ${JSON.stringify(out)}`).toBe(false);
        if (j < out.length - 1) expect(OPENING.includes(line.at(-1)!), `line ${j} of ${JSON.stringify(out)}`).toBe(false);
      });
    }
    expect(lines).toBeGreaterThan(1000); // the texts really wrapped
  });

  it('fits every line in the width, except a single unbreakable character run', () => {
    const out = breakLines('存在个体差异，以面诊为准，术后二十四小时内避免沾水，注意防晒和保湿。', 8, measure);
    for (const line of out) expect(measure(line)).toBeLessThanOrEqual(8);
    expect(out[1]).toMatch(/^[^，。]/);
  });

  it('keeps Latin words whole and splits a word longer than the line', () => {
    const out = breakLines('推荐 hyaluronic acid 补水', 6, measure);
    expect(out.some((l) => l.includes('hyaluronic'))).toBe(true);
    const long = breakLines('https://example.com/aaaaaaaaaaaaaaaaaaaaaaaaaaaa', 5, measure);
    expect(long.length).toBeGreaterThan(3);
    for (const line of long) expect(measure(line)).toBeLessThanOrEqual(5);
  });
});

describe('orphans', () => {
  it('never leaves one Chinese character alone on a paragraph’s last line', () => {
    const out = breakLines('存在个体差异，以面诊为准，请找专业医生', 9, measure); // 18 ideographs + 2 commas: 9 + 9 + 1
    expect(out.join('')).toBe('存在个体差异，以面诊为准，请找专业医生');
    expect([...out.at(-1)!].length).toBeGreaterThan(1);
    for (const line of out) expect(measure(line)).toBeLessThanOrEqual(9);
    expect(out.at(-1)![0]).not.toBe('，');
  });

  it('counts a closing mark with the lone character', () => {
    const out = breakLines('一二三四五六七八九十。', 10, measure); // "十。" alone would be an orphan
    expect([...out.at(-1)!].length).toBeGreaterThan(2);
  });
});
