// Literal-term search: an Aho–Corasick automaton over UTF-16 units. Every term of every rule,
// every lexicon word and every pattern's anchor goes into one automaton, so a check reads the
// folded text once, whatever the size of the vocabulary.
//
// Hand-written rather than taken from npm because the checker needs what the packages don't give
// together: payloads per term (rules, lexicons, pattern gates), positions in a folded text,
// window-limited search for the context rules, and flat typed-array tables — the states' edges
// are sorted runs in one array and the root has a direct 64K lookup, which keeps the hot loop free
// of Map lookups and allocation.

export interface TermHit<P> {
  start: number;
  end: number;
  payloads: readonly P[];
}

const isAsciiLetter = (c: number): boolean => c >= 0x61 && c <= 0x7a; // text is folded: lower case only

/** Hits as (term id, end) pairs in growable typed arrays, reused from check to check: the
 *  checker's hot loop reads them without a callback or an object per hit. */
export class HitBuffer {
  ids = new Int32Array(1024);
  ends = new Int32Array(1024);
  length = 0;

  push(id: number, end: number): void {
    if (this.length === this.ids.length) {
      const ids = new Int32Array(this.length * 2);
      const ends = new Int32Array(this.length * 2);
      ids.set(this.ids);
      ends.set(this.ends);
      this.ids = ids;
      this.ends = ends;
    }
    this.ids[this.length] = id;
    this.ends[this.length++] = end;
  }
}

/** The automaton as flat arrays: what the compiled-pack cache stores (pack-codec.ts). */
export interface TermTables {
  /** Edges of state s are edgeChar/edgeTarget[edgeStart[s] … edgeStart[s+1]), sorted by char. */
  edgeStart: Int32Array;
  edgeChar: Uint16Array;
  edgeTarget: Int32Array;
  fail: Int32Array;
  /** Term ending exactly at this state, or -1. */
  termAt: Int32Array;
  /** Nearest proper suffix state that ends a term, or 0. */
  dictLink: Int32Array;
  /** Length of each term, by term id. */
  termLength: Int32Array;
}

interface Compiled extends TermTables {
  /** Direct transitions from the root (0 = stay at root), derived from the root's edges. */
  root: Int32Array;
}

function withRoot(tables: TermTables): Compiled {
  const root = new Int32Array(65536);
  for (let e = tables.edgeStart[0]!; e < tables.edgeStart[1]!; e++) root[tables.edgeChar[e]!] = tables.edgeTarget[e]!;
  return { ...tables, root };
}

export class TermIndex<P> {
  private readonly byTerm = new Map<string, number>();
  private readonly termText: string[] = [];
  private termPayloads: P[][] = [];
  private compiled: Compiled | undefined;
  /** Set when rebuilt from cached tables: the terms' text is gone, so nothing can be added. */
  private sealed = false;

  /** An index rebuilt from tables() output and the payload list of every term id. */
  static fromTables<P>(tables: TermTables, payloads: P[][]): TermIndex<P> {
    if (payloads.length !== tables.termLength.length) throw new RangeError('payload lists do not match the term tables');
    const index = new TermIndex<P>();
    index.termPayloads = payloads;
    index.compiled = withRoot(tables);
    index.sealed = true;
    return index;
  }

  /** Number of distinct terms. */
  get size(): number {
    return this.termPayloads.length;
  }

  /** The built automaton and the payloads of each term id, for serialising. */
  export(): { tables: TermTables; payloads: readonly (readonly P[])[] } {
    const { root: _root, ...tables } = this.tables();
    return { tables, payloads: this.termPayloads };
  }

  add(term: string, payload: P): void {
    if (this.sealed) throw new Error('TermIndex rebuilt from tables cannot take new terms');
    if (term.length === 0) return;
    let id = this.byTerm.get(term);
    if (id === undefined) {
      id = this.termText.length;
      this.byTerm.set(term, id);
      this.termText.push(term);
      this.termPayloads.push([]);
      this.compiled = undefined;
    }
    const payloads = this.termPayloads[id]!;
    if (!payloads.includes(payload)) payloads.push(payload);
  }

