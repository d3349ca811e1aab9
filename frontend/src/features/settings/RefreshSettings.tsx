import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { REFRESH_CHOICES } from '../../utils/settings';

export interface RefreshSettingsProps {
  minutes: number;
  onChange: (minutes: number) => void;
  disabled?: boolean;
}

const label = (m: number) => (m === 1 ? '1 minute' : m === 60 ? '1 hour' : `${m} minutes`);

/** How often the background refresh (tray, alerts, the "This month" card) runs. */
export function RefreshSettings({ minutes, onChange, disabled }: RefreshSettingsProps) {
  // A value set outside the form (e.g. in the settings file) stays choosable.
  const choices = REFRESH_CHOICES.includes(minutes) ? REFRESH_CHOICES : [...REFRESH_CHOICES, minutes].sort((a, b) => a - b);
  return (
    <Stack component="section" spacing={1.5} aria-labelledby="settings-refresh-title">
      <Typography variant="subtitle1" component="h3" id="settings-refresh-title" sx={{ fontWeight: 600 }}>
        Refresh
      </Typography>
      <FormControl sx={{ maxWidth: 260 }} disabled={disabled}>
        <InputLabel id="refresh-every-label">Every</InputLabel>
        <Select
          labelId="refresh-every-label"
          label="Every"
          value={minutes}
          onChange={(e) => onChange(Number(e.target.value))}
        >
          {choices.map((m) => (
            <MenuItem key={m} value={m}>
              {label(m)}
            </MenuItem>
          ))}
        </Select>
        <FormHelperText>Refreshes less often while offline.</FormHelperText>
      </FormControl>
    </Stack>
  );
}
