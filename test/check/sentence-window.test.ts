// Sentence windows: commas and single line breaks do not end a sentence (WeChat copy often puts one
// phrase per line), sentence punctuation and blank lines do.
import { describe, expect, it } from 'vitest';
import { sentenceWindow } from '../../src/check/clause.ts';

const windowOf = (text: string, word: string, reach = 40) => {
  const start = text.indexOf(word);
  const { from, to } = sentenceWindow(text, start, start + word.length, reach);
  return text.slice(from, to);
};

describe('sentenceWindow', () => {
  it('spans commas and a phrase-per-line break', () => {
    expect(windowOf('益生菌每天一包，排毒养颜', '排毒')).toBe('益生菌每天一包，排毒养颜');
    expect(windowOf('做完第三次\n斑淡了很多\n', '斑淡')).toBe('做完第三次\n斑淡了很多');
  });

  it('stops at sentence punctuation, at a line ending with it, and at a blank line', () => {
    expect(windowOf('天气很好。斑淡了很多', '斑淡')).toBe('斑淡了很多');
    expect(windowOf('今天去爬山了！\n斑淡了很多', '斑淡')).toBe('斑淡了很多');
    expect(windowOf('周末去爬山\n\n斑淡了很多', '斑淡')).toBe('斑淡了很多');
    expect(windowOf('周末去爬山\r\n\r\n斑淡了很多', '斑淡')).toBe('斑淡了很多');
  });

  it('keeps to its reach', () => {
    expect(windowOf('一二三四五六七八九十斑淡', '斑淡', 3)).toBe('八九十斑淡');
  });
});
