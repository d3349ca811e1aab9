import Tooltip from '@mui/material/Tooltip';
import Typography, { type TypographyProps } from '@mui/material/Typography';
import type { MetricId } from '../utils/metricIds';

export interface MetricValueProps extends Omit<TypographyProps, 'children'> {
  /** data-metric id. */
  metric: MetricId;
  /** The visible, rounded figure. */
  text: string;
  /** The exact figure: data-exact and the tooltip. */
  exact: string;
}

/**
 * One figure on screen. The element carries data-metric and data-exact (read
 * by the render probe) and shows the exact value on hover or keyboard focus.
 */
export function MetricValue({ metric, text, exact, ...typography }: MetricValueProps) {
  return (
    <Tooltip title={exact} describeChild placement="top">
      <Typography data-metric={metric} data-exact={exact} tabIndex={0} {...typography}>
        {text}
      </Typography>
    </Tooltip>
  );
}
