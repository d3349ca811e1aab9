// The stored reports' shapes (cache.Entry, cache.Warning, app.History,
// app.StoredReport, app.ReportDiff in wailsjs/go/models.ts) as plain types,
// so components and tests need no generated classes.
import type { Period, Report, SourceInfo } from '.';

/** What the history lists for one stored report (cache.Entry). */
export interface StoredEntry {
  id: string;
  profile_id: string;
  profile_name: string;
  period_key: string;
  period: Period;
  source: SourceInfo;
  /** ISO time the report was fetched. */
  fetched_at: string;
  total_cost_usd: number;
  total_tokens: number;
}

/** A stored file that could not be read and was skipped (cache.Warning). */
export interface HistoryWarning {
  file: string;
  reason: string;
}

export interface History {
  /** Newest first. */
  entries: StoredEntry[];
  warnings: HistoryWarning[];
}

export interface StoredReport {
  report: Report;
  entry: StoredEntry;
}

/** How `to` differs from `from`: every figure is to − from (app.ReportDiff). */
export interface ReportDiff {
  from: Report;
  to: Report;
  cost_usd: number;
  total_tokens: number;
  input_tokens: number;
  output_tokens: number;
  cache_creation_tokens: number;
  cache_read_tokens: number;
}
