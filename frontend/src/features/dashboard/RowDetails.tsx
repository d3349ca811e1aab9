import Box from '@mui/material/Box';
import type { Theme } from '@mui/material/styles';
import type { UsageRow } from '../../api';
import { computedFigure, hasUnpriced, unpricedText } from '../../utils/pricing';
import { ExactText } from '../../components/ExactText';
import { MetricValue } from '../../components/MetricValue';

const inherit = { variant: 'caption', color: 'inherit' } as const;

/** The warning hue, dark enough on light paper and light enough on dark (a secondary cue beside the words). */
const warningText = { color: (t: Theme) => (t.palette.mode === 'dark' ? t.palette.warning.light : t.palette.warning.dark) };

/**
 * A breakdown row's cost at API prices: "At API prices $980.00", "At API
 * prices ≥ $10.00 · 5K tokens unpriced", or, for a model without any known
 * price, a flagged "No known price · 34.6K tokens unpriced" (never "$0.00").
 */
export function ComputedDetail({ row }: { row: UsageRow }) {
  const f = computedFigure(row.computed_usd, row.unpriced_tokens);
  const unpriced = hasUnpriced(row);
  if (unpriced && !row.computed_usd) {
    return (
      <Box component="span" data-unpriced sx={{ ...warningText, fontWeight: 600 }}>
        No known price · {unpricedText(row.unpriced_tokens)}
      </Box>
    );
  }
  return (
    <>
      At API prices <ExactText text={f.text} exact={f.exact} {...inherit} />
      {unpriced && (
        <Box component="span" data-unpriced sx={warningText}>
          {' · '}
          {unpricedText(row.unpriced_tokens)}
        </Box>
      )}
    </>
  );
}

/**
 * What a billing mode means for the bill: API-key usage is billed;
 * plan-covered usage "would have cost $X at API prices"; unknown mode
 * (older logs). Without a cost check (`priced` false) only the words.
 */
export function ModeDetail({ row, priced }: { row: UsageRow; priced: boolean }) {
  if (row.key === 'max-plan') {
    if (!priced) return <>Covered by a Claude plan, not billed per token</>;
    const f = computedFigure(row.computed_usd, row.unpriced_tokens);
    return (
      <>
        Covered by a Claude plan: would have cost{' '}
        <MetricValue metric="plan_computed_usd" text={f.text} exact={f.exact} component="span" {...inherit} fontWeight={600} /> at API
        prices
      </>
    );
  }
  const words = row.key === 'api-key' ? 'Billed to an API key' : row.key === '' ? 'Mode not recorded' : 'Billing mode as recorded';
  if (!priced) return <>{words}</>;
  return (
    <>
      {words} · <ComputedDetail row={row} />
    </>
  );
}
