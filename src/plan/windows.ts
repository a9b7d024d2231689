// Spreading one persona's Moments of a day over the posting windows: a segment never gets two posts
// in the same window, no window carries more than the per-window cap from one account, and the
// posts of a window get distinct times.
import type { TimeWindow } from '../workspace/schema.ts';
import { fromMinutes, toMinutes } from './dates.ts';
import { pick } from './seeded.ts';

export interface WindowRequest {
  segmentId: string;
  count: number;
}

export interface WindowAssignment {
  segmentId: string;
  /** Index into the policy's windows, ascending for one segment. */
  windows: number[];
}

/** Assigns windows; returns the assignment and whether the per-window cap had to be exceeded. */
export function assignWindows(requests: WindowRequest[], windowCount: number, perWindowCap: number, salt: string): { assignments: WindowAssignment[]; overCap: boolean } {
  const load = new Array<number>(windowCount).fill(0);
  let overCap = false;
  const assignments = requests.map((req, r) => {
    const chosen: number[] = [];
    // Rotate the starting preference per segment and day so segments don't all start in the morning.
    const rotation = pick(windowCount, salt, req.segmentId);
    for (let k = 0; k < Math.min(req.count, windowCount); k++) {
      let best = -1;
      let bestScore = Infinity;
      for (let w = 0; w < windowCount; w++) {
        if (chosen.includes(w)) continue;
        const full = load[w]! >= perWindowCap;
        // Prefer windows far from this segment's other posts (spread over the day), lightly loaded.
        const nearest = chosen.length === 0 ? windowCount : Math.min(...chosen.map((c) => Math.abs(c - w)));
        const order = (w - rotation + windowCount + r) % windowCount;
        const score = (full ? 1000 : 0) + load[w]! * 10 - nearest * 3 + order * 0.1;
        if (score < bestScore) {
          bestScore = score;
          best = w;
        }
      }
      if (load[best]! >= perWindowCap) overCap = true;
      load[best]!++;
      chosen.push(best);
    }
    return { segmentId: req.segmentId, windows: chosen.sort((a, b) => a - b) };
  });
  return { assignments, overCap };
}

/**
 * Distinct times for `n` posts in one window: the window's 5-minute marks (from its start to 5
 * minutes before it closes) are cut into n equal runs and each post takes one mark of its run.
 */
export function timesInWindow(window: TimeWindow, n: number, salt: string): string[] {
  const start = toMinutes(window.start);
  const marks = Math.max(Math.floor((toMinutes(window.end) - 5 - start) / 5) + 1, 1);
  return Array.from({ length: n }, (_, i) => {
    const from = Math.floor((marks * i) / n);
    const to = Math.max(Math.floor((marks * (i + 1)) / n), from + 1);
    return fromMinutes(start + 5 * Math.min(from + pick(to - from, salt, i), marks - 1));
  });
}
