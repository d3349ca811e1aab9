import { describe, expect, it } from 'vitest';
import { backend } from '@wails/go/models';
import { breakdowns, makeReport, usageRow as rowOf } from '../test/fixtures';
import { daySeriesReport, noSeriesReport, SERIES_NOTE } from '../test/seriesFixtures';
import { bucketName, bucketsCSV, hasUsage, NO_BREAKDOWN_NOTICE, overTime, totalOf } from './buckets';
import { bucketPoint } from './days';

const usageRow = (...args: Parameters<typeof rowOf>) => backend.UsageRow.createFrom(rowOf(...args));

describe('overTime', () => {
  it('prefers the series, then by_day, then the note', () => {
    const series = overTime(daySeriesReport({ breakdowns: breakdowns() }));
    expect(series.kind === 'buckets' && series.points.length).toBe(31);
    const legacy = overTime(makeReport({ breakdowns: breakdowns() }));
    expect(legacy.kind === 'buckets' && legacy.points.map((p) => p.key).slice(-2)).toEqual(['2025-11-25', '2025-11-26']);
    expect(overTime(noSeriesReport())).toEqual({ kind: 'note', note: SERIES_NOTE });
    expect(overTime(noSeriesReport(''))).toEqual({ kind: 'note', note: NO_BREAKDOWN_NOTICE });
    expect(overTime(makeReport({ breakdowns: breakdowns({ by_day: null }) }))).toEqual({ kind: 'buckets', bucket: 'day', points: [] });
  });

  it('reads an hour series as hours', () => {
    const r = overTime(makeReport({ series: { bucket: 'hour', rows: [usageRow('2026-11-01T01:00:00-04:00', '01:00 EDT', 1)] } }));
    expect(r.kind === 'buckets' && r.bucket).toBe('hour');
    expect(r.kind === 'buckets' && bucketName(r.points[0], 'hour', true)).toBe('01:00 EDT');
  });
});

describe('bucket figures', () => {
  const a = bucketPoint('2025-11-03', usageRow('2025-11-03', '2025-11-03', 0.1, [1, 2, 3, 4], 1));
  const b = bucketPoint('2025-11-04', usageRow('2025-11-04', '2025-11-04', 0.2, [10, 20, 30, 40], 2));

  it('sums without float noise', () => {
    expect(totalOf([a, b])).toMatchObject({ costUSD: 0.3, input: 11, output: 22, cacheCreation: 33, cacheRead: 44, total: 110, logs: 3 });
    expect(hasUsage([bucketPoint('2025-11-05')])).toBe(false);
    expect(hasUsage([bucketPoint('2025-11-05'), a])).toBe(true);
  });

  it('names buckets', () => {
    expect(bucketName(a, 'day', true)).toBe('Nov 3, 2025');
    expect(bucketName(a, 'day', false)).toBe('Nov 3');
    expect(bucketName(bucketPoint(''), 'day', true)).toBe('No date');
  });

  it('quotes CSV fields that need it', () => {
    const odd = bucketPoint('k', usageRow('k', 'say "hi", then', 1, [0, 0, 0, 0], 1));
    expect(bucketsCSV([odd], 'hour').split('\r\n')[1]).toBe('k,"say ""hi"", then",1,0,0,0,0,0,1');
  });
});
