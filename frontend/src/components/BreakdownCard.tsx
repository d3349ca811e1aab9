import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import type { UsageRow } from '../api';
import { costShare, rowLabel } from '../utils/breakdowns';
import { formatCompact, formatInteger, formatUSD, formatUSDExact } from '../utils/format';
import { ExactText } from './ExactText';

export interface BreakdownCardProps {
  title: string;
  rows: readonly UsageRow[] | null | undefined;
  /** The report's total cost: sizes each row's bar (its share of the period's cost). */
  totalCostUSD: number;
  /** What a row is called; the backend's label by default. */
  labelOf?: (row: UsageRow) => string;
  /** Show only the first `limit` rows (they come sorted by cost) and say how many more there are. */
  limit?: number;
  /** data-testid of the card. */
  testId?: string;
}

/** A compact list of one breakdown's rows: label, cost, tokens and a bar of the cost share. */
export function BreakdownCard({ title, rows, totalCostUSD, labelOf = rowLabel, limit, testId }: BreakdownCardProps) {
  const all = rows ?? [];
  const shown = limit !== undefined ? all.slice(0, limit) : all;
  const more = all.length - shown.length;
  return (
    <Card component="section" aria-label={title} data-testid={testId} sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 1.5 }}>
          {title}
        </Typography>
        {shown.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            No usage in this period.
          </Typography>
        ) : (
          <Stack component="ul" spacing={1.5} sx={{ listStyle: 'none', m: 0, p: 0 }}>
            {shown.map((row) => {
              const label = labelOf(row);
              const share = costShare(row.cost_usd, totalCostUSD);
              return (
                <Box component="li" key={row.key} data-row-key={row.key}>
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mb: 0.5 }}>
                    <Typography variant="body2" noWrap title={label} sx={{ flex: 1, minWidth: 0 }}>
                      {label}
                    </Typography>
                    <ExactText
                      text={formatCompact(row.tokens?.total_tokens)}
                      exact={`${formatInteger(row.tokens?.total_tokens)} tokens`}
                      color="text.secondary"
                      sx={{ flexShrink: 0 }}
                    />
                    <ExactText
                      text={formatUSD(row.cost_usd)}
                      exact={formatUSDExact(row.cost_usd)}
                      fontWeight={600}
                      sx={{ flexShrink: 0, minWidth: '4.5em', textAlign: 'right' }}
                    />
                  </Stack>
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
                </Box>
              );
            })}
          </Stack>
        )}
        {more > 0 && (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1.5 }}>
            +{formatInteger(more)} more
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
