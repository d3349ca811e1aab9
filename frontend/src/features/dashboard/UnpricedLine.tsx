import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { UsageRow } from '../../api';
import { useBackgroundPriceCheck, useCheckPrices, usePriceStatus } from '../../hooks/usePriceTable';
import { unpricedSentence } from '../../utils/priceRules';

export interface UnpricedLineProps {
  /** report.pricing.unpriced_models (not empty). */
  models: readonly string[];
  /** report.pricing.unpriced_tokens. */
  tokens: number;
  /** The report's by-model rows, for each model's unpriced tokens. */
  byModel?: readonly UsageRow[] | null;
  /** Opens Settings → Prices with the report's unpriced models listed; without it there is no "Set a price". */
  onSetPrices?: () => void;
}

/**
 * "12.4M tokens of claude-xyz unpriced. Prices checked 3 days ago. [Check
 * now] [Set a price]". Meeting a model no table prices asks for a background
 * price check at once (never delaying the report); "Check now" downloads the
 * prices and fetches the report again.
 */
export function UnpricedLine({ models, tokens, byModel, onSetPrices }: UnpricedLineProps) {
  useBackgroundPriceCheck(models.length > 0);
  const { status } = usePriceStatus();
  const check = useCheckPrices();
  const checking = check.checking || status?.checking === true;
  let when = status?.checked_text ?? '';
  if (checking) when = 'Checking for new prices…';
  return (
    <Stack spacing={0.75} data-testid="pricing-unpriced">
      <Typography variant="body2" role="status">
        {unpricedSentence(models, tokens, byModel)} {when}
      </Typography>
      {check.error && (
        <Typography variant="body2" color="warning.main" role="alert">
          {check.error}
        </Typography>
      )}
      <Stack direction="row" spacing={1}>
        <Button size="small" variant="outlined" onClick={check.check} disabled={checking}>
          Check now
        </Button>
        {onSetPrices && (
          <Button size="small" onClick={onSetPrices}>
            Set a price
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
