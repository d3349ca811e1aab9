import Tooltip from '@mui/material/Tooltip';
import Typography, { type TypographyProps } from '@mui/material/Typography';

export interface ExactTextProps extends Omit<TypographyProps, 'children'> {
  /** The visible, rounded figure. */
  text: string;
  /** The exact figure, shown on hover. */
  exact: string;
}

/**
 * A rounded figure in a list or table row, with its exact value on hover.
 * Unlike MetricValue it is no tab stop and carries no data-metric, so long
 * lists stay quick to tab through and out of the render probe.
 */
export function ExactText({ text, exact, sx, ...typography }: ExactTextProps) {
  return (
    <Tooltip title={exact === text ? '' : exact} describeChild placement="top">
      <Typography
        component="span"
        variant="body2"
        {...typography}
        sx={[{ fontVariantNumeric: 'tabular-nums' }, ...(Array.isArray(sx) ? sx : [sx])]}
      >
        {text}
      </Typography>
    </Tooltip>
  );
}
