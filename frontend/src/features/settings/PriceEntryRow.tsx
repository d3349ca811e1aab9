import { useId } from 'react';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import DeleteOutline from '@mui/icons-material/DeleteOutline';
import type { PriceModel } from '../../api';
import {
  cacheRatePlaceholder,
  RATE_KEYS,
  RATE_LABELS,
  type PriceEntry,
  type PriceEntryErrors,
  type PriceEntryKind,
  type RateKey,
} from '../../utils/priceForm';

export interface PriceEntryRowProps {
  entry: PriceEntry;
  onChange: (entry: PriceEntry) => void;
  onRemove: () => void;
  /** The shipped table's models to map to; empty while it loads or when it could not be read. */
  models: readonly PriceModel[];
  /** Shown once the user tried to save. */
  errors: PriceEntryErrors;
  disabled?: boolean;
}

/** "Claude Sonnet 4.5 — $3 in / $15 out" */
function modelOption(m: PriceModel): string {
  return `${m.name} — $${m.input} in / $${m.output} out`;
}

/**
 * One model id without a shipped price: either "Use the price of" a known
 * model, or custom prices per million tokens (input and output required;
 * empty cache rates are derived from the input price, shown as placeholders).
 */
export function PriceEntryRow({ entry, onChange, onRemove, models, errors, disabled }: PriceEntryRowProps) {
  const titleId = useId();
  const setRate = (k: RateKey, v: string) => onChange({ ...entry, rates: { ...entry.rates, [k]: v } });
  const known = models.some((m) => m.family === entry.target);
  return (
    <Box
      role="group"
      aria-labelledby={titleId}
      data-price-entry={entry.id}
      sx={{ border: 1, borderColor: 'divider', borderRadius: 2, p: 1.5 }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5, flexWrap: 'wrap', rowGap: 1 }}>
        <Typography id={titleId} variant="body2" sx={{ fontWeight: 600, fontFamily: 'monospace', flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
          {entry.id}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={entry.kind}
          disabled={disabled}
          onChange={(_, kind: PriceEntryKind | null) => kind && onChange({ ...entry, kind })}
          aria-label={`How to price ${entry.id}`}
        >
          <ToggleButton value="alias">Known model</ToggleButton>
          <ToggleButton value="custom">Custom prices</ToggleButton>
        </ToggleButtonGroup>
        <IconButton size="small" onClick={onRemove} disabled={disabled} title={`Remove ${entry.id}`} aria-label={`Remove ${entry.id}`}>
          <DeleteOutline fontSize="small" />
        </IconButton>
      </Stack>
      {entry.kind === 'alias' ? (
        <TextField
          select
          fullWidth
          size="small"
          label="Use the price of"
          value={known || !entry.target ? entry.target : ''}
          onChange={(e) => onChange({ ...entry, target: e.target.value })}
          disabled={disabled || models.length === 0}
          error={!!errors.target}
          helperText={errors.target ?? (entry.target && !known ? `Now mapped to ${entry.target}.` : 'Leave unset to keep it unpriced.')}
        >
          {models.map((m) => (
            <MenuItem key={m.family} value={m.family}>
              {modelOption(m)}
            </MenuItem>
          ))}
        </TextField>
      ) : (
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 1.5 }}>
          {RATE_KEYS.map((k) => {
            const optional = k !== 'input' && k !== 'output';
            return (
              <TextField
                key={k}
                size="small"
                label={RATE_LABELS[k]}
                value={entry.rates[k]}
                onChange={(e) => setRate(k, e.target.value)}
                disabled={disabled}
                required={!optional}
                error={!!errors[k]}
                helperText={errors[k] ?? (optional ? 'Optional' : 'Per million tokens')}
                placeholder={optional ? cacheRatePlaceholder(entry.rates, k) : undefined}
                slotProps={{
                  htmlInput: { inputMode: 'decimal' },
                  input: { startAdornment: <InputAdornment position="start">$</InputAdornment> },
                }}
              />
            );
          })}
        </Box>
      )}
    </Box>
  );
}
