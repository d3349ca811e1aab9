import { describe, expect, it } from 'vitest';
import { customRequest, isDayKey, parseRequest, presetRequest, rangeLabel, requestKey, todayKey, validateRange } from './period';

describe('custom range validation', () => {
  it('accepts real days only', () => {
    expect(isDayKey('2024-02-29')).toBe(true);
    expect(isDayKey('2025-02-29')).toBe(false);
    expect(isDayKey('2025-13-01')).toBe(false);
    expect(isDayKey('2025-1-01')).toBe(false);
    expect(isDayKey('01/11/2025')).toBe(false);
  });

  it('says what is wrong with each field', () => {
    const today = '2026-11-26';
    expect(validateRange('2026-11-01', '2026-11-26', today)).toEqual({});
    expect(validateRange('2026-11-26', '2026-11-26', today)).toEqual({});
    expect(validateRange('', 'nope', today)).toEqual({
      from: 'Enter a date as YYYY-MM-DD.',
      to: 'Not a date: use YYYY-MM-DD, e.g. 2026-11-03.',
    });
    expect(validateRange('2026-11-10', '2026-11-09', today)).toEqual({ to: 'Must be on or after the From date.' });
    expect(validateRange('2026-11-27', '2026-11-28', today)).toEqual({
      from: 'Must not be after today (2026-11-26).',
      to: 'Must not be after today (2026-11-26).',
    });
  });

  it('knows today in UTC and locally', () => {
    const now = new Date(Date.UTC(2026, 10, 26, 23, 30));
    expect(todayKey(true, now)).toBe('2026-11-26');
    const local = new Date(2026, 0, 2, 0, 5);
    expect(todayKey(false, local)).toBe('2026-01-02');
  });
});

describe('period requests', () => {
  it('labels custom ranges', () => {
    expect(rangeLabel('2025-11-03', '2025-11-03')).toBe('Nov 3, 2025');
    expect(rangeLabel('2025-11-03', '2025-11-10')).toBe('Nov 3 – Nov 10, 2025');
    expect(rangeLabel('2025-12-28', '2026-01-03')).toBe('Dec 28, 2025 – Jan 3, 2026');
  });

  it('compares by value', () => {
    expect(requestKey(presetRequest('today'))).toBe(requestKey({ ...presetRequest('today') }));
    expect(requestKey(presetRequest('today'))).not.toBe(requestKey(presetRequest('today', true)));
    expect(requestKey(customRequest('2025-11-01', '2025-11-02'))).not.toBe(requestKey(customRequest('2025-11-01', '2025-11-03')));
  });

  it('reads back only what it could have written', () => {
    const ids = ['today', 'last_30_days'];
    expect(parseRequest(presetRequest('today', true), ids)).toEqual(presetRequest('today', true));
    expect(parseRequest({ ...presetRequest('today'), from: 'x' }, ids)).toEqual(presetRequest('today'));
    expect(parseRequest(customRequest('2025-11-01', '2025-11-02'), ids)).toEqual(customRequest('2025-11-01', '2025-11-02'));
    for (const bad of [null, 'today', [], { preset: 'today' }, { preset: 'yearly', utc: false }, { preset: 'custom', from: '2025-11-01', utc: true }]) {
      expect(parseRequest(bad, ids)).toBeUndefined();
    }
  });
});
