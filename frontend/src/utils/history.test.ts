import { describe, expect, it } from 'vitest';
import { entry } from '../test/storedFixtures';
import { formatSignedCompact, formatSignedInteger, formatSignedUSD, formatSignedUSDExact, formatSince } from './format';
import { compareTarget, skippedTitle } from './history';

const a3 = entry({ id: 'a3' });
const b2 = entry({ id: 'b2', profile_id: 'p-other' });
const a2 = entry({ id: 'a2', period_key: 'today@UTC' });
const a1 = entry({ id: 'a1' });
const all = [a3, b2, a2, a1]; // newest first

describe('compareTarget', () => {
  it('picks the newest report of the same connection and period', () => {
    expect(compareTarget(a1, all)?.id).toBe('a3');
  });
  it('falls back to the newest of the same connection', () => {
    expect(compareTarget(a2, all)?.id).toBe('a3');
  });
  it('has nothing to compare the newest report with', () => {
    expect(compareTarget(a3, all)).toBeUndefined();
    expect(compareTarget(b2, all)).toBeUndefined();
  });
  it('prefers the stored report on screen', () => {
    expect(compareTarget(a3, all, a1)?.id).toBe('a1');
    expect(compareTarget(a1, all, a1)?.id).toBe('a3');
  });
});

describe('signed formats', () => {
  it.each([
    [formatSignedUSD, 234.5678, '+$234.57'],
    [formatSignedUSD, -65.4322, '-$65.43'],
    [formatSignedUSD, 0, '$0.00'],
    [formatSignedUSD, 0.001, '$0.00'],
    [formatSignedUSDExact, 0.001, '+$0.0010'],
    [formatSignedCompact, 234_567, '+234.6K'],
    [formatSignedCompact, -765_433, '-765.4K'],
    [formatSignedCompact, 0, '0'],
    [formatSignedInteger, 1_234_567, '+1,234,567'],
    [formatSignedInteger, Number.NaN, '—'],
  ])('%o(%d) = %s', (fn, v, want) => {
    expect(fn(v)).toBe(want);
  });

  it('gives the time alone for today', () => {
    const now = new Date(2025, 10, 26, 18, 0).getTime();
    expect(formatSince(new Date(2025, 10, 26, 15, 4).toISOString(), now)).toMatch(/^3:04\sPM$/);
    expect(formatSince(new Date(2025, 10, 25, 15, 4).toISOString(), now)).toMatch(/^Nov 25, 2025, 3:04\sPM$/);
  });
});

describe('skippedTitle', () => {
  it('counts', () => {
    expect(skippedTitle(1)).toBe('1 stored report could not be read and was skipped');
    expect(skippedTitle(3)).toBe('3 stored reports could not be read and were skipped');
  });
});
