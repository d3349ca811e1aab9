import { describe, expect, it } from 'vitest';
import {
  DASH,
  formatBudgetUSD,
  formatMonthEnd,
  formatPercent,
  formatCompact,
  formatDateTime,
  formatDecimal1,
  formatDuration,
  formatDurationExact,
  formatInteger,
  formatPeriodRange,
  formatRelativeTime,
  formatShare,
  formatShareExact,
  formatUSD,
  formatUSDExact,
  formatUnitCost,
} from './format';

type Case = [input: number | null | undefined, want: string];

const missing: Case[] = [
  [undefined, DASH],
  [null, DASH],
  [Number.NaN, DASH],
  [Number.POSITIVE_INFINITY, DASH],
];

function table(name: string, fn: (v: number | null | undefined) => string, cases: Case[]) {
  describe(name, () => {
    it.each([...cases, ...missing])('%s → %s', (input, want) => {
      expect(fn(input)).toBe(want);
    });
  });
}

table('formatUSD', formatUSD, [
  [0, '$0.00'],
  [0.42, '$0.42'],
  [1234.5678, '$1,234.57'],
  [1234.565, '$1,234.57'],
  [999.999, '$1,000.00'],
  [1.005, '$1.01'],
  [0.125, '$0.13'],
  [1_000_000, '$1,000,000.00'],
  [-12.5, '-$12.50'],
  [-0.001, '$0.00'],
]);

table('formatUSDExact', formatUSDExact, [
  [0, '$0.0000'],
  [1234.5678, '$1,234.5678'],
  [1234.56789, '$1,234.5679'],
  [0.00005, '$0.0001'],
  [0.42, '$0.4200'],
  [-3, '-$3.0000'],
]);

table('formatUnitCost', formatUnitCost, [
  [0, '$0.0000'],
  [0.0123456, '$0.0123'],
  [0.99994, '$0.9999'],
  [0.99996, '$1.0000'],
  [1, '$1.00'],
  [1.5, '$1.50'],
  [12.345, '$12.35'],
]);

table('formatInteger', formatInteger, [
  [0, '0'],
  [999, '999'],
  [1000, '1,000'],
  [1_234_567, '1,234,567'],
  [1_000_000_000, '1,000,000,000'],
  [12.5, '13'],
  [-1234, '-1,234'],
]);

table('formatDecimal1', formatDecimal1, [
  [0, '0.0'],
  [950, '950.0'],
  [12345.67, '12,345.7'],
  [3578.4551, '3,578.5'],
  [0.05, '0.1'],
]);

table('formatCompact', formatCompact, [
  [0, '0'],
  [7, '7'],
  [950, '950'],
  [999, '999'],
  [12.5, '12.5'],
  [999.94, '999.9'],
  [999.96, '1K'],
  [1000, '1K'],
  [1234, '1.2K'],
  [1250, '1.3K'],
  [10_000, '10K'],
  [999_949, '999.9K'],
  [999_950, '1M'],
  [1_050_000, '1.1M'],
  [1_234_567, '1.2M'],
  [2_500_000, '2.5M'],
  [999_950_000, '1B'],
  [1_000_000_000, '1B'],
  [1_500_000_000_000, '1.5T'],
  [1_500_000_000_000_000, '1,500T'],
  [-1234, '-1.2K'],
]);

table('formatShare', formatShare, [
  [0, '0.0%'],
  [1, '100.0%'],
  [0.425, '42.5%'],
  [0.4253, '42.5%'],
  [0.0625, '6.3%'],
  [0.57, '57.0%'],
  [0.99999, '100.0%'],
]);

table('formatShareExact', formatShareExact, [
  [0, '0.00%'],
  [1, '100.00%'],
  [0.4253, '42.53%'],
  [0.42535, '42.54%'],
  [1 / 3, '33.33%'],
]);

