// Small statistics and formatting helpers for the benchmark. The machine running it is noisy, so
// every figure is a median or a percentile, never a mean or a single run.

/** Median of the values (mean of the two middle ones for an even count); NaN when empty. */
export function median(values: readonly number[] | Float64Array): number {
  if (values.length === 0) return Number.NaN;
  const s = Float64Array.from(values).sort();
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0–100): an actually observed value, so p99 of 10,000 posts is
 *  the 9,900th fastest post rather than an interpolation between two posts. */
export function percentile(values: readonly number[] | Float64Array, p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = Float64Array.from(values).sort();
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1]!;
}

export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Milliseconds, switching to µs below 1 ms so per-post latencies stay readable. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 1) return `${(ms * 1000).toFixed(ms < 0.01 ? 2 : 1)} µs`;
  return ms < 100 ? `${ms.toFixed(1)} ms` : `${fmtInt(ms)} ms`;
}

/** Characters per second in M (millions), the unit the throughput goal is discussed in. */
export function fmtRate(charsPerSec: number): string {
  if (!Number.isFinite(charsPerSec)) return '—';
  const m = charsPerSec / 1e6;
  return `${m.toFixed(m < 10 ? 2 : 1)} M/s`;
}

export const fmtRatio = (r: number): string => (Number.isFinite(r) ? `${r.toFixed(r < 10 ? 2 : 1)}×` : '—');

export const fmtMB = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
