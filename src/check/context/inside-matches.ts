// Word lists whose entries contain a rule's word without being it: 有效期 holds 有效, 情况说明 holds
// 说明, 灯光效果 holds 效果. A hit inside a match of such a list does not count. The matches are a
// regex over the whole text, so they are found on the first question only: most texts never ask.
import type { Span } from '../lexicon-hits.ts';

/** A test: does the span lie entirely inside some match of the global regex `re` over `text`? */
export function insideMatches(text: string, re: RegExp): (span: Span) => boolean {
  let matches: Span[] | undefined;
  return (span) =>
    (matches ??= Array.from(text.matchAll(re), (m) => ({ start: m.index, end: m.index + m[0].length }))).some(
      (m) => m.start <= span.start && span.end <= m.end,
    );
}
