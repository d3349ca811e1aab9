import type { Report } from '../api';
import { bucketPoint, fillDays, formatDayLong, formatDayShort, type BucketPoint } from './days';
import { formatInteger, formatUSDExact } from './format';

export type BucketKind = 'day' | 'hour';

/** The label of the bucket of usage whose time is unknown, when the backend gives none. */
const NO_DATE_LABEL = 'No date';

/** Shown for a report without a series or per-day rows and without a note saying why. */
export const NO_BREAKDOWN_NOTICE = 'Per-day figures need a MongoDB connection: the platform’s API reports totals only.';

/** What the "Over time" card shows: the buckets of the period, or a note why there are none. */
export type OverTime =
  | { kind: 'buckets'; bucket: BucketKind; points: BucketPoint[] }
  | { kind: 'note'; note: string };

/**
 * The buckets of a report: its series (every day or hour of the period, in
 * order), else for reports stored before series existed their by_day rows
 * with the missing days filled in; else the backend's series_note (or the
 * legacy notice when it has none).
 */
export function overTime(report: Report): OverTime {
  const series = report.series;
  if (series && Array.isArray(series.rows)) {
    return {
      kind: 'buckets',
      bucket: series.bucket === 'hour' ? 'hour' : 'day',
      points: series.rows.filter(Boolean).map((r) => bucketPoint(r.key ?? '', r)),
    };
  }
  const byDay = report.breakdowns?.by_day;
  if (byDay && byDay.length > 0) return { kind: 'buckets', bucket: 'day', points: fillDays(byDay, report.period) };
  const note = report.series_note?.trim();
  if (note) return { kind: 'note', note };
  if (report.breakdowns) return { kind: 'buckets', bucket: 'day', points: [] };
  return { kind: 'note', note: NO_BREAKDOWN_NOTICE };
}

/** Some bucket has usage (cost, tokens or logs). */
export function hasUsage(points: readonly BucketPoint[]): boolean {
  return points.some((p) => p.costUSD || p.total || p.logs);
}

/**
 * A bucket's name: "Nov 3, 2025" (long) or "Nov 3" (short) for a day, the
 * backend's label ("01:00 EDT") for an hour, "No date" for usage without one.
 */
export function bucketName(p: BucketPoint, bucket: BucketKind, long: boolean): string {
  if (!p.key) return p.label || NO_DATE_LABEL;
  if (bucket === 'hour') return p.label || p.key;
  return long ? formatDayLong(p.key) : formatDayShort(p.key);
}

/**
 * Every figure summed over the buckets, the cost without float noise. Each
 * row's cost is rounded to 4 decimals on its own, so their sum can differ
 * from the report's total in the 4th decimal: pass `reportCostUSD` (the
 * report's total cost, which the buckets always cover) to show that instead.
 */
export function totalOf(points: readonly BucketPoint[], reportCostUSD?: number): BucketPoint {
  const sum = (f: (p: BucketPoint) => number) => points.reduce((s, p) => s + f(p), 0);
  return {
    key: '',
    label: 'Total',
    logs: sum((p) => p.logs),
    costUSD: reportCostUSD ?? Math.round(sum((p) => p.costUSD) * 1e8) / 1e8,
    input: sum((p) => p.input),
    output: sum((p) => p.output),
    cacheCreation: sum((p) => p.cacheCreation),
    cacheRead: sum((p) => p.cacheRead),
    total: sum((p) => p.total),
  };
}

/** One figure column of the table and of its CSV. */
export interface BucketColumn {
  /** The table's column header. */
  label: string;
  /** The CSV column name (the report's field name). */
  csv: string;
  value: (p: BucketPoint) => number;
  /** The exact text shown in the table. */
  format: (v: number) => string;
}

export const BUCKET_COLUMNS: readonly BucketColumn[] = [
  { label: 'Cost', csv: 'cost_usd', value: (p) => p.costUSD, format: formatUSDExact },
  { label: 'Input', csv: 'input_tokens', value: (p) => p.input, format: formatInteger },
  { label: 'Output', csv: 'output_tokens', value: (p) => p.output, format: formatInteger },
  { label: 'Cache write', csv: 'cache_creation_input_tokens', value: (p) => p.cacheCreation, format: formatInteger },
  { label: 'Cache read', csv: 'cache_read_input_tokens', value: (p) => p.cacheRead, format: formatInteger },
  { label: 'Total tokens', csv: 'total_tokens', value: (p) => p.total, format: formatInteger },
  { label: 'Logs', csv: 'logs', value: (p) => p.logs, format: formatInteger },
];

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The buckets as CSV (RFC 4180, CRLF line ends): the key ("day" or "hour"
 * column), the backend's label and every figure unformatted, then a total row.
 */
export function bucketsCSV(points: readonly BucketPoint[], bucket: BucketKind, reportCostUSD?: number): string {
  const line = (cells: string[]) => cells.map(csvField).join(',');
  const row = (key: string, label: string, p: BucketPoint) =>
    line([key, label, ...BUCKET_COLUMNS.map((c) => String(c.value(p)))]);
  return [
    line([bucket, 'label', ...BUCKET_COLUMNS.map((c) => c.csv)]),
    ...points.map((p) => row(p.key, p.key ? p.label : p.label || NO_DATE_LABEL, p)),
    row('total', 'Total', totalOf(points, reportCostUSD)),
  ]
    .map((l) => l + '\r\n')
    .join('');
}
