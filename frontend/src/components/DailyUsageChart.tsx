import { useTheme } from '@mui/material/styles';
import { BarChart } from '@mui/x-charts/BarChart';
import type { TokenKind } from '../theme';
import { formatDayLong, formatDayShort, type DayPoint } from '../utils/days';
import { formatCompact, formatInteger, formatUSD, formatUSDExact } from '../utils/format';

export type DailyMetric = 'cost' | 'tokens';

/** The token kinds of the stacked bars: labels and colours as in TokenBreakdownCard. */
const TOKEN_SERIES: readonly { kind: TokenKind; label: string; value: (d: DayPoint) => number }[] = [
  { kind: 'input', label: 'Input', value: (d) => d.input },
  { kind: 'output', label: 'Output', value: (d) => d.output },
  { kind: 'cacheCreation', label: 'Cache creation', value: (d) => d.cacheCreation },
  { kind: 'cacheRead', label: 'Cache read', value: (d) => d.cacheRead },
];

/** The chart's height in px (UsageOverTimeCard's loading placeholder has the same). */
export const CHART_HEIGHT = 260;

export interface DailyUsageChartProps {
  days: readonly DayPoint[];
  metric: DailyMetric;
  /** A fixed width in px (tests); responsive to the container otherwise. */
  width?: number;
}

/** One bar per day: the cost (primary colour) or the tokens stacked by kind. */
export function DailyUsageChart({ days, metric, width }: DailyUsageChartProps) {
  const theme = useTheme();
  const keys = days.map((d) => d.key);
  const series =
    metric === 'cost'
      ? [
          {
            id: 'cost',
            label: 'Cost',
            data: days.map((d) => d.costUSD),
            color: theme.palette.primary.main,
            valueFormatter: (v: number | null) => formatUSDExact(v),
          },
        ]
      : TOKEN_SERIES.map((s) => ({
          id: s.kind,
          label: s.label,
          data: days.map(s.value),
          stack: 'tokens',
          color: theme.palette.tokenKinds[s.kind],
          valueFormatter: (v: number | null) => formatInteger(v),
        }));
  return (
    <BarChart
      height={CHART_HEIGHT}
      width={width}
      series={series}
      hideLegend={metric === 'cost'}
      xAxis={[
        {
          scaleType: 'band',
          data: keys,
          valueFormatter: (key: string, ctx) => (ctx.location === 'tick' ? formatDayShort(key) : formatDayLong(key)),
        },
      ]}
      yAxis={[{ width: 56, valueFormatter: (v: number) => (metric === 'cost' ? formatUSD(v) : formatCompact(v)) }]}
      margin={{ left: 4, right: 8, top: 8, bottom: 4 }}
    />
  );
}
