import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';

/** This computer's IANA time zone ("Europe/Berlin"), or "" when the webview will not say. */
function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  } catch {
    return '';
  }
}

/** "your time zone (Europe/Berlin)" or "UTC": the zone periods are read in. */
export function zoneDescription(utc: boolean): string {
  if (utc) return 'UTC';
  const tz = localTimeZone();
  return tz ? `your time zone (${tz})` : 'your time zone';
}

export interface ZoneToggleProps {
  utc: boolean;
  onChange: (utc: boolean) => void;
}

/** Local / UTC: which zone the period's days and hours are read in (accessible name "Time zone"). */
export function ZoneToggle({ utc, onChange }: ZoneToggleProps) {
  const local = zoneDescription(false);
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={utc ? 'utc' : 'local'}
      onChange={(_, v: 'utc' | 'local' | null) => v && onChange(v === 'utc')}
      aria-label="Time zone"
      aria-keyshortcuts="Control+U Meta+U"
      sx={{ '& .MuiToggleButton-root': { px: 1, py: 0.5, lineHeight: 1.5 } }}
    >
      <Tooltip title={local.charAt(0).toUpperCase() + local.slice(1)} describeChild>
        <ToggleButton value="local">Local</ToggleButton>
      </Tooltip>
      <Tooltip title="UTC, as the Anthropic Console shows usage" describeChild>
        <ToggleButton value="utc">UTC</ToggleButton>
      </Tooltip>
    </ToggleButtonGroup>
  );
}
