// Deterministic choices: the same workspace and dates always give the same plan, so a re-run or a
// test can reproduce it. A hash of the inputs stands in for randomness.
import { createHash } from 'node:crypto';

/** A stable integer in [0, n) derived from the parts. */
export function pick(n: number, ...parts: (string | number)[]): number {
  if (n <= 0) return 0;
  const digest = createHash('sha1').update(parts.join('|')).digest();
  return digest.readUInt32BE(0) % n;
}
