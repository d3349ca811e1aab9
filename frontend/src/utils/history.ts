import type { StoredEntry } from '../api';

/**
 * The stored report "Compare with current" compares `entry` with: the stored
 * report on screen when there is one, otherwise the newest stored report of
 * the same connection and period, otherwise the newest of the same connection.
 * Undefined when that is `entry` itself (nothing newer to compare with).
 * `entries` are newest first.
 */
export function compareTarget(entry: StoredEntry, entries: StoredEntry[], current?: StoredEntry): StoredEntry | undefined {
  if (current && current.id !== entry.id) return current;
  const sameProfile = entries.filter((e) => e.profile_id === entry.profile_id);
  const samePeriod = sameProfile.find((e) => e.period_key === entry.period_key);
  if (samePeriod && samePeriod.id !== entry.id) return samePeriod;
  const newest = sameProfile[0];
  return newest && newest.id !== entry.id ? newest : undefined;
}

/** "3 stored reports could not be read and were skipped" */
export function skippedTitle(n: number): string {
  return n === 1
    ? '1 stored report could not be read and was skipped'
    : `${n} stored reports could not be read and were skipped`;
}
