import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { Report } from '../../api';
import { isModKey, useKeyShortcut } from '../../hooks/useKeyShortcut';
import { bucketsCSV, hasUsage, overTime } from '../../utils/buckets';
import type { OverTimeMetric } from './BucketChart';
import { BucketTable } from './BucketTable';
import { CopyCsvButton } from './CopyCsvButton';

// The chart library is large: load it (its own chunk) when a chart is first shown.
const BucketChart = lazy(() => import('./BucketChart').then((m) => ({ default: m.BucketChart })));

/** The chart's height in px, and its loading placeholder's. */
const CHART_HEIGHT = 260;

type OverTimeView = 'chart' | 'table';

const isViewKey = (e: KeyboardEvent) => isModKey(e, 't', 'T');

export interface UsageOverTimeCardProps {
  report: Report;
  /** The first view shown (chart by default). */
  initialView?: OverTimeView;
  /** A fixed chart width in px (tests); responsive otherwise. */
  chartWidth?: number;
}

/** A compact exclusive toggle of the card's header. */
function Toggle<T extends string>(props: { label: string; value: T; options: [T, string][]; onChange: (v: T) => void }) {
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={props.value}
      onChange={(_, v: T | null) => v && props.onChange(v)}
      aria-label={props.label}
    >
      {props.options.map(([v, text]) => (
        <ToggleButton key={v} value={v} sx={{ px: 1.25, py: 0.25 }}>
          {text}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}

/**
 * Cost or tokens (stacked by kind) of every day of the period, or every hour
 * of a one-day period, as a bar chart or an exact table with totals that can
 * be copied as CSV. Says why when the report has no such figures. Ctrl/Cmd+T
 * switches between the chart and the table (not from inside a dialog); the
 * choice stays while the dashboard switches between periods with usage.
 */
export function UsageOverTimeCard({ report, initialView = 'chart', chartWidth }: UsageOverTimeCardProps) {
  const [view, setView] = useState<OverTimeView>(initialView);
  const [metric, setMetric] = useState<OverTimeMetric>('cost');
  const data = useMemo(() => overTime(report), [report]);
  const buckets = data.kind === 'buckets' && hasUsage(data.points) ? data : undefined;
  useKeyShortcut(isViewKey, () => setView((v) => (v === 'chart' ? 'table' : 'chart')), {
    enabled: !!buckets,
    ignoreInDialog: true,
  });
  const bucket = buckets?.bucket ?? 'day';
  const lead = view === 'table' ? 'Per' : metric === 'cost' ? 'Cost per' : 'Tokens by type, per';
  const zone = report.period?.time_zone;
  const subtitle = `${lead} ${bucket}${zone ? ` · ${zone}` : ''}`;

  let body;
  if (data.kind === 'note') {
    body = (
      <Alert severity="info" variant="outlined" role="note">
        {data.note}
      </Alert>
    );
  } else if (!buckets) {
    body = (
      <Typography variant="body2" color="text.secondary">
        No usage in this period.
      </Typography>
    );
  } else if (view === 'chart') {
    body = (
      <Suspense fallback={<Skeleton variant="rounded" height={CHART_HEIGHT} aria-label="Loading chart" />}>
        <BucketChart points={buckets.points} bucket={bucket} metric={metric} height={CHART_HEIGHT} width={chartWidth} />
      </Suspense>
    );
  } else {
    body = <BucketTable points={buckets.points} bucket={bucket} totalCostUSD={report.total_cost_usd} />;
  }

  return (
    <Card component="section" aria-label="Over time" data-testid="usage-over-time">
      <CardContent>
        <Stack
          direction="row"
          sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1, mb: 1.5 }}
        >
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="h6" component="h2">
              Over time
            </Typography>
            {buckets && (
              <Typography variant="caption" color="text.secondary" component="p" data-testid="over-time-subtitle">
                {subtitle}
              </Typography>
            )}
          </Box>
          {buckets && (
            <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'center', justifyContent: 'flex-end' }}>
              {view === 'chart' ? (
                <Toggle label="Metric" value={metric} options={[['cost', 'Cost'], ['tokens', 'Tokens']]} onChange={setMetric} />
              ) : (
                <CopyCsvButton
                  csv={() => bucketsCSV(buckets.points, bucket, report.total_cost_usd)}
                  what={`${buckets.points.length} ${bucket}${buckets.points.length === 1 ? '' : 's'}`}
                />
              )}
              <Toggle label="View" value={view} options={[['chart', 'Chart'], ['table', 'Table']]} onChange={setView} />
            </Stack>
          )}
        </Stack>
        {body}
      </CardContent>
    </Card>
  );
}
