import type { Period, UsageRow } from '../api';

/** The longest period (in days) whose empty days are filled in from its start/end. */
const MAX_FILLED_PERIOD_DAYS = 92;

/**
 * One bucket (day or hour) of the "Over time" card: a series or by_day row,
 * or zeros for a day without logs.
 */
export interface BucketPoint {
  /**
   * The backend's key: "YYYY-MM-DD" in the report's time zone for a day, the
   * hour's RFC 3339 start for an hour, "" for usage without a date.
   */
  key: string;
  /** The backend's label ("2026-11-03", "01:00 EDT", "No date"); the key for a filled-in day. */
  label: string;
  logs: number;
  costUSD: number;
  input: number;
  output: number;
  cacheCreation: number;
  cacheRead: number;
  total: number;
}

const KEY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** One day in ms (a UTC day: no daylight-saving change). */
export const DAY_MS = 86_400_000;

/** The UTC midnight of a "YYYY-MM-DD" key in ms, or undefined when it has another form (2025-02-30 rolls over to Mar 2). */
export function keyToUTC(key: string): number | undefined {
  const m = KEY_RE.exec(key);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
}

/** The "YYYY-MM-DD" UTC day of an instant in ms. */
export function utcToKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function keyFormatter(timeZone: string): Intl.DateTimeFormat {
  const opts: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
  try {
    return new Intl.DateTimeFormat('en-CA', { ...opts, timeZone: timeZone || 'UTC' });
  } catch {
    return new Intl.DateTimeFormat('en-CA', { ...opts, timeZone: 'UTC' });
  }
}

/** The "YYYY-MM-DD" day of an instant in `timeZone` (UTC when unknown). */
export function dayKeyIn(instant: string | Date, timeZone: string): string | undefined {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) return undefined;
  const parts = keyFormatter(timeZone).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The first and last day of the period, when both ends are set (end read as exclusive-safe). */
function periodDays(period: Period | undefined): [number, number] | undefined {
  if (!period?.start || !period.end) return undefined;
  const start = new Date(period.start);
  const endRaw = new Date(period.end);
  if (Number.isNaN(start.getTime()) || Number.isNaN(endRaw.getTime()) || endRaw <= start) return undefined;
  // An end at midnight is the (exclusive) start of the next day: step back 1 ms.
  const end = new Date(endRaw.getTime() - 1);
  const a = keyToUTC(dayKeyIn(start, period.time_zone) ?? '');
  const b = keyToUTC(dayKeyIn(end, period.time_zone) ?? '');
  if (a === undefined || b === undefined) return undefined;
  return (b - a) / DAY_MS + 1 <= MAX_FILLED_PERIOD_DAYS ? [a, b] : undefined;
}

/** A row as a point; zeros when there is no row. */
export function bucketPoint(key: string, row?: UsageRow): BucketPoint {
  const t = row?.tokens;
  return {
    key,
    label: row?.label || key,
    logs: row?.logs ?? 0,
    costUSD: row?.cost_usd ?? 0,
    input: t?.input_tokens ?? 0,
    output: t?.output_tokens ?? 0,
    cacheCreation: t?.cache_creation_input_tokens ?? 0,
    cacheRead: t?.cache_read_input_tokens ?? 0,
    total: t?.total_tokens ?? 0,
  };
}

/**
 * by_day with the days without logs filled in with zeros: every day from the
 * first to the last by_day key, widened to the period's start..end when both
 * are set and it spans at most MAX_FILLED_PERIOD_DAYS days. Ascending.
 */
export function fillDays(rows: readonly UsageRow[] | null | undefined, period?: Period): BucketPoint[] {
  const byKey = new Map<string, UsageRow>();
  for (const r of rows ?? []) if (r) byKey.set(r.key, r);
  const stamps = [...byKey.keys()].map(keyToUTC).filter((v): v is number => v !== undefined);
  const range = periodDays(period);
  if (range) stamps.push(...range);
  if (stamps.length === 0) return [...byKey.values()].map((r) => bucketPoint(r.key, r));
  const first = Math.min(...stamps);
  const last = Math.max(...stamps);
  const out: BucketPoint[] = [];
  for (let ms = first; ms <= last; ms += DAY_MS) {
    const key = utcToKey(ms);
    out.push(bucketPoint(key, byKey.get(key)));
  }
  return out;
}

const shortFmt = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const longFmt = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/** "2025-11-03" → "Nov 3" (the key itself when it is no date). */
export function formatDayShort(key: string): string {
  const ms = keyToUTC(key);
  return ms === undefined ? key : shortFmt.format(ms);
}

/** "2025-11-03" → "Nov 3, 2025". */
export function formatDayLong(key: string): string {
  const ms = keyToUTC(key);
  return ms === undefined ? key : longFmt.format(ms);
}
