import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import type { UsageRow } from '../../api';
import { costShare, rowLabel } from '../../utils/breakdowns';
import { formatCompact, formatInteger, formatUSDExact } from '../../utils/format';
import { ExactText } from '../../components/ExactText';
import { usdFigure } from '../../utils/figures';
import type { MetricId } from '../../utils/metricIds';

export interface BreakdownCardProps {
  title: string;
  /** A short line under the title. */
  subtitle?: string;
  rows: readonly UsageRow[] | null | undefined;
  /** The report's total cost: sizes each row's bar (its share of the period's cost) unless `shareOf` is given. */
  totalCostUSD: number;
  /** What a row is called; the backend's label by default. */
  labelOf?: (row: UsageRow) => string;
  /** A line under a row's label, e.g. its cost at API prices. */
  detailOf?: (row: UsageRow) => ReactNode;
  /** The share (0..1) a row's bar shows; its share of the period's cost by default. */
  shareOf?: (row: UsageRow) => number;
  /** Show only the first `limit` rows (they come sorted by cost) and say how many more there are. */
  limit?: number;
  /** With `limit`: a "Show all" button for the rows left out. */
  onShowAll?: () => void;
  /** Under the rows, e.g. a "Total" line. */
  footer?: ReactNode;
  /** data-testid of the card. */
  testId?: string;
  /** data-metric of each row's cost (data-exact: the exact USD), e.g. "model_cost_usd"; none by default. */
  costMetric?: MetricId;
}

/** The row's tokens (compact, exact on hover) and reported cost, right-aligned in that order; `metric` marks the cost. */
function TokensAndCost(props: { tokens: number | undefined; costUSD: number | undefined; metric?: MetricId }) {
  const { tokens, costUSD, metric } = props;
  const probe = metric ? { 'data-metric': metric, 'data-exact': formatUSDExact(costUSD) } : {};
  return (
    <>
      <ExactText text={formatCompact(tokens)} exact={`${formatInteger(tokens)} tokens`} color="text.secondary" sx={{ flexShrink: 0 }} />
      <ExactText
        {...usdFigure(costUSD)}
        fontWeight={600}
        sx={{ flexShrink: 0, minWidth: '4.5em', textAlign: 'right' }}
        {...probe}
      />
    </>
  );
}

/** A "Total" line under a breakdown's rows: the report's own tokens and cost, which the rows sum to. */
export function BreakdownTotal({ tokens, costUSD }: { tokens: number | undefined; costUSD: number | undefined }) {
  return (
    <Stack
      direction="row"
      spacing={1}
      data-testid="breakdown-total"
      sx={{ alignItems: 'baseline', mt: 1.5, pt: 1, borderTop: 1, borderColor: 'divider' }}
    >
      <Typography variant="body2" sx={{ flex: 1, fontWeight: 600 }}>
        Total
      </Typography>
      <TokensAndCost tokens={tokens} costUSD={costUSD} />
    </Stack>
  );
}

function ShareBar({ share }: { share: number }) {
  return (
    <Box
      aria-hidden
      sx={(theme) => ({
        height: 4,
        borderRadius: 2,
        backgroundColor: alpha(theme.palette.text.primary, theme.palette.mode === 'dark' ? 0.1 : 0.07),
        overflow: 'hidden',
      })}
    >
      <Box
        data-testid="cost-share-bar"
        data-share={share.toFixed(4)}
        sx={{ height: '100%', width: `${(share * 100).toFixed(2)}%`, bgcolor: 'primary.main', borderRadius: 2 }}
      />
    </Box>
  );
}

/**
 * A compact list of one breakdown's rows: label, tokens, reported cost, an
 * optional detail line and a bar of the row's share; the top `limit` rows
 * with "+N more" (or a "Show all" button).
 */
export function BreakdownCard(props: BreakdownCardProps) {
  const { title, subtitle, rows, totalCostUSD, labelOf = rowLabel, detailOf, shareOf, limit, onShowAll, footer, testId, costMetric } = props;
  const all = rows ?? [];
  const shown = limit !== undefined ? all.slice(0, limit) : all;
  const more = all.length - shown.length;
  return (
    <Card component="section" aria-label={title} data-testid={testId} sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: subtitle ? 0 : 1.5 }}>
          {title}
        </Typography>
        {subtitle && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
            {subtitle}
          </Typography>
        )}
        {shown.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            No usage in this period.
          </Typography>
        ) : (
          <Stack component="ul" spacing={1.5} sx={{ listStyle: 'none', m: 0, p: 0 }}>
            {shown.map((row) => {
              const label = labelOf(row);
              const share = shareOf ? shareOf(row) : costShare(row.cost_usd, totalCostUSD);
              const detail = detailOf?.(row);
              return (
                <Box component="li" key={row.key} data-row-key={row.key}>
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mb: 0.5 }}>
                    <Typography variant="body2" noWrap title={label} sx={{ flex: 1, minWidth: 0 }}>
                      {label}
                    </Typography>
                    <TokensAndCost tokens={row.tokens?.total_tokens} costUSD={row.cost_usd} metric={costMetric} />
                  </Stack>
                  {detail && (
                    <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: -0.25, mb: 0.5 }}>
                      {detail}
                    </Typography>
                  )}
                  <ShareBar share={share} />
                </Box>
              );
            })}
          </Stack>
        )}
        {footer}
        {more > 0 && (
          <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mt: 1.5 }}>
            <Typography variant="caption" color="text.secondary" component="p">
              +{formatInteger(more)} more
            </Typography>
            {onShowAll && (
              <Button size="small" onClick={onShowAll}>
                Show all
              </Button>
            )}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
