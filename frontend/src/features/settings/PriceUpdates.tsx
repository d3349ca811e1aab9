import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { PriceListing } from '../../api';
import { useCheckPrices, usePriceStatus } from '../../hooks/usePriceTable';
import { checkedLine, downloadSummary } from '../../utils/priceListing';

export interface PriceUpdatesProps {
  /** The table in force (undefined while it loads). */
  listing?: PriceListing;
  /** The price list address as typed ("" = LiteLLM's file on its main branch). */
  listUrl: string;
  onListUrlChange: (url: string) => void;
  /** Why the typed address cannot be saved, once the user tried to save. */
  listUrlError?: string;
  dailyCheck: boolean;
  onDailyCheckChange: (on: boolean) => void;
  disabled?: boolean;
}

/**
 * New prices without a new release: when prices were last checked and from
 * where, "Check for new prices" (PriceService.CheckNow) with what the check
 * did (checking…, what the download added, what it kept out and why, or the
 * one sentence of a refusal), the daily background check and the address
 * checks read.
 */
export function PriceUpdates(props: PriceUpdatesProps) {
  const { listing, listUrl, onListUrlChange, listUrlError, dailyCheck, onDailyCheckChange, disabled } = props;
  const { status, error: statusError } = usePriceStatus();
  const check = useCheckPrices();
  const checking = check.checking || status?.checking === true;
  const update = status?.update;
  const refusal = check.error ?? (status?.last_error ? `The last check was refused: ${status.last_error}` : undefined);

  let line = statusError ? `How fresh the prices are cannot be read (${statusError}).` : 'Reading when prices were checked…';
  if (checking) line = 'Checking for new prices…';
  else if (status) line = checkedLine(status);

  return (
    <Stack spacing={1.5} data-testid="price-updates">
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Button variant="outlined" size="small" onClick={check.check} disabled={checking}>
          Check for new prices
        </Button>
        <Typography variant="body2" role="status" data-testid="price-check-status" sx={{ flex: 1, minWidth: 200, overflowWrap: 'anywhere' }}>
          {line}
        </Typography>
      </Stack>
      {refusal && !checking && (
        <Alert severity="warning" role="alert" data-testid="price-check-refusal">
          {refusal} The prices in force stay.
        </Alert>
      )}
      {status?.store_error && (
        <Alert severity="warning" data-testid="price-store-error">
          {status.store_error}
        </Alert>
      )}
      {update && listing?.update && (
        <Typography variant="body2" data-testid="price-download-summary">
          {downloadSummary(listing)}
        </Typography>
      )}
      {update && update.kept_out.length > 0 && (
        <Stack component="section" aria-labelledby="price-kept-out-title" data-testid="price-kept-out">
          <Typography variant="body2" id="price-kept-out-title">
            Kept out {update.kept_out.length === 1 ? '1 price' : `${update.kept_out.length} prices`} of the download:
          </Typography>
          <Stack component="ul" sx={{ m: 0, pl: 2.5 }}>
            {update.kept_out.map((k) => (
              <Typography component="li" variant="body2" key={k}>
                {k}
              </Typography>
            ))}
          </Stack>
        </Stack>
      )}
      <FormControlLabel
        control={<Switch checked={dailyCheck} onChange={(e) => onDailyCheckChange(e.target.checked)} disabled={disabled} />}
        label="Check for new prices once a day"
      />
      <TextField
        size="small"
        label="Price list address"
        value={listUrl}
        onChange={(e) => onListUrlChange(e.target.value)}
        disabled={disabled}
        error={!!listUrlError}
        placeholder={status?.url || 'LiteLLM’s price file on its main branch'}
        helperText={listUrlError ?? 'LiteLLM’s model_prices_and_context_window.json over https://; empty: LiteLLM’s main branch. Checks use it once saved.'}
        slotProps={{ htmlInput: { inputMode: 'url', spellCheck: false } }}
      />
    </Stack>
  );
}
