import { describe, expect, it } from 'vitest';
import { CardError } from '../../src/card/errors.ts';
import { parseSize, resolveSize } from '../../src/card/sizes.ts';

describe('card sizes', () => {
  const supported = ['moments_portrait', 'moments_square'] as const;

  it('defaults to the first declared preset', () => {
    expect(resolveSize(undefined, supported, 't')).toMatchObject({ preset: 'moments_portrait', output: { width: 1080, height: 1440 } });
  });

  it('accepts a preset by name or by its exact size, and a same-aspect scaling', () => {
    expect(resolveSize('moments_square', supported, 't').preset).toBe('moments_square');
    expect(resolveSize({ width: 1080, height: 1080 }, supported, 't').preset).toBe('moments_square');
    expect(resolveSize({ width: 540, height: 720 }, supported, 't')).toMatchObject({ preset: 'moments_portrait', layout: { width: 1080 }, output: { width: 540, height: 720 } });
  });

  it('refuses other shapes and scales, naming the allowed sizes', () => {
    for (const bad of [{ width: 1080, height: 600 }, { width: 100, height: 133 }, { width: 4000, height: 5333 }, { width: 0, height: 0 }]) {
      expect(() => resolveSize(bad, supported, 't')).toThrow(CardError);
    }
    try {
      resolveSize({ width: 1080, height: 600 }, supported, 'knowledge_card');
    } catch (e) {
      expect(String(e)).toMatch(/1080x600.*超出.*knowledge_card/);
      expect(String(e)).toMatch(/1080x1440.*540–2160/);
    }
    expect(() => resolveSize('article_cover', supported, 't')).toThrow(/不支持尺寸 article_cover/);
  });

  it('parses WxH', () => {
    expect(parseSize('1080x1440')).toEqual({ width: 1080, height: 1440 });
    expect(parseSize('900×383')).toEqual({ width: 900, height: 383 });
    expect(parseSize('big')).toBeUndefined();
  });
});
