import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { Preset } from '../api';

export interface PeriodSelectProps {
  presets: Preset[];
  value: string;
  onChange: (preset: string) => void;
}

/** The period preset selector: arrow keys / Enter / typing work as in any list box. */
export function PeriodSelect({ presets, value, onChange }: PeriodSelectProps) {
  const known = presets.some((p) => p.id === value);
  return (
    <TextField
      select
      size="small"
      label="Period"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      sx={{ minWidth: 156 }}
      slotProps={{ select: { MenuProps: { slotProps: { paper: { variant: 'outlined' } } } } }}
      id="period-select"
    >
      {!known && (
        <MenuItem value={value} sx={{ display: 'none' }}>
          {value}
        </MenuItem>
      )}
      {presets.map((p) => (
        <MenuItem key={p.id} value={p.id}>
          {p.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
