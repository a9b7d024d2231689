// A word list of compliance/discourse.yaml turned into one regex alternative. The rules that use
// the lists (debunk.ts, context/testimony.ts) put it inside their fixed shape (anchors, "within N
// characters"); the words stay data. Used when compiling the pack and by the schema to check that
// a list's patterns compile together; no zod here, so it costs nothing on a warm start.

/** A list as written in discourse.yaml (after validation). */
export interface DiscourseList {
  /** Literal words. */
  readonly words: readonly string[];
  /** Regex sources, for the few entries that need regex syntax. */
  readonly patterns: readonly string[];
  /** An entry right after one of these does not count. */
  readonly notAfter: readonly string[];
  /** An entry right before one of these does not count. */
  readonly notBefore: readonly string[];
}

/** How words and patterns are turned into the form of the text they run on. */
export interface ListFold {
  word(s: string): string;
  pattern(s: string): string;
}

/** Escapes a literal word for a regex with the u flag (which rejects escaping other characters). */
export const escapeRegex = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** The list as one regex alternative: `(?<!notAfter)(?:words|patterns)(?!notBefore)`, or just
 *  `words|patterns` without the guards. With `fold`, a word folded to nothing is dropped (it can
 *  never occur in folded text), and a list left empty never matches. */
export function alternation(list: DiscourseList, fold?: ListFold): string {
  // Folding may empty a word or make two the same (，and , both fold to ,).
  const literal = (ws: readonly string[]) => [...new Set(ws.map((w) => (fold ? fold.word(w) : w)).filter((w) => w.length > 0))].map(escapeRegex);
  const entries = [...literal(list.words), ...list.patterns.map((p) => (fold ? fold.pattern(p) : p))];
  if (entries.length === 0) return '(?!)';
  const after = literal(list.notAfter);
  const before = literal(list.notBefore);
  if (after.length + before.length === 0) return entries.join('|');
  return `${after.length > 0 ? `(?<!${after.join('|')})` : ''}(?:${entries.join('|')})${before.length > 0 ? `(?!${before.join('|')})` : ''}`;
}
