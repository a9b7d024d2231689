// Time as the scheduler and worker see it. The demo compresses a week into seconds: virtual time
// runs `speed` times faster than real time from the moment the clock is made.

export interface Clock {
  /** Virtual now, epoch ms. */
  now(): number;
  /** Real milliseconds to wait until the virtual instant `at` (0 when due). */
  realDelayUntil(at: number): number;
  readonly speed: number;
}

export function compressedClock(speed = 1, origin = Date.now()): Clock {
  if (!(speed >= 1)) throw new Error(`speed must be ≥ 1, got ${speed}`);
  return {
    speed,
    now: () => origin + (Date.now() - origin) * speed,
    realDelayUntil(at) {
      return Math.max(0, Math.ceil((at - this.now()) / speed));
    },
  };
}

export const realClock = (): Clock => compressedClock(1);
