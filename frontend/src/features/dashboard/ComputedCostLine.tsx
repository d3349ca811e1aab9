import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutline';
import TrendingDown from '@mui/icons-material/TrendingDown';
import TrendingUp from '@mui/icons-material/TrendingUp';
import { formatInteger } from '../../utils/format';
import { driftDirection, driftFigure, hasComparison, hasUnpriced, unpricedText, type Pricing } from '../../utils/pricing';
import { usdFigure } from '../../utils/figures';
import { MetricValue } from '../../components/MetricValue';

const DRIFT_ICONS = { match: CheckCircleOutline, higher: TrendingUp, lower: TrendingDown } as const;

/**
 * A small icon for the drift's direction, coloured from the palette: a
 * secondary cue only (the sign and words say the same).
 */
export function DriftMark({ pricing }: { pricing: Pricing }) {
  const dir = driftDirection(pricing);
  const Icon = DRIFT_ICONS[dir];
  return <Icon aria-hidden fontSize="inherit" color={dir === 'match' ? 'success' : 'warning'} sx={{ verticalAlign: '-0.15em' }} />;
}

export interface ComputedCostLineProps {
  pricing: Pricing;
  /** Opens the settings at the prices section; without it there is no "Set prices…" button. */
  onSetPrices?: () => void;
}

/**
 * The headline's check: "Computed at API prices: $X · drift +$Y (+Z%)", with
 * "≥ $X, N tokens unpriced" and a "Set prices…" button when some models have
 * no known price (their cost is never shown as $0).
 */
export function ComputedCostLine({ pricing, onSetPrices }: ComputedCostLineProps) {
  const unpriced = hasUnpriced(pricing);
  const drift = driftFigure(pricing);
  return (
    <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', columnGap: 1, rowGap: 0.5 }} data-testid="computed-line">
      <Typography variant="body2" color="text.secondary" component="p" sx={{ m: 0 }}>
        Computed at API prices: {unpriced && '≥ '}
        <MetricValue
          metric="computed_usd"
          {...usdFigure(pricing.computed_usd)}
          component="span"
          variant="body2"
          color="text.primary"
          fontWeight={600}
        />
        {unpriced && (
          <>
            {', '}
            <MetricValue
              metric="unpriced_tokens"
              text={unpricedText(pricing.unpriced_tokens)}
              exact={formatInteger(pricing.unpriced_tokens)}
              component="span"
              variant="body2"
            />
          </>
        )}
        {hasComparison(pricing) && (
          <>
            {' · drift '}
            <MetricValue metric="drift_usd" text={drift.text} exact={drift.exact} component="span" variant="body2" color="text.primary" />{' '}
            <DriftMark pricing={pricing} />
          </>
        )}
      </Typography>
      {unpriced && onSetPrices && (
        <Button size="small" variant="outlined" onClick={onSetPrices} sx={{ py: 0, minHeight: 0 }}>
          Set prices…
        </Button>
      )}
    </Stack>
  );
}
