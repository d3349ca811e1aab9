import { useMemo } from 'react';
import { useTheme } from '@mui/material/styles';
import { BarChart } from '@mui/x-charts/BarChart';
import type { TokenKind } from '../../theme';
import { bucketName, type BucketKind } from '../../utils/buckets';
import type { BucketPoint } from '../../utils/days';
import { formatCompact, formatInteger, formatUSD, formatUSDExact } from '../../utils/format';

export type OverTimeMetric = 'cost' | 'tokens';

/** The token kinds of the stacked bars: labels and colours as in TokenBreakdownCard. */
const TOKEN_SERIES: readonly { kind: TokenKind; label: string; value: (p: BucketPoint) => number }[] = [
  { kind: 'input', label: 'Input', value: (p) => p.input },
  { kind: 'output', label: 'Output', value: (p) => p.output },
  { kind: 'cacheCreation', label: 'Cache write', value: (p) => p.cacheCreation },
  { kind: 'cacheRead', label: 'Cache read', value: (p) => p.cacheRead },
];

/** At most this many x tick labels, so 90+ days stay readable at 900 px. */
const MAX_TICKS = 12;

/**
 * Which buckets get a tick label: every one up to MAX_TICKS, else every
 * `step`-th day (whole weeks for long periods), or the hours whose clock hour
 * is a multiple of the step (so a daylight-saving day, with 01:00 twice or no
 * 02:00, keeps the usual 00:00, 02:00, 04:00…).
 */
function tickFilter(points: readonly BucketPoint[], bucket: BucketKind): (key: string, index: number) => boolean {
  const count = points.length;
  if (count <= MAX_TICKS) return () => true;
  if (bucket === 'hour') {
    const hourStep = count <= 26 ? 2 : count <= 39 ? 3 : 6;
    const hour = new Map(points.map((p, i) => [p.key, /^(\d{1,2}):/.exec(p.label)?.[1] ?? String(i)]));
    return (key) => Number(hour.get(key)) % hourStep === 0;
  }
  const step = Math.ceil(count / MAX_TICKS);
  const dayStep = step <= 7 ? step : Math.ceil(step / 7) * 7;
  return (_, i) => i % dayStep === 0;
}

export interface BucketChartProps {
  points: readonly BucketPoint[];
  bucket: BucketKind;
  metric: OverTimeMetric;
  /** The height in px. */
  height: number;
  /** A fixed width in px (tests); responsive to the container otherwise. */
  width?: number;
}

/** One bar per day or hour: the cost (primary colour) or the tokens stacked by kind. */
export function BucketChart({ points, bucket, metric, height, width }: BucketChartProps) {
  const theme = useTheme();
  const names = useMemo(
    () => new Map(points.map((p) => [p.key, [bucketName(p, bucket, false), bucketName(p, bucket, true)] as const])),
    [points, bucket],
  );
  const showTick = useMemo(() => tickFilter(points, bucket), [points, bucket]);
  const series =
    metric === 'cost'
      ? [
          {
            id: 'cost',
            label: 'Cost',
            data: points.map((p) => p.costUSD),
            color: theme.palette.primary.main,
            valueFormatter: (v: number | null) => formatUSDExact(v),
          },
        ]
      : TOKEN_SERIES.map((s) => ({
          id: s.kind,
          label: s.label,
          data: points.map(s.value),
          stack: 'tokens',
          color: theme.palette.tokenKinds[s.kind],
          valueFormatter: (v: number | null) => formatInteger(v),
        }));
  return (
    <BarChart
      height={height}
      width={width}
      series={series}
      hideLegend={metric === 'cost'}
      xAxis={[
        {
          scaleType: 'band',
          data: points.map((p) => p.key),
          tickInterval: showTick,
          tickLabelMinGap: 8,
          valueFormatter: (key: string, ctx) => names.get(key)?.[ctx.location === 'tick' ? 0 : 1] ?? key,
        },
      ]}
      yAxis={[{ width: 56, valueFormatter: (v: number) => (metric === 'cost' ? formatUSD(v) : formatCompact(v)) }]}
      margin={{ left: 4, right: 8, top: 8, bottom: 4 }}
    />
  );
}
