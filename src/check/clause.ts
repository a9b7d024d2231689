// Clause windows on the folded text. Context rules look for a qualifier "near" a hit; near means
// in the same clause (between punctuation or line breaks) and at most `reach` units away, so
// "最近天气很好，效果……" does not tie 最 to 效果 across the comma.

const BOUNDARIES = new Set([...'，。！？；,!?;\n\r…'].map((c) => c.charCodeAt(0)));

export const isBoundary = (c: number): boolean => BOUNDARIES.has(c);

/** [from, to) around [start, end), cut at clause boundaries and at `reach` units either side. */
export function clauseWindow(text: string, start: number, end: number, reach: number): { from: number; to: number } {
  let from = start;
  while (from > 0 && start - from < reach && !isBoundary(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < reach && !isBoundary(text.charCodeAt(to))) to++;
  return { from, to };
}

/** The text before a hit within its clause (at most `reach` units). */
export function before(text: string, start: number, reach: number): string {
  const { from } = clauseWindow(text, start, start, reach);
  return text.slice(from, start);
}

/** The text after a hit within its clause (at most `reach` units). */
export function after(text: string, end: number, reach: number): string {
  const { to } = clauseWindow(text, end, end, reach);
  return text.slice(end, to);
}

const SENTENCE_ENDS = new Set([...'。！？!?'].map((c) => c.charCodeAt(0)));
const LF = 10;
const CR = 13;

/** Whether the line break at `i` ends a sentence: a blank line does, and so does a line that ends
 *  with 。！？; a bare line break does not — WeChat copy often puts one phrase per line
 *  ("做完第三次\n斑淡了很多"), and the claim spans them. */
function breakEndsSentence(text: string, i: number): boolean {
  let p = i - 1;
  while (p >= 0 && text.charCodeAt(p) === CR) p--;
  let n = i + 1;
  while (n < text.length && text.charCodeAt(n) === CR) n++;
  return p < 0 || n >= text.length || text.charCodeAt(n) === LF || text.charCodeAt(p) === LF || SENTENCE_ENDS.has(text.charCodeAt(p));
}

const endsAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return SENTENCE_ENDS.has(c) || ((c === LF || c === CR) && breakEndsSentence(text, i));
};

/** Like clauseWindow, but only sentence ends cut the window: commas and single line breaks do not.
 *  For claims that a writer spreads over a sentence ("益生菌每天一包，排毒养颜"). */
export function sentenceWindow(text: string, start: number, end: number, reach: number): { from: number; to: number } {
  let from = start;
  while (from > 0 && start - from < reach && !endsAt(text, from - 1)) from--;
  let to = end;
  while (to < text.length && to - end < reach && !endsAt(text, to)) to++;
  return { from, to };
}
