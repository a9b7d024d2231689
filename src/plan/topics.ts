// Topics and the repeat interval: the same topic must not reach the same audience (a persona's
// customers in a segment, or a group) again within `repeatIntervalDays`.
import { daysBetween } from './dates.ts';
import { pick } from './seeded.ts';

export const serviceTopic = (id: string) => `service:${id}`;
export const themeTopic = (text: string) => `theme:${text}`;

export class TopicHistory {
  /** "segment|topic" → last local date it reached that segment. */
  private readonly last = new Map<string, string>();

  record(audience: string, topic: string, date: string): void {
    const key = `${audience}|${topic}`;
    const prev = this.last.get(key);
    if (!prev || prev < date) this.last.set(key, date);
  }

  lastSeen(audience: string, topic: string): string | undefined {
    return this.last.get(`${audience}|${topic}`);
  }

  /**
   * Picks a topic that has not reached the segment within the interval: never-seen first, then the
   * least recently seen; a stable hash breaks ties. `fresh` is false when every candidate was too recent.
   * Topics in `reserved` are taken only when no other fresh topic is left, so a post that could be
   * about anything leaves the scarce topics (services) to posts that can only be about those.
   */
  choose(candidates: string[], audience: string, date: string, intervalDays: number, salt: string, reserved?: (topic: string) => boolean): { topic: string; fresh: boolean } | undefined {
    if (candidates.length === 0) return undefined;
    const scored = candidates.map((topic) => {
      const seen = this.lastSeen(audience, topic);
      const age = seen === undefined ? Infinity : daysBetween(seen, date);
      return { topic, age };
    });
    const fresh = scored.filter((s) => s.age >= intervalDays && s.age > 0);
    const unreserved = reserved ? fresh.filter((s) => !reserved(s.topic)) : fresh;
    const pool = unreserved.length > 0 ? unreserved : fresh.length > 0 ? fresh : scored;
    const oldest = Math.max(...pool.map((s) => s.age));
    const best = pool.filter((s) => s.age === oldest);
    const chosen = best[pick(best.length, salt, audience, date)]!;
    return { topic: chosen.topic, fresh: fresh.length > 0 };
  }
}