table('formatDuration', formatDuration, [
  [0, '0 ms'],
  [850, '850 ms'],
  [999.4, '999 ms'],
  [1000, '1s'],
  [45_999, '45s'],
  [60_000, '1m'],
  [725_000, '12m 5s'],
  [3_599_999, '59m 59s'],
  [3_600_000, '1h'],
  [12_300_000, '3h 25m'],
  [86_399_999, '23h 59m'],
  [86_400_000, '1d'],
  [187_200_000, '2d 4h'],
  [-850, '-850 ms'],
]);

table('formatDurationExact', formatDurationExact, [
  [0, '0 ms'],
  [850, '850 ms'],
  [12_300_000, '12,300,000 ms'],
]);

describe('dates', () => {
  it('formats a period range by local day', () => {
    const start = new Date(2025, 9, 28, 0, 0, 0, 0).toISOString();
    const end = new Date(2025, 10, 26, 23, 59, 59, 999).toISOString();
    expect(formatPeriodRange(start, end)).toMatch(/^Oct 28\s?–\s?Nov 26, 2025$/);
  });

  it('formats a one-day period as one date', () => {
    const start = new Date(2025, 10, 26, 0, 0, 0, 0).toISOString();
    const end = new Date(2025, 10, 26, 23, 59, 59, 999).toISOString();
    expect(formatPeriodRange(start, end)).toBe('Nov 26, 2025');
  });

  it('formats a period by the days of its own time zone', () => {
    // A UTC week seen from New York: its first instant is the evening before there.
    const start = '2026-11-20T00:00:00Z';
    const end = '2026-11-26T23:59:59.999Z';
    expect(formatPeriodRange(start, end, 'UTC')).toMatch(/^Nov 20\s?–\s?26, 2026$/);
    expect(formatPeriodRange(start, end, 'America/New_York')).toMatch(/^Nov 19\s?–\s?26, 2026$/);
    expect(formatPeriodRange(start, null, 'Not/AZone')).toMatch(/^Since Nov (19|20), 2026$/);
  });

  it('formats open periods', () => {
    expect(formatPeriodRange(null, null)).toBe('All recorded usage');
    expect(formatPeriodRange(undefined, undefined)).toBe('All recorded usage');
    expect(formatPeriodRange(new Date(2025, 0, 2).toISOString(), null)).toBe('Since Jan 2, 2025');
    expect(formatPeriodRange('not a date', null)).toBe('All recorded usage');
  });

  it('formats date-times and relative times', () => {
    expect(formatDateTime(undefined)).toBe(DASH);
    expect(formatDateTime(new Date(2025, 10, 26, 15, 4).toISOString())).toMatch(/^Nov 26, 2025, 3:04\sPM$/);
    const now = Date.UTC(2025, 10, 26, 12, 0, 0);
    const ago = (ms: number) => new Date(now - ms).toISOString();
    expect(formatRelativeTime(ago(5_000), now)).toBe('just now');
    expect(formatRelativeTime(ago(120_000), now)).toBe('2 minutes ago');
    expect(formatRelativeTime(ago(3 * 3_600_000), now)).toBe('3 hours ago');
    expect(formatRelativeTime(ago(86_400_000), now)).toBe('yesterday');
    expect(formatRelativeTime('', now)).toBe(DASH);
  });

  it('formats budgets, budget used and the month end', () => {
    expect(formatBudgetUSD(100)).toBe('$100');
    expect(formatBudgetUSD(1250)).toBe('$1,250');
    expect(formatBudgetUSD(99.5)).toBe('$99.50');
    expect(formatBudgetUSD(undefined)).toBe(DASH);
    expect(formatPercent(0.623412)).toBe('62%');
    expect(formatPercent(0.625)).toBe('63%');
    expect(formatPercent(1.25)).toBe('125%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(NaN)).toBe(DASH);
    expect(formatShareExact(0.623412)).toBe('62.34%');
    expect(formatMonthEnd(new Date(2025, 10, 20, 9).toISOString())).toBe('Nov 30');
    expect(formatMonthEnd(new Date(2024, 1, 3).toISOString())).toBe('Feb 29');
    expect(formatMonthEnd('', new Date(2025, 11, 31, 23).getTime())).toBe('Dec 31');
  });
});
