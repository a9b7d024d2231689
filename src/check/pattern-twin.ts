// A pattern's pinyin twin as the scanner runs it (the twin's source comes from pattern-pinyin.ts
// at compile time, or from the compiled-pack cache). Kept apart from pattern-pinyin.ts so that
// loading a cached pack does not load the pinyin dictionary (nor zod: the flags come from the
// pattern's own regex).
import type { CompiledPattern, CompiledRule, PinyinTwin } from './compile.ts';

/** The longest reading (zhuang, chuang, shuang): how far one character can stretch in a twin. */
export const MAX_READING = 6;

/** The twin of a pattern with these gates and reaches: the same gates, each reach stretched, since
 *  every character inside it may be written as a reading. Always a global scan, never tried at
 *  start words: it runs only on the rare text where one of its readings stands alone, so the
 *  automaton need not hold every pinyin form of every start word. Its regex is built on first
 *  use: most processes never meet a stand-in for most patterns. */
export function twinPattern(source: string, flags: string, readings: Iterable<string>, rule: CompiledRule, gates: number, reach: readonly number[]): PinyinTwin {
  let pattern: CompiledPattern | undefined;
  const stretched = reach.map((r) => r * MAX_READING);
  return {
    source,
    readings: new Set(readings),
    reach: stretched,
    get pattern(): CompiledPattern {
      return (pattern ??= { rule, regex: new RegExp(source, flags), gates, reach: stretched, sticky: undefined, twin: undefined });
    },
  };
}
