import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { Preset } from '../../api';
import { CUSTOM_PRESET } from '../../utils/period';

/** The value of the "Custom range…" item: never the select's value, so picking it again reopens the dialog. */
const PICK_CUSTOM = '__pick_custom__';

export interface PeriodSelectProps {
  presets: Preset[];
  /** A preset id, or "custom". */
  value: string;
  onChange: (preset: string) => void;
  /** What the select shows while value is "custom": "Nov 3 – Nov 10, 2025". */
  customLabel?: string;
  /** "Custom range…" was chosen; the item is left out when not given. */
  onCustom?: () => void;
}

/**
 * The period selector (accessible name "Period"): the presets, then "Custom
 * range…". Arrow keys / Enter / typing work as in any list box.
 */
export function PeriodSelect({ presets, value, onChange, customLabel, onCustom }: PeriodSelectProps) {
  const known = presets.some((p) => p.id === value);
  return (
    <TextField
      select
      size="small"
      label="Period"
      value={value}
      onChange={(e) => (e.target.value === PICK_CUSTOM ? onCustom?.() : onChange(e.target.value))}
      sx={{ minWidth: 156, maxWidth: 260 }}
      slotProps={{ select: { MenuProps: { slotProps: { paper: { variant: 'outlined' } } } } }}
      id="period-select"
    >
      {!known && (
        <MenuItem value={value} sx={{ display: 'none' }}>
          {value === CUSTOM_PRESET && customLabel ? customLabel : value}
        </MenuItem>
      )}
      {presets.map((p, i) => (
        <MenuItem key={p.id} value={p.id} divider={!!onCustom && i === presets.length - 1}>
          {p.label}
        </MenuItem>
      ))}
      {onCustom && <MenuItem value={PICK_CUSTOM}>Custom range…</MenuItem>}
    </TextField>
  );
}
