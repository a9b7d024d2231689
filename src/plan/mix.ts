// Content-type mix: each persona's posts to a segment follow the policy's target shares, with the
// promotional share (product + promotion) never above the ceiling — too many ads and customers mute
// the account (seed 002).
import { CONTENT_TYPES, PROMOTIONAL_TYPES, type ContentType } from '../domain/types.ts';
import type { Policy } from '../workspace/schema.ts';

export type Shares = Record<ContentType, number>;

export function normaliseMix(mix: Policy['mix']): Shares {
  const total = CONTENT_TYPES.reduce((s, t) => s + (mix[t] ?? 0), 0);
  return Object.fromEntries(CONTENT_TYPES.map((t) => [t, (mix[t] ?? 0) / total])) as Shares;
}

export class MixTracker {
  private readonly counts = Object.fromEntries(CONTENT_TYPES.map((t) => [t, 0])) as Record<ContentType, number>;
  private total = 0;
  lastToday: ContentType | undefined;

  constructor(
    private readonly shares: Shares,
    private readonly ceiling: number,
  ) {}

  record(type: ContentType): void {
    this.counts[type]++;
    this.total++;
    this.lastToday = type;
  }

  /** Whether one more post of this type keeps the promotional share within the ceiling. */
  allows(type: ContentType): boolean {
    if (!PROMOTIONAL_TYPES.includes(type)) return true;
    const promo = PROMOTIONAL_TYPES.reduce((s, t) => s + this.counts[t], 0);
    return (promo + 1) / (this.total + 1) <= this.ceiling + 1e-9;
  }

  /**
   * The allowed type furthest behind its target share (largest deficit), among `among`.
   * Repeating the previous type of the same day is avoided when another type is possible.
   */
  choose(among: readonly ContentType[] = CONTENT_TYPES): ContentType | undefined {
    const allowed = among.filter((t) => this.shares[t] > 0 && this.allows(t));
    const varied = allowed.filter((t) => t !== this.lastToday);
    const pool = varied.length > 0 ? varied : allowed;
    let best: ContentType | undefined;
    let bestDeficit = -Infinity;
    for (const t of pool) {
      const deficit = this.shares[t] * (this.total + 1) - this.counts[t];
      if (deficit > bestDeficit + 1e-9) {
        best = t;
        bestDeficit = deficit;
      }
    }
    return best;
  }

  share(type: ContentType): number {
    return this.total === 0 ? 0 : this.counts[type] / this.total;
  }

  promotionalShare(): number {
    return this.total === 0 ? 0 : PROMOTIONAL_TYPES.reduce((s, t) => s + this.counts[t], 0) / this.total;
  }
}
