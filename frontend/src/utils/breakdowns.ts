/** Wording and ordering for a report's breakdowns (all figures come from the backend). */
import { EVERYONE, EVERYONE_USERNAME, type Report, type UsageRow } from '../api';

/** Whether a profile's account is "*", i.e. the whole team ("Everyone"). */
export function isEveryoneAccount(account?: string): boolean {
  return account?.trim() === EVERYONE;
}

/**
 * The whole team's report: the backend's "Everyone" report (no user id), or
 * any report of a profile whose account is "*".
 */
export function isEveryoneReport(report: Report, account?: string): boolean {
  if (isEveryoneAccount(account)) return true;
  return report.username === EVERYONE_USERNAME && !report.user_id;
}

const MODE_LABELS: Record<string, string> = {
  'api-key': 'Billable (API key)',
  'max-plan': 'Plan-covered (Max plan)',
  '': 'Unknown mode',
};

/** "Billable (API key)", "Plan-covered (Max plan)", "Unknown mode", or the backend's label. */
export function modeLabel(row: Pick<UsageRow, 'key' | 'label'>): string {
  return MODE_LABELS[row.key] ?? (row.label || row.key);
}

/** A row's label, or "Unknown" for a row without one. */
export function rowLabel(row: Pick<UsageRow, 'key' | 'label'>): string {
  return row.label || row.key || 'Unknown';
}

/**
 * A row's share of the period's cost, 0..1 — only to size a bar (the figures
 * shown are the backend's). 0 when the total is 0 or missing.
 */
export function costShare(rowCost: number | undefined, totalCost: number | undefined): number {
  if (!rowCost || !totalCost || !Number.isFinite(rowCost) || !Number.isFinite(totalCost) || totalCost <= 0) return 0;
  return Math.min(1, Math.max(0, rowCost / totalCost));
}

export type SortOrder = 'asc' | 'desc';

const collator = new Intl.Collator('en-US', { sensitivity: 'base', numeric: true });

/** The row of usage that belongs to no user. */
export function isUnassigned(row: Pick<UsageRow, 'key'>): boolean {
  return row.key === '';
}

/** What rows are sorted by: their label, or a figure of theirs. */
export type SortBy = 'label' | ((r: UsageRow) => number | undefined);

/**
 * Rows in the given order (a new array). By a figure, ties fall back to the
 * label (A→Z); by label, rows for which `pinLast` holds (the Unassigned row by
 * default) always come last.
 */
export function sortRows(
  rows: readonly UsageRow[],
  by: SortBy,
  order: SortOrder,
  pinLast: (r: UsageRow) => boolean = isUnassigned,
): UsageRow[] {
  const dir = order === 'asc' ? 1 : -1;
  const byName = (a: UsageRow, b: UsageRow) => collator.compare(a.label ?? '', b.label ?? '');
  return [...rows].sort((a, b) => {
    if (by === 'label') {
      const pa = pinLast(a);
      const pb = pinLast(b);
      if (pa !== pb) return pa ? 1 : -1;
      return dir * byName(a, b);
    }
    const d = (by(a) || 0) - (by(b) || 0);
    return d !== 0 ? dir * d : byName(a, b);
  });
}

/** The sum of a figure over rows (missing values count 0). */
export function sumRows(rows: readonly UsageRow[] | null | undefined, get: (r: UsageRow) => number | undefined): number {
  return (rows ?? []).reduce((acc, r) => acc + (get(r) || 0), 0);
}
