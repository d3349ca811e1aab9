import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { formatBudgetUSD, formatPercent, formatShareExact } from '../../utils/format';
import { MetricValue } from '../../components/MetricValue';

type BarColor = 'primary' | 'warning' | 'error';

/** The bar's colour for a glance's level: ok → primary, near → warning, over → error. */
function levelColor(level: string): BarColor {
  if (level === 'over') return 'error';
  if (level === 'near') return 'warning';
  return 'primary';
}

export interface BudgetBarProps {
  /** month_usd / budget_usd (may exceed 1). */
  fraction: number;
  budgetUSD: number;
  /** The glance's level. */
  level: string;
}

/** "62% of $100" over a bar of the budget used, coloured by level. */
export function BudgetBar({ fraction, budgetUSD, level }: BudgetBarProps) {
  const color = levelColor(level);
  const used = formatPercent(fraction);
  return (
    <Box data-testid="budget-bar" data-level={level}>
      <Stack direction="row" sx={{ alignItems: 'baseline', justifyContent: 'space-between', gap: 1, mb: 0.75 }}>
        <Typography variant="body2" color="text.secondary" component="span">
          Budget
        </Typography>
        <Typography variant="body2" component="span" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          <MetricValue
            metric="budget_fraction"
            text={used}
            exact={formatShareExact(fraction)}
            component="span"
            variant="body2"
            sx={{ fontWeight: 600, color: color === 'primary' ? 'text.primary' : `${color}.main` }}
          />{' '}
          of {formatBudgetUSD(budgetUSD)}
        </Typography>
      </Stack>
      <LinearProgress
        variant="determinate"
        color={color}
        value={Math.max(0, Math.min(100, fraction * 100))}
        aria-label={`Budget used: ${used} of ${formatBudgetUSD(budgetUSD)}`}
        sx={{ height: 8, borderRadius: 4 }}
      />
    </Box>
  );
}
