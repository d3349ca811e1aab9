import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import type { TrayShows } from '../../api';
import { isTrayShows } from '../../utils/settings';

const CHOICES: { value: TrayShows; label: string }[] = [
  { value: 'today', label: 'Today’s cost' },
  { value: 'month', label: 'This month’s cost' },
  { value: 'budget', label: 'Budget used (%)' },
];

export interface TraySettingsProps {
  trayShows: TrayShows;
  onTrayShowsChange: (v: TrayShows) => void;
  closeToTray: boolean;
  onCloseToTrayChange: (v: boolean) => void;
  alertsPaused: boolean;
  onAlertsPausedChange: (v: boolean) => void;
  disabled?: boolean;
}

/** What the tray shows, whether closing the window keeps the app there, and the alerts pause. */
export function TraySettings(props: TraySettingsProps) {
  const { trayShows, onTrayShowsChange, closeToTray, onCloseToTrayChange, alertsPaused, onAlertsPausedChange, disabled } =
    props;
  return (
    <Stack component="section" spacing={1.5} aria-labelledby="settings-tray-title">
      <Typography variant="subtitle1" component="h3" id="settings-tray-title" sx={{ fontWeight: 600 }}>
        Tray
      </Typography>
      <FormControl disabled={disabled}>
        <FormLabel id="tray-shows-label">The tray shows</FormLabel>
        <RadioGroup
          row
          aria-labelledby="tray-shows-label"
          value={trayShows}
          onChange={(e) => {
            if (isTrayShows(e.target.value)) onTrayShowsChange(e.target.value);
          }}
        >
          {CHOICES.map((c) => (
            <FormControlLabel key={c.value} value={c.value} control={<Radio />} label={c.label} />
          ))}
        </RadioGroup>
      </FormControl>
      <FormControlLabel
        disabled={disabled}
        control={<Switch checked={closeToTray} onChange={(e) => onCloseToTrayChange(e.target.checked)} />}
        label="Keep running in the tray when the window is closed"
      />
      <FormControlLabel
        disabled={disabled}
        control={<Switch checked={alertsPaused} onChange={(e) => onAlertsPausedChange(e.target.checked)} />}
        label="Pause budget alerts"
      />
    </Stack>
  );
}
