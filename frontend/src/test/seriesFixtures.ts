// Reports with a series (every day or hour of the period), as the backend
// sends them. Each series sums to makeReport()'s totals: $1,234.5678 and
// 1,234,567 tokens (500,000 input, 234,567 output, 100,000 cache write,
// 400,000 cache read).
import type { Report } from '../api';
import { makeReport, usageRow } from './fixtures';
import { addDays } from '../utils/period';

type Tokens = [number, number, number, number];

/** The days of daySeriesReport() with usage; every other day is a zero row. */
const DAY_USAGE: Record<string, [cost: number, tokens: Tokens, logs: number]> = {
  '2025-11-03': [1000, [400_000, 200_000, 50_000, 300_000], 30],
  '2025-11-25': [200, [100_000, 0, 50_000, 100_000], 10],
};

/** The "No date" row of daySeriesReport(): usage whose log had no time. */
const NO_DATE_ROW = usageRow('', 'No date', 34.5678, [0, 34_567, 0, 0], 2);

/** The 30 days of makeReport()'s period, 2025-10-28 … 2025-11-26. */
const SERIES_DAYS = Array.from({ length: 30 }, (_, i) => addDays('2025-10-28', i));

/** A 30-day report with a day series: "No date" first, then every day (most of them zero rows). */
export function daySeriesReport(over: Record<string, unknown> = {}): Report {
  const rows = SERIES_DAYS.map((day) => {
    const [cost, tokens, logs] = DAY_USAGE[day] ?? [0, [0, 0, 0, 0], 0];
    return usageRow(day, day, cost, tokens, logs);
  });
  return makeReport({
    period: { preset: 'last_30_days', label: 'Last 30 days', start: '2025-10-28T00:00:00Z', end: '2025-11-27T00:00:00Z', time_zone: 'UTC', bucket: 'day' },
    series: { bucket: 'day', rows: [NO_DATE_ROW, ...rows] },
    ...over,
  });
}

/**
 * The hour labels of 2026-11-01 in America/New_York, the day daylight
 * saving time ends: 25 hours, 01:00 twice (EDT, then EST).
 */
export const DST_HOURS: readonly [key: string, label: string][] = [
  ['2026-11-01T00:00:00-04:00', '00:00 EDT'],
  ['2026-11-01T01:00:00-04:00', '01:00 EDT'],
  ['2026-11-01T01:00:00-05:00', '01:00 EST'],
  ...Array.from({ length: 22 }, (_, i): [string, string] => {
    const h = String(i + 2).padStart(2, '0');
    return [`2026-11-01T${h}:00:00-05:00`, `${h}:00 EST`];
  }),
];

/** The hours of dstHourReport() with usage. */
const HOUR_USAGE: Record<string, [cost: number, tokens: Tokens, logs: number]> = {
  '01:00 EDT': [600, [250_000, 100_000, 50_000, 200_000], 12],
  '01:00 EST': [400, [150_000, 100_000, 50_000, 100_000], 8],
  '23:00 EST': [234.5678, [100_000, 34_567, 0, 100_000], 5],
};

/** A one-day report ("Today" on 2026-11-01 in New York) with 25 hourly rows. */
export function dstHourReport(over: Record<string, unknown> = {}): Report {
  const rows = DST_HOURS.map(([key, label]) => {
    const [cost, tokens, logs] = HOUR_USAGE[label] ?? [0, [0, 0, 0, 0], 0];
    return usageRow(key, label, cost, tokens, logs);
  });
  return makeReport({
    period: {
      preset: 'today',
      label: 'Today',
      start: '2026-11-01T04:00:00Z',
      end: '2026-11-02T05:00:00Z',
      time_zone: 'America/New_York',
      bucket: 'hour',
    },
    series: { bucket: 'hour', rows },
    ...over,
  });
}

/** A platform-API report without a series: all time is too long for per-day calls. */
export const SERIES_NOTE = 'Choose a period of at most 93 days to see usage over time.';

export function noSeriesReport(note = SERIES_NOTE): Report {
  return makeReport({
    source: { kind: 'platform', label: 'agents.example.com', account: 'bob' },
    period: { preset: 'all_time', label: 'All time', start: null, end: null, time_zone: 'UTC', bucket: 'day' },
    breakdowns: null,
    series: null,
    series_note: note,
  });
}

/** A report whose series has every bucket, all of them zero. */
export function zeroSeriesReport(): Report {
  return daySeriesReport({
    series: { bucket: 'day', rows: SERIES_DAYS.slice(0, 7).map((d) => usageRow(d, d, 0, [0, 0, 0, 0], 0)) },
  });
}
