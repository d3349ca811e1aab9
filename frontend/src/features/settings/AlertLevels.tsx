import Chip from '@mui/material/Chip';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CancelOutlined from '@mui/icons-material/CancelOutlined';
import { DEFAULT_ALERT_PERCENTS } from '../../api';
import { addAlertPercent, alertPercentError, parseAlertPercent } from '../../utils/settings';
import { AddField } from './AddField';

export interface AlertLevelsProps {
  /** Sorted percentages. */
  levels: number[];
  onChange: (levels: number[]) => void;
  disabled?: boolean;
}

/** The budget's alert levels as removable percent chips, and a field to add one. */
export function AlertLevels({ levels, onChange, disabled }: AlertLevelsProps) {
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
      <AddField
        label="Add a level"
        validate={(text) => alertPercentError(text, levels)}
        onAdd={(text) => onChange(addAlertPercent(levels, parseAlertPercent(text)))}
        disabled={disabled}
        slotProps={{
          htmlInput: { inputMode: 'decimal' },
          input: { endAdornment: <InputAdornment position="end">%</InputAdornment> },
        }}
        sx={{ width: 160 }}
      />
    </Stack>
  );
}
