import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CalendarMonthOutlined from '@mui/icons-material/CalendarMonthOutlined';
import CloudOffOutlined from '@mui/icons-material/CloudOffOutlined';
import TrendingUpOutlined from '@mui/icons-material/TrendingUpOutlined';
import type { Glance } from '../../api';
import { formatDateTime, formatMonthEnd, formatRelativeTime } from '../../utils/format';
import { BudgetBar } from './BudgetBar';
import { usdFigure } from '../../utils/figures';
import { MetricValue } from '../../components/MetricValue';

export interface MonthCardProps {
  glance: Glance;
  now: number;
  /** Opens the settings (shown as "Set a budget" when there is none). */
  onSetBudget?: () => void;
}

/** A small caption over a figure. */
function Label({ children }: { children: string }) {
  return (
    <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 0.25 }}>
      {children}
    </Typography>
  );
}

/**
 * "This month" at a glance, as the tray shows it: the month-to-date and
 * today's cost, the budget used and the month-end forecast. A slim row from
 * 900px, stacked below.
 */
export function MonthCard({ glance: g, now, onSetBudget }: MonthCardProps) {
  const hasBudget = g.budget_usd > 0;
  const overForecast = hasBudget && g.forecast_usd > g.budget_usd;
  return (
    <Card data-testid="month-card" component="section" aria-labelledby="month-card-title">
      <CardContent
        sx={{
          display: 'grid',
          gap: { xs: 2, md: 4 },
          alignItems: 'center',
          gridTemplateColumns: { xs: '1fr 1fr', md: 'auto auto minmax(0, 1fr)' },
          py: 2,
          '&:last-child': { pb: 2 },
        }}
      >
        <Box>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.25 }}>
            <CalendarMonthOutlined fontSize="small" color="action" aria-hidden />
            <Typography variant="overline" color="text.secondary" component="h2" id="month-card-title" sx={{ lineHeight: 1.6 }}>
              This month
            </Typography>
            {g.stale && (
              <Tooltip title={`Offline: figures fetched ${formatDateTime(g.as_of)}`} describeChild>
                <Chip
                  size="small"
                  variant="outlined"
                  color="info"
                  icon={<CloudOffOutlined />}
                  label={`as of ${formatRelativeTime(g.as_of, now)}`}
                  data-testid="month-stale"
                  tabIndex={0}
                />
              </Tooltip>
            )}
          </Stack>
          <MetricValue
            metric="month_usd"
            {...usdFigure(g.month_usd)}
            variant="h4"
            component="p"
            sx={{ display: 'inline-block' }}
          />
        </Box>
        <Box>
          <Label>Today</Label>
          <MetricValue
            metric="today_usd"
            {...usdFigure(g.today_usd)}
            variant="h6"
            component="p"
            sx={{ display: 'inline-block', fontSize: '1.375rem' }}
          />
        </Box>
        <Stack spacing={1} sx={{ gridColumn: { xs: '1 / -1', md: 'auto' }, minWidth: 0 }}>
          {hasBudget ? (
            <BudgetBar fraction={g.budget_fraction} budgetUSD={g.budget_usd} level={g.level} />
          ) : (
            onSetBudget && (
              <Box>
                <Button size="small" onClick={onSetBudget} sx={{ ml: -1 }}>
                  Set a monthly budget
                </Button>
              </Box>
            )
          )}
          <Stack
            direction="row"
            spacing={0.75}
            data-testid="month-forecast"
            data-over-budget={overForecast}
            sx={{ alignItems: 'center', color: overForecast ? 'warning.main' : 'text.secondary' }}
          >
            <TrendingUpOutlined fontSize="small" aria-hidden />
            <Typography variant="body2" component="p" color="inherit">
              Forecast at this pace:{' '}
              <MetricValue
                metric="forecast_usd"
                {...usdFigure(g.forecast_usd)}
                component="span"
                variant="body2"
                sx={{ fontWeight: 600, color: overForecast ? 'warning.main' : 'text.primary' }}
              />{' '}
              by {formatMonthEnd(g.as_of, now)}
              {overForecast && ', over budget'}
            </Typography>
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
}
