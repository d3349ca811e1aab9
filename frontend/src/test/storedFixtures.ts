import type { History, Report, ReportDiff, StoredEntry, StoredReport } from '../api';
import { makeReport } from './fixtures';

export const HOUR = 3_600_000;

/** ISO time `ms` ago. */
export const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** A stored report's entry, as HistoryService.List sends it (fetched 2 hours ago by default). */
export function entry(over: Partial<StoredEntry> = {}): StoredEntry {
  return {
    id: 'r-1',
    profile_id: 'p-mongo',
    profile_name: 'Production DB',
    period_key: 'last_30_days@UTC',
    period: {
      preset: 'last_30_days',
      label: 'Last 30 days',
      start: '2025-10-28T00:00:00Z',
      end: '2025-11-26T23:59:59.999Z',
      bucket: 'day',
      time_zone: 'UTC',
    },
    source: { kind: 'mongodb', label: 'MongoDB 127.0.0.1:40123 / claude_workflows', account: 'alice' },
    fetched_at: ago(2 * HOUR),
    total_cost_usd: 1000,
    total_tokens: 1_000_000,
    ...over,
  };
}

/** The stored report of `e`: makeReport() with the entry's totals. */
export function stored(e: StoredEntry = entry(), over: Record<string, unknown> = {}): StoredReport {
  const report: Report = makeReport({
    total_cost_usd: e.total_cost_usd,
    total_tokens: e.total_tokens,
    generated_at: e.fetched_at,
    period: e.period,
    ...over,
  });
  return { report, entry: e };
}

export function history(entries: StoredEntry[], warnings: History['warnings'] = []): History {
  return { entries, warnings };
}

/** The diff of two stored reports (to − from), as HistoryService.Compare computes it. */
export function diff(from: StoredReport, to: StoredReport): ReportDiff {
  const a = from.report;
  const b = to.report;
  return {
    from: a,
    to: b,
    cost_usd: Math.round((b.total_cost_usd - a.total_cost_usd) * 1e4) / 1e4,
    total_tokens: b.total_tokens - a.total_tokens,
    input_tokens: b.total_input_tokens - a.total_input_tokens,
    output_tokens: b.total_output_tokens - a.total_output_tokens,
    cache_creation_tokens: b.total_cache_creation_tokens - a.total_cache_creation_tokens,
    cache_read_tokens: b.total_cache_read_tokens - a.total_cache_read_tokens,
  };
}
