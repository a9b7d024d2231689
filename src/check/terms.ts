// Literal-term search: a trie over UTF-16 units, walked from every start position, reporting
// every term that occurs (overlapping ones included). Simple and linear in text length × longest
// term, which is plenty for v1; an Aho–Corasick automaton can replace it behind the same interface.

export interface TermHit<P> {
  start: number;
  end: number;
  payloads: readonly P[];
}

interface Node<P> {
  next: Map<number, Node<P>>;
  out: P[] | undefined;
}

const newNode = <P>(): Node<P> => ({ next: new Map(), out: undefined });

export class TermIndex<P> {
  private readonly root: Node<P> = newNode();
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(term: string, payload: P): void {
    if (term.length === 0) return;
    let node = this.root;
    for (let i = 0; i < term.length; i++) {
      const c = term.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) {
        child = newNode();
        node.next.set(c, child);
      }
      node = child;
    }
    if (!node.out) node.out = [];
    if (!node.out.includes(payload)) node.out.push(payload);
    this.count++;
  }

  /** Every occurrence of every term within text[from, to). */
  findAll(text: string, from = 0, to = text.length): TermHit<P>[] {
    const hits: TermHit<P>[] = [];
    for (let i = from; i < to; i++) {
      let node: Node<P> | undefined = this.root;
      for (let j = i; j < to; j++) {
        node = node.next.get(text.charCodeAt(j));
        if (!node) break;
        if (node.out) hits.push({ start: i, end: j + 1, payloads: node.out });
      }
    }
    return hits;
  }

  /** Whether any term occurs entirely within text[from, to). Stops at the first one. */
  occursIn(text: string, from = 0, to = text.length): boolean {
    for (let i = Math.max(0, from); i < to; i++) {
      let node: Node<P> | undefined = this.root;
      for (let j = i; j < to; j++) {
        node = node.next.get(text.charCodeAt(j));
        if (!node) break;
        if (node.out) return true;
      }
    }
    return false;
  }
}
