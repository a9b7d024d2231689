// Folds text before matching while remembering, for every folded UTF-16 unit, where it came from.
// Folding is strictly one unit → one unit (or → nothing, for skipped characters), so a match in the
// folded text maps back to an exact span of the original: findings always point at what the
// person wrote. The evasion work can replace this module as long as it keeps `origin`.

export interface FoldTable {
  /** UTF-16 unit → replacement unit (traditional → simplified, from compliance/normalise.yaml). */
  fold: ReadonlyMap<number, number>;
  /** UTF-16 units dropped before matching (spaces, zero-width characters, filler symbols). */
  skip: ReadonlySet<number>;
}

export interface Normalised {
  text: string;
  /** origin[i] = index in the original text of folded unit i. */
  origin: Int32Array;
}

/** Built-in folds that need no data: full-width ASCII, upper-case ASCII, circled digits. */
function builtinFold(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width ！…～ → ASCII
  if (c >= 0x41 && c <= 0x5a) return c + 0x20; // A–Z → a–z
  if (c >= 0x2460 && c <= 0x2468) return 0x31 + (c - 0x2460); // ①–⑨ → 1–9
  return c;
}

/** Folds one unit; -1 means "skip". Exported so terms can be folded exactly like text. */
export function foldUnit(c: number, table: FoldTable): number {
  const mapped = table.fold.get(c);
  const f = builtinFold(mapped ?? c);
  return table.skip.has(f) || table.skip.has(c) ? -1 : f;
}

export function normalise(text: string, table: FoldTable): Normalised {
  const origin = new Int32Array(text.length);
  // Build in chunks: String.fromCharCode on a huge argument list would overflow the stack.
  const units = new Uint16Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const f = foldUnit(text.charCodeAt(i), table);
    if (f < 0) continue;
    units[n] = f;
    origin[n] = i;
    n++;
  }
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < n; i += CHUNK) {
    parts.push(String.fromCharCode(...units.subarray(i, Math.min(n, i + CHUNK))));
  }
  return { text: parts.join(''), origin: origin.subarray(0, n) };
}

/** Folds a term or pattern source the same way (used at load, not per check). */
export function normaliseTerm(term: string, table: FoldTable): string {
  return normalise(term, table).text;
}

/** Maps a half-open span of the folded text back to the original text. */
export function toOriginal(norm: Normalised, start: number, end: number): { start: number; end: number } {
  const s = norm.origin[start];
  const e = norm.origin[end - 1];
  if (s === undefined || e === undefined) throw new RangeError(`span ${start}–${end} outside folded text`);
  return { start: s, end: e + 1 };
}
