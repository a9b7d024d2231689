// Calendar arithmetic in the workspace's time zone. Clinics think in local dates and wall-clock
// windows; the database and the queue think in UTC instants.
import { DateTime } from 'luxon';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Parses YYYY-MM-DD strictly; undefined for impossible dates such as 2026-02-30. */
export function parseLocalDate(date: string, zone: string): DateTime | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const dt = DateTime.fromISO(date, { zone });
  return dt.isValid ? dt : undefined;
}

/** The `days` consecutive local dates starting at `from`. */
export function dateRange(from: string, days: number, zone: string): string[] {
  const start = parseLocalDate(from, zone);
  if (!start) throw new Error(`invalid date ${from}`);
  return Array.from({ length: days }, (_, i) => start.plus({ days: i }).toISODate()!);
}

export function weekdayOf(date: string, zone: string): Weekday {
  return WEEKDAYS[parseLocalDate(date, zone)!.weekday - 1]!;
}

/** Days from a to b (b - a), both local dates. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Local date + HH:mm in `zone` → ISO instant in UTC. */
export function localToUtcIso(date: string, time: string, zone: string): string {
  return DateTime.fromISO(`${date}T${time}`, { zone }).toUTC().toISO()!;
}

/** Today's local date in `zone`. */
export function todayIn(zone: string, now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone }).toISODate()!;
}

export const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const fromMinutes = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
