import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { Report } from '../../api';
import {
  formatCompact,
  formatDecimal1,
  formatDuration,
  formatDurationExact,
  formatUSDExact,
  formatUnitCost,
} from '../../utils/format';
import type { MetricId } from '../../utils/metricIds';
import { usdFigure } from '../../utils/figures';
import { LabelledValue } from '../../components/LabelledValue';
import { MetricValue } from '../../components/MetricValue';

interface Item {
  label: string;
  metric: MetricId;
  text: string;
  exact: string;
}

/** Secondary figures: averages, unit cost and execution time (all from the backend). */
export function EfficiencyCard({ report }: { report: Report }) {
  const d = report.derived;
  const items: Item[] = [
    {
      label: 'Avg cost per instance',
      metric: 'avg_cost_per_instance_usd',
      ...usdFigure(d?.avg_cost_per_instance_usd),
    },
    {
      label: 'Avg tokens per instance',
      metric: 'avg_tokens_per_instance',
      text: formatCompact(d?.avg_tokens_per_instance),
      exact: formatDecimal1(d?.avg_tokens_per_instance),
    },
    {
      label: 'Cost per 1K tokens',
      metric: 'cost_per_1k_tokens_usd',
      text: formatUnitCost(d?.cost_per_1k_tokens_usd),
      exact: formatUSDExact(d?.cost_per_1k_tokens_usd),
    },
    {
      label: 'Execution time',
      metric: 'total_execution_time_ms',
      text: formatDuration(report.total_execution_time_ms),
      exact: formatDurationExact(report.total_execution_time_ms),
    },
  ];
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
          Efficiency
        </Typography>
        <Box
          component="dl"
          sx={{ m: 0, display: 'grid', gridTemplateColumns: { xs: '1fr 1fr' }, columnGap: 3, rowGap: 2.5 }}
        >
          {items.map((it) => (
            <LabelledValue key={it.metric} label={it.label} gap={0.5}>
              <MetricValue
                metric={it.metric}
                text={it.text}
                exact={it.exact}
                variant="h6"
                component="span"
                sx={{ display: 'inline-block', fontSize: '1.375rem' }}
              />
            </LabelledValue>
          ))}
        </Box>
      </CardContent>
    </Card>
  );
}
