// Where one lexicon's words occur in the folded text, answered from the single scan. Spans are
// kept as parallel number arrays (a long text can hold tens of thousands of lexicon hits; no
// object per hit) and sorted by start on first query, so window queries are a binary search,
// not a walk over every span.

export interface Span {
  start: number;
  end: number;
}

export class LexiconHits {
  private starts: number[] = [];
  private ends: number[] = [];
  private sorted = true;

  push(start: number, end: number): void {
    const n = this.starts.length;
    if (n > 0 && start < this.starts[n - 1]!) this.sorted = false;
    this.starts.push(start);
    this.ends.push(end);
  }

  get any(): boolean {
    return this.starts.length > 0;
  }

  /** Sorts by start, then end (the order the spans had as objects before). */
  private sort(): void {
    const order = this.starts.map((_, i) => i).sort((a, b) => this.starts[a]! - this.starts[b]! || this.ends[a]! - this.ends[b]!);
    this.starts = order.map((i) => this.starts[i]!);
    this.ends = order.map((i) => this.ends[i]!);
    this.sorted = true;
  }

  /** Index of the first span starting at or after `from`. */
  private lowerBound(from: number): number {
    if (!this.sorted) this.sort();
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether a word of the lexicon lies entirely within [from, to). */
  occursIn(from: number, to: number): boolean {
    for (let i = this.lowerBound(from); i < this.starts.length && this.starts[i]! < to; i++) {
      if (this.ends[i]! <= to) return true;
    }
    return false;
  }

  /** Every occurrence within [from, to). */
  within(from: number, to: number): Span[] {
    const out: Span[] = [];
    for (let i = this.lowerBound(from); i < this.starts.length && this.starts[i]! < to; i++) {
      if (this.ends[i]! <= to) out.push({ start: this.starts[i]!, end: this.ends[i]! });
    }
    return out;
  }
}