  private build(): Compiled {
    // 1. The trie, with children in Maps while it grows.
    const children: Map<number, number>[] = [new Map()];
    const termAtList: number[] = [-1];
    this.termText.forEach((term, id) => {
      let s = 0;
      for (let i = 0; i < term.length; i++) {
        const c = term.charCodeAt(i);
        let next = children[s]!.get(c);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          termAtList.push(-1);
          children[s]!.set(c, next);
        }
        s = next;
      }
      termAtList[s] = id;
    });
    const n = children.length;
    // 2. Number the states breadth first: the shallow states, where a scan spends nearly all its
    // steps, then sit together in the tables whatever order the terms came in (a pinyin variant
    // added between two rule terms would otherwise scatter them).
    const order = new Int32Array(n); // new number → trie state
    const renumber = new Int32Array(n); // trie state → new number
    const sortedEdges: [number, number][][] = new Array(n); // by new number, sorted by char
    let filled = 1;
    for (let head = 0; head < filled; head++) {
      const sorted = (sortedEdges[head] = [...children[order[head]!]!].sort((a, b) => a[0] - b[0]));
      for (const [, t] of sorted) {
        renumber[t] = filled;
        order[filled++] = t;
      }
    }
    // 3. Flatten the edges into sorted runs.
    const edgeStart = new Int32Array(n + 1);
    let edges = 0;
    for (let s = 0; s < n; s++) {
      edgeStart[s] = edges;
      edges += children[order[s]!]!.size;
    }
    edgeStart[n] = edges;
    const edgeChar = new Uint16Array(edges);
    const edgeTarget = new Int32Array(edges);
    for (let s = 0; s < n; s++) {
      sortedEdges[s]!.forEach(([c, t], k) => {
        edgeChar[edgeStart[s]! + k] = c;
        edgeTarget[edgeStart[s]! + k] = renumber[t]!;
      });
    }
    const termAt = Int32Array.from(order, (t) => termAtList[t]!);
    // 4. Failure and dictionary links, breadth first.
    const fail = new Int32Array(n);
    const dictLink = new Int32Array(n);
    const queue = new Int32Array(n);
    let head = 0;
    let tail = 0;
    for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) queue[tail++] = edgeTarget[e]!;
    const termLength = Int32Array.from(this.termText, (t) => t.length);
    const compiled = withRoot({ edgeStart, edgeChar, edgeTarget, fail, termAt, dictLink, termLength });
    while (head < tail) {
      const s = queue[head++]!;
      for (let e = edgeStart[s]!; e < edgeStart[s + 1]!; e++) {
        const c = edgeChar[e]!;
        const t = edgeTarget[e]!;
        let f = fail[s]!;
        let to = step(compiled, f, c);
        while (to < 0) {
          f = fail[f]!;
          to = step(compiled, f, c);
        }
        fail[t] = to === t ? 0 : to;
        dictLink[t] = termAt[fail[t]!]! >= 0 ? fail[t]! : dictLink[fail[t]!]!;
        queue[tail++] = t;
      }
    }
    return compiled;
  }

  private tables(): Compiled {
    return (this.compiled ??= this.build());
  }

  /** Builds the automaton now (it is otherwise built on first search); returns the state count. */
  prepare(): number {
    return this.tables().fail.length;
  }

  /** Calls visit(termId, start, end) for every occurrence of every term within text[from, to). */
  private scan(text: string, from: number, to: number, visit: (id: number, start: number, end: number) => boolean | void): void {
    const t = this.tables();
    const { termAt, dictLink, fail, termLength } = t;
    let s = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      let next = step(t, s, c);
      while (next < 0) {
        s = fail[s]!;
        next = step(t, s, c);
      }
      s = next;
      for (let o = termAt[s]! >= 0 ? s : dictLink[s]!; o > 0; o = dictLink[o]!) {
        const id = termAt[o]!;
        const start = i + 1 - termLength[id]!;
        // A term that begins or ends with a Latin letter (pinyin stand-ins, brand names) must not
        // be part of a longer Latin word: "wu" in "wuhan" is not 无.
        if (isAsciiLetter(c) && i + 1 < to && isAsciiLetter(text.charCodeAt(i + 1))) continue;
        if (start > from && isAsciiLetter(text.charCodeAt(start)) && isAsciiLetter(text.charCodeAt(start - 1))) continue;
        if (visit(id, start, i + 1) === true) return;
      }
    }
  }

  /** Length of each term, by term id. */
  termLengths(): Int32Array {
    return this.tables().termLength;
  }

  /** The payloads of term `id`. */
  payloadsOf(id: number): readonly P[] {
    return this.termPayloads[id]!;
  }

  /** Every occurrence of every term in the whole text into `out` (emptied first), in order of
   *  end position. Same walk as scan(), written out so the checker's hot path has no callback. */
  collect(text: string, out: HitBuffer): void {
    out.length = 0;
    const { root, edgeStart, edgeChar, edgeTarget, termAt, dictLink, fail, termLength } = this.tables();
    const to = text.length;
    let s = 0;
    for (let i = 0; i < to; i++) {
      const c = text.charCodeAt(i);
      // step() inlined: this loop is most of a check's automaton time.
      for (;;) {
        if (s === 0) {
          s = root[c]!;
          break;
        }
        let lo = edgeStart[s]!;
        let hi = edgeStart[s + 1]! - 1;
        let next = -1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const m = edgeChar[mid]!;
          if (m === c) {
            next = edgeTarget[mid]!;
            break;
          }
          if (m < c) lo = mid + 1;
          else hi = mid - 1;
        }
        if (next >= 0) {
          s = next;
          break;
        }
        s = fail[s]!;
      }
      if (s === 0) continue;
      for (let o = termAt[s]! >= 0 ? s : dictLink[s]!; o > 0; o = dictLink[o]!) {
        const id = termAt[o]!;
        const start = i + 1 - termLength[id]!;
        // As in scan(): no stand-in inside a longer Latin word.
        if (isAsciiLetter(c) && i + 1 < to && isAsciiLetter(text.charCodeAt(i + 1))) continue;
        if (start > 0 && isAsciiLetter(text.charCodeAt(start)) && isAsciiLetter(text.charCodeAt(start - 1))) continue;
        out.push(id, i + 1);
      }
    }
  }

  /** Calls visit for every occurrence of every term in the text, in order of end position,
   *  without building a result array. (The checker's hot path is collect().) */
  forEachHit(text: string, visit: (payloads: readonly P[], start: number, end: number) => void): void {
    this.scan(text, 0, text.length, (id, start, end) => {
      visit(this.termPayloads[id]!, start, end);
    });
  }

  /** Every occurrence of every term within text[from, to). */
  findAll(text: string, from = 0, to = text.length): TermHit<P>[] {
    const hits: TermHit<P>[] = [];
    this.scan(text, from, to, (id, start, end) => {
      hits.push({ start, end, payloads: this.termPayloads[id]! });
    });
    return hits;
  }

  /** Whether any term occurs entirely within text[from, to). Stops at the first one. */
  occursIn(text: string, from = 0, to = text.length): boolean {
    let found = false;
    this.scan(text, Math.max(0, from), Math.min(text.length, to), () => (found = true));
    return found;
  }
}

/** The goto function: next state, or -1 when state s has no edge for c (root never fails). */
function step(t: Compiled, s: number, c: number): number {
  if (s === 0) return t.root[c]!;
  let lo = t.edgeStart[s]!;
  let hi = t.edgeStart[s + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = t.edgeChar[mid]!;
    if (m === c) return t.edgeTarget[mid]!;
    if (m < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
