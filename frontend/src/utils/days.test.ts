import { describe, expect, it } from 'vitest';
import { backend } from '@wails/go/models';
import { usageRow } from '../test/fixtures';
import { dayKeyIn, fillDays, formatDayLong, formatDayShort } from './days';

const row = (key: string, cost: number) => backend.UsageRow.createFrom(usageRow(key, key, cost));
const period = (start: string | null, end: string | null, time_zone = 'UTC') =>
  backend.Period.createFrom({ preset: 'p', label: 'P', start, end, time_zone });

describe('fillDays', () => {
  it('fills the gaps between the first and last day with zeros', () => {
    const days = fillDays([row('2025-11-03', 1), row('2025-11-06', 2)]);
    expect(days.map((d) => [d.key, d.costUSD, d.logs])).toEqual([
      ['2025-11-03', 1, 1],
      ['2025-11-04', 0, 0],
      ['2025-11-05', 0, 0],
      ['2025-11-06', 2, 1],
    ]);
  });

  it('widens to the period in its time zone, an end at midnight being exclusive', () => {
    const p = period('2025-11-01T04:00:00Z', '2025-11-06T05:00:00Z', 'America/New_York');
    expect(fillDays([row('2025-11-03', 1)], p).map((d) => d.key)).toEqual([
      '2025-11-01',
      '2025-11-02',
      '2025-11-03',
      '2025-11-04',
      '2025-11-05',
    ]);
  });

  it('does not widen to periods longer than 92 days or open-ended ones', () => {
    expect(fillDays([row('2025-11-03', 1)], period('2025-01-01T00:00:00Z', '2025-12-01T00:00:00Z'))).toHaveLength(1);
    expect(fillDays([row('2025-11-03', 1)], period(null, '2025-12-01T00:00:00Z'))).toHaveLength(1);
  });

  it('crosses month ends and DST changes day by day', () => {
    const days = fillDays([row('2025-10-30', 1), row('2025-11-03', 1)], period(null, null, 'Europe/Berlin'));
    expect(days.map((d) => d.key)).toEqual(['2025-10-30', '2025-10-31', '2025-11-01', '2025-11-02', '2025-11-03']);
  });

  it('is empty without rows or period', () => {
    expect(fillDays(null)).toEqual([]);
  });
});

describe('day labels', () => {
  it('formats keys short and long, whatever the local zone', () => {
    expect(formatDayShort('2025-11-03')).toBe('Nov 3');
    expect(formatDayLong('2025-11-03')).toBe('Nov 3, 2025');
    expect(formatDayShort('n/a')).toBe('n/a');
  });

  it('finds the day of an instant in a time zone (UTC when unknown)', () => {
    expect(dayKeyIn('2025-11-03T02:00:00Z', 'America/Los_Angeles')).toBe('2025-11-02');
    expect(dayKeyIn('2025-11-03T02:00:00Z', 'Not/AZone')).toBe('2025-11-03');
  });
});
