import { useState, type KeyboardEvent } from 'react';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CancelOutlined from '@mui/icons-material/CancelOutlined';
import { DEFAULT_ALERT_PERCENTS } from '../../api';
import { addAlertPercent, alertPercentError, parseAlertPercent } from '../../utils/settings';

export interface AlertLevelsProps {
  /** Sorted percentages. */
  levels: number[];
  onChange: (levels: number[]) => void;
  disabled?: boolean;
}

/** The budget's alert levels as removable percent chips, and a field to add one. */
export function AlertLevels({ levels, onChange, disabled }: AlertLevelsProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();

  const add = () => {
    const e = alertPercentError(text, levels);
    setError(e);
    if (e) return;
    onChange(addAlertPercent(levels, parseAlertPercent(text)));
    setText('');
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault(); // not the dialog's submit
      add();
    }
  };

  return (
    <Stack spacing={1}>
      <Typography variant="body2" id="alert-levels-label">
        Alert levels
      </Typography>
      <Stack direction="row" role="group" aria-labelledby="alert-levels-label" sx={{ flexWrap: 'wrap', gap: 1 }}>
        {levels.map((p) => (
          <Chip
            key={p}
            label={`${p}%`}
            onDelete={disabled ? undefined : () => onChange(levels.filter((l) => l !== p))}
            deleteIcon={<CancelOutlined titleAccess={`Remove ${p}%`} />}
          />
        ))}
        {levels.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            None: {DEFAULT_ALERT_PERCENTS.map((p) => `${p}%`).join(' and ')} are used.
          </Typography>
        )}
      </Stack>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label="Add a level"
          size="small"
          value={text}
          disabled={disabled}
          onChange={(e) => {
            setText(e.target.value);
            setError(undefined);
          }}
          onKeyDown={onKeyDown}
          error={!!error}
          helperText={error}
          slotProps={{
            htmlInput: { inputMode: 'decimal' },
            input: { endAdornment: <InputAdornment position="end">%</InputAdornment> },
          }}
          sx={{ width: 160 }}
        />
        <Button onClick={add} disabled={disabled || !text.trim()} sx={{ mt: 0.5 }}>
          Add
        </Button>
      </Stack>
    </Stack>
  );
}
