import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { formatInteger } from '../../utils/format';
import {
  computedFigure,
  driftFigure,
  driftWords,
  hasComparison,
  priceTableLine,
  unpricedText,
  type Figure,
  type Pricing,
} from '../../utils/pricing';
import { DriftMark } from './ComputedCostLine';
import { ExactText } from '../../components/ExactText';
import { usdFigure } from '../../utils/figures';
import type { MetricId } from '../../utils/metricIds';
import { LabelledValue } from '../../components/LabelledValue';
import { MetricValue } from '../../components/MetricValue';

/** One of the side-by-side totals. */
function Total({ label, figure, caption, metric }: { label: string; figure: Figure; caption: string; metric?: MetricId }) {
  const value = metric ? (
    <MetricValue metric={metric} text={figure.text} exact={figure.exact} variant="h6" component="span" />
  ) : (
    <ExactText text={figure.text} exact={figure.exact} variant="h6" />
  );
  return (
    <LabelledValue label={label}>
      {value}
      <Typography variant="caption" color="text.secondary" component="p">
        {caption}
      </Typography>
    </LabelledValue>
  );
}

/** A labelled line of the card's facts. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', justifyContent: 'space-between' }}>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, textAlign: 'right' }}>
        {children}
      </Typography>
    </Stack>
  );
}

const usd = (v: number | undefined) => <ExactText {...usdFigure(v)} fontWeight={600} />;

export interface PricingCardProps {
  /** The report's headline (reported) cost. */
  reportedUSD: number;
  pricing: Pricing;
  /** Opens the settings at the prices section; without it there is no "Set prices…" button. */
  onSetPrices?: () => void;
}

/**
 * The cost check at API prices: the reported cost beside the cost computed
 * from tokens and the estimated spend, the drift between them (sign, % and
 * words), logs without a reported cost, long-context logs, the models without
 * a known price, and which price table was used.
 */
export function PricingCard({ reportedUSD, pricing: p, onSetPrices }: PricingCardProps) {
  const drift = driftFigure(p);
  const unpriced = p.unpriced_models ?? [];
  return (
    <Card component="section" aria-labelledby="pricing-title" data-testid="pricing-card" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h2" id="pricing-title">
          Pricing
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          What the logs reported against the same tokens at API prices
        </Typography>
        <Box
          component="dl"
          data-testid="pricing-totals"
          sx={{ m: 0, mb: 2, display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(9.5rem, 1fr))', gap: 2 }}
        >
          <Total label="Reported" figure={usdFigure(reportedUSD)} caption="The platform’s figure" />
          <Total
            label="At API prices"
            figure={computedFigure(p.computed_usd, p.unpriced_tokens)}
            caption={p.unpriced_tokens > 0 ? `A lower bound: ${unpricedText(p.unpriced_tokens)}` : 'Every log priced from its tokens'}
          />
          <Total
            label="Estimated spend"
            metric="estimated_usd"
            figure={usdFigure(p.estimated_usd)}
            caption="Reported, plus logs without a cost priced from tokens"
          />
        </Box>
        <Typography variant="body2" component="p" data-testid="pricing-drift" sx={{ mb: 2 }}>
          {hasComparison(p) ? (
            <>
              Over logs with both, reported {usd(p.reported_compared_usd)} vs {usd(p.computed_compared_usd)} at API prices: drift{' '}
              <ExactText text={drift.text} exact={drift.exact} fontWeight={600} /> <DriftMark pricing={p} /> ({driftWords(p)}).
            </>
          ) : (
            'No log has both a reported cost and a known price, so there is nothing to compare.'
          )}
        </Typography>
        <Stack component="dl" spacing={1} sx={{ m: 0, mb: 2 }}>
          <Fact label="Logs without a reported cost">
            {formatInteger(p.logs_without_cost)}
            {p.logs_without_cost > 0 && <>, filled in from tokens: {usd(p.filled_in_usd)}</>}
          </Fact>
          <Fact label="Logs over 200K prompt tokens">
            {formatInteger(p.long_context_logs)}
            {p.long_context_logs > 0 && (
              <>
                , priced at standard rates (a log sums a run’s requests); as single long-context requests:{' '}
                {usd(p.long_context_extra_usd)} more
              </>
            )}
          </Fact>
        </Stack>
        <Typography variant="body2" color="text.secondary" id="unpriced-models-label">
          Models without a known price
        </Typography>
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center', mt: 0.75 }}>
          {unpriced.length === 0 ? (
            <Typography variant="body2">None: every model has a price.</Typography>
          ) : (
            <Stack direction="row" role="list" aria-labelledby="unpriced-models-label" sx={{ flexWrap: 'wrap', gap: 1 }}>
              {unpriced.map((id) => (
                <Chip key={id} role="listitem" label={id} size="small" variant="outlined" color="warning" />
              ))}
            </Stack>
          )}
          {unpriced.length > 0 && onSetPrices && (
            <Button size="small" onClick={onSetPrices}>
              Set prices…
            </Button>
          )}
        </Stack>
        <Typography
          variant="caption"
          color="text.secondary"
          component="p"
          data-testid="price-table"
          title={p.table_source}
          sx={{ mt: 2, overflowWrap: 'anywhere' }}
        >
          {priceTableLine(p.table_version, p.table_source)}
        </Typography>
      </CardContent>
    </Card>
  );
}
