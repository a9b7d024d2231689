// "A hit inside one of these phrases is not a hit" (a rule's except list, the workspace's
// allow-list). Checked for every term hit, so where the hit's words sit inside each phrase is
// worked out once per distinct hit text and remembered per list, instead of searching every
// phrase again on every hit (最 occurs in most posts; R13 lists dozens of 最… phrases).

/** Per phrase list: hit text → [phrase, offset of the hit text in it] pairs. */
const memo = new WeakMap<readonly string[], Map<string, readonly (readonly [string, number])[]>>();
/** Distinct hit texts remembered per list; pattern matches can vary without bound. */
const MAX_REMEMBERED = 1024;

function placements(phrases: readonly string[], hit: string): (readonly [string, number])[] {
  const out: (readonly [string, number])[] = [];
  for (const phrase of phrases) {
    for (let at = phrase.indexOf(hit); at >= 0; at = phrase.indexOf(hit, at + 1)) out.push([phrase, at]);
  }
  return out;
}

/** True when text[start, end) lies inside an occurrence of one of the phrases. */
export function insideException(text: string, start: number, end: number, phrases: readonly string[]): boolean {
  if (phrases.length === 0) return false;
  const hit = text.slice(start, end);
  let known = memo.get(phrases);
  if (!known) memo.set(phrases, (known = new Map()));
  let places = known.get(hit);
  if (!places) {
    places = placements(phrases, hit);
    if (known.size < MAX_REMEMBERED) known.set(hit, places);
  }
  for (const [phrase, at] of places) {
    if (start - at >= 0 && text.startsWith(phrase, start - at)) return true;
  }
  return false;
}
