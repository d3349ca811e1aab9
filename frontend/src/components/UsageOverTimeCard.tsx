import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { Report } from '../api';
import { fillDays } from '../utils/days';
import type { DailyMetric } from './DailyUsageChart';
import { DailyUsageTable } from './DailyUsageTable';

// The chart library is large: load it (its own chunk) when a chart is first shown.
const DailyUsageChart = lazy(() => import('./DailyUsageChart').then((m) => ({ default: m.DailyUsageChart })));

/** The chart's height in px (kept in sync with DailyUsageChart's CHART_HEIGHT). */
const CHART_HEIGHT = 260;

type OverTimeView = 'chart' | 'table';

export const NO_BREAKDOWN_NOTICE = 'Per-day figures need a MongoDB connection: the platform’s API reports totals only.';

export interface UsageOverTimeCardProps {
  report: Report;
  /** The first view shown (chart by default). */
  initialView?: OverTimeView;
  /** A fixed chart width in px (tests); responsive otherwise. */
  chartWidth?: number;
}

/** Per-day cost or tokens of the period, as a bar chart or an exact table. */
export function UsageOverTimeCard({ report, initialView = 'chart', chartWidth }: UsageOverTimeCardProps) {
  const [view, setView] = useState<OverTimeView>(initialView);
  const [metric, setMetric] = useState<DailyMetric>('cost');
  const byDay = report.breakdowns ? report.breakdowns.by_day : undefined;
  const days = useMemo(() => (byDay && byDay.length > 0 ? fillDays(byDay, report.period) : []), [byDay, report.period]);
  const hasData = days.length > 0;

  return (
    <Card component="section" aria-label="Over time" data-testid="usage-over-time">
      <CardContent>
        <Stack
          direction="row"
          sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1, mb: 1.5 }}
        >
          <Typography variant="h6" component="h2">
            Over time
          </Typography>
          {hasData && (
            <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
              {view === 'chart' && (
                <ToggleButtonGroup
                  size="small"
                  exclusive
                  value={metric}
                  onChange={(_, v: DailyMetric | null) => v && setMetric(v)}
                  aria-label="Metric"
                >
                  <ToggleButton value="cost">Cost</ToggleButton>
                  <ToggleButton value="tokens">Tokens</ToggleButton>
                </ToggleButtonGroup>
              )}
              <ToggleButtonGroup
                size="small"
                exclusive
                value={view}
                onChange={(_, v: OverTimeView | null) => v && setView(v)}
                aria-label="View"
              >
                <ToggleButton value="chart">Chart</ToggleButton>
                <ToggleButton value="table">Table</ToggleButton>
              </ToggleButtonGroup>
            </Stack>
          )}
        </Stack>
        {!report.breakdowns ? (
          <Alert severity="info" variant="outlined" role="note">
            {NO_BREAKDOWN_NOTICE}
          </Alert>
        ) : !hasData ? (
          <Typography variant="body2" color="text.secondary">
            No usage in this period.
          </Typography>
        ) : view === 'chart' ? (
          <Suspense fallback={<Skeleton variant="rounded" height={CHART_HEIGHT} aria-label="Loading chart" />}>
            <DailyUsageChart days={days} metric={metric} width={chartWidth} />
          </Suspense>
        ) : (
          <DailyUsageTable days={days} />
        )}
      </CardContent>
    </Card>
  );
}
