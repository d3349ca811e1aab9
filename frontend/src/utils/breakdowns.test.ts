import { describe, expect, it } from 'vitest';
import type { UsageRow } from '../api';
import { BY_USER, everyoneReport, makeReport } from '../test/fixtures';
import { costShare, isEveryoneReport, modeLabel, rowLabel, sortRows } from './breakdowns';

describe('breakdowns utils', () => {
  it('recognises the everyone report', () => {
    expect(isEveryoneReport(everyoneReport())).toBe(true);
    expect(isEveryoneReport(makeReport())).toBe(false);
    expect(isEveryoneReport(makeReport(), ' * ')).toBe(true);
    // A platform user who happens to be called "Everyone" has a user id.
    expect(isEveryoneReport(makeReport({ username: 'Everyone', user_id: 'u9' }))).toBe(false);
  });

  it('names modes and rows', () => {
    expect(modeLabel({ key: 'api-key', label: 'api-key' })).toBe('Billable (API key)');
    expect(modeLabel({ key: 'max-plan', label: 'max-plan' })).toBe('Plan-covered (Max plan)');
    expect(modeLabel({ key: '', label: 'Unknown' })).toBe('Unknown mode');
    expect(modeLabel({ key: 'enterprise', label: 'enterprise' })).toBe('enterprise');
    expect(rowLabel({ key: 'w1', label: 'Triage' })).toBe('Triage');
    expect(rowLabel({ key: '', label: '' })).toBe('Unknown');
  });

  it.each([
    [50, 200, 0.25],
    [200, 200, 1],
    [300, 200, 1],
    [5, 0, 0],
    [0, 10, 0],
    [Number.NaN, 10, 0],
    [undefined, 10, 0],
  ])('costShare(%s, %s) = %s', (row, total, share) => {
    expect(costShare(row, total)).toBe(share);
  });

  it('sorts user rows without changing the input', () => {
    const rows = BY_USER.map((r) => ({ ...r }));
    const keys = (rs: UsageRow[]) => rs.map((r) => r.key);
    const cacheRead = (r: UsageRow) => r.tokens?.cache_read_input_tokens;
    const cacheWrite = (r: UsageRow) => r.tokens?.cache_creation_input_tokens;
    expect(keys(sortRows(rows, 'label', 'asc'))).toEqual(['u-alice', 'u-bob', 'u-carol', '']);
    expect(keys(sortRows(rows, 'label', 'desc'))).toEqual(['u-carol', 'u-bob', 'u-alice', '']);
    expect(keys(sortRows(rows, cacheRead, 'desc'))).toEqual(['u-bob', 'u-alice', '', 'u-carol']);
    // Carol and Unassigned tie: by name.
    expect(keys(sortRows(rows, cacheWrite, 'asc'))).toEqual(['u-carol', '', 'u-alice', 'u-bob']);
    expect(keys(rows)).toEqual(['u-bob', 'u-alice', '', 'u-carol']);
  });
});
