import type { Ref } from 'react';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { PriceTable } from '../../api';
import { usePriceListing } from '../../hooks/usePriceTable';
import { priceTableLine } from '../../utils/pricing';
import { addModelIdError, newPriceEntry, priceEntryErrors, type PriceEntry } from '../../utils/priceForm';
import { AddField } from './AddField';
import { PriceEntryRow } from './PriceEntryRow';
import { PriceTableInForce } from './PriceTableInForce';
import { PriceUpdates, type PriceUpdatesProps } from './PriceUpdates';

export interface PriceSettingsProps extends Omit<PriceUpdatesProps, 'listing' | 'disabled'> {
  entries: PriceEntry[];
  onChange: (entries: PriceEntry[]) => void;
  /** The shipped price table (undefined while it loads). */
  table?: PriceTable;
  /** Why the price table could not be read. */
  tableError?: string;
  /** Show each entry's errors (once the user tried to save). */
  showErrors: boolean;
  disabled?: boolean;
  /** The section element (to scroll to it). */
  ref?: Ref<HTMLDivElement>;
}

/**
 * Settings → Prices: the table in force (each row's source, verified date and
 * confidence, secondary sources marked) and its updates (when prices were
 * checked, "Check for new prices", the daily check and the address checks
 * read), which price table is shipped, and for each model id without a price
 * (the report's, or mapped before) a known model whose price applies or
 * custom prices; entries can be added and removed.
 */
export function PriceSettings(props: PriceSettingsProps) {
  const { entries, onChange, table, tableError, showErrors, disabled, ref, ...updates } = props;
  const models = (table?.models ?? []).filter((m) => !m.custom);
  const { listing, error: listingError } = usePriceListing(true);

  let tableLine = 'Reading the price table…';
  if (tableError) tableLine = `The price table could not be read (${tableError}); custom prices still work.`;
  else if (table) tableLine = `Shipped: ${priceTableLine(table.version, table.source)}`;
  let inForceLine = listingError ? `The table in force could not be read (${listingError}).` : 'Reading the table in force…';
  if (listing) inForceLine = `In force: table ${listing.version}${listing.update ? ', the shipped table merged with the price download' : ', the shipped table alone'}.`;

  return (
    <Stack component="section" spacing={2} aria-labelledby="settings-prices-title" ref={ref} data-testid="settings-prices">
      <Typography variant="subtitle1" component="h3" id="settings-prices-title" tabIndex={-1} sx={{ fontWeight: 600 }}>
        Prices
      </Typography>
      <Typography variant="body2" data-testid="settings-price-in-force" sx={{ overflowWrap: 'anywhere' }}>
        {inForceLine}
      </Typography>
      <PriceUpdates listing={listing} disabled={disabled} {...updates} />
      {listing && <PriceTableInForce listing={listing} />}
      <Typography variant="body2" color="text.secondary" data-testid="settings-price-table" sx={{ overflowWrap: 'anywhere' }}>
        {tableLine}
      </Typography>
      <Typography variant="body2">
        A model without a known price is left out of the cost at API prices, which then reads “≥”. Price it like a known model, or
        enter its prices in USD per million tokens.
      </Typography>
      {entries.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          Every model in use has a price.
        </Typography>
      ) : (
        entries.map((entry, i) => (
          <PriceEntryRow
            key={entry.id}
            entry={entry}
            models={models}
            errors={showErrors ? priceEntryErrors(entry) : {}}
            onChange={(next) => onChange(entries.map((e, j) => (j === i ? next : e)))}
            onRemove={() => onChange(entries.filter((_, j) => j !== i))}
            disabled={disabled}
          />
        ))
      )}
      <AddField
        label="Another model id"
        validate={(id) => addModelIdError(id, entries)}
        onAdd={(id) => onChange([...entries, newPriceEntry(id)])}
        disabled={disabled}
        sx={{ flex: 1, maxWidth: 320 }}
      />
    </Stack>
  );
}
