import type { ReactNode } from 'react';
import type { UsageRow } from '../../api';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
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
import { logsText, ruleLabel } from '../../utils/priceRules';
import { UnpricedLine } from './UnpricedLine';

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
  /** The report's by-model rows (report.breakdowns.by_model), for each unpriced model's tokens. */
  byModel?: readonly UsageRow[] | null;
  /** Opens the settings at the prices section; without it there is no "Set a price" button. */
  onSetPrices?: () => void;
}

/**
 * The cost check at API prices, which explains the headline cost (it shows no
 * cost of its own): the reported cost beside the cost computed from tokens,
 * the drift between them (sign, % and words), logs without a reported cost,
 * long-context logs, which pricing rules applied and to how many logs, the
 * rows known only from secondary sources that priced something, how cache
 * writes of unknown TTL were priced, the models without a known price (with
 * "Check now" and "Set a price"), and which price table was used.
 */
export function PricingCard({ reportedUSD, pricing: p, byModel, onSetPrices }: PricingCardProps) {
  const drift = driftFigure(p);
  const unpriced = p.unpriced_models ?? [];
  const rules = (p.rules ?? []).filter((r) => r.logs > 0);
  const secondary = (p.secondary_rows ?? []).filter((r) => r.logs > 0);
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
        <Typography variant="body2" color="text.secondary" id="pricing-rules-label">
          Pricing rules applied
        </Typography>
        {rules.length === 0 ? (
          <Typography variant="body2" data-testid="pricing-rules" sx={{ mb: 2 }}>
            None: every log at its model’s standard rates.
          </Typography>
        ) : (
          <Stack component="ul" aria-labelledby="pricing-rules-label" data-testid="pricing-rules" sx={{ m: 0, mb: 2, pl: 2.5 }}>
            {rules.map((r) => (
              <Typography component="li" variant="body2" key={r.rule} data-rule={r.rule}>
                {ruleLabel(r.rule)}: {logsText(r.logs)}
              </Typography>
            ))}
          </Stack>
        )}
        {p.unconfirmed_logs > 0 && (
          <Typography variant="body2" data-testid="pricing-unconfirmed" sx={{ mb: 2 }}>
            {logsText(p.unconfirmed_logs)} under a rule whose multiplier is not confirmed: it is not applied, so their cost is a lower
            bound.
          </Typography>
        )}
        {secondary.length > 0 && (
          <Stack component="ul" data-testid="pricing-secondary" sx={{ m: 0, mb: 2, pl: 2.5 }}>
            {secondary.map((r) => (
              <Typography component="li" variant="body2" key={r.row}>
                Price from a secondary source: {r.row} priced {logsText(r.logs)} ({usd(r.computed_usd)}).
              </Typography>
            ))}
          </Stack>
        )}
        {p.cache_ttl_note && (
          <Typography variant="body2" data-testid="pricing-cache-ttl" sx={{ mb: 2 }}>
            {p.cache_ttl_note}
          </Typography>
        )}
        {unpriced.length === 0 ? (
          <Typography variant="body2" data-testid="pricing-unpriced">
            {p.unpriced_tokens > 0
              ? `${unpricedText(p.unpriced_tokens)}: logs without a model or a split by kind, which no price can cover.`
              : 'Every model has a price.'}
          </Typography>
        ) : (
          <UnpricedLine models={unpriced} tokens={p.unpriced_tokens} byModel={byModel} onSetPrices={onSetPrices} />
        )}
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
