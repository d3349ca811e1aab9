import { useState } from 'react';
import Stack from '@mui/material/Stack';
import type { PeriodRequest, Preset } from '../../api';
import { addDays, CUSTOM_PRESET, customRequest, presetRequest, rangeLabel, todayKey } from '../../utils/period';
import { CustomRangeDialog } from './CustomRangeDialog';
import { PeriodSelect } from './PeriodSelect';
import { zoneDescription, ZoneToggle } from './ZoneToggle';

export interface PeriodPickerProps {
  presets: Preset[];
  value: PeriodRequest;
  onChange: (req: PeriodRequest) => void;
}

/**
 * The top bar's period controls: the preset select (with "Custom range…",
 * which opens a dialog for From and To) and the Local/UTC toggle.
 */
export function PeriodPicker({ presets, value, onChange }: PeriodPickerProps) {
  const [dialogOpen, setDialogOpen] = useState(false);
  const custom = value.preset === CUSTOM_PRESET;
  const today = todayKey(value.utc);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <PeriodSelect
        presets={presets}
        value={value.preset}
        customLabel={custom ? rangeLabel(value.from, value.to) : undefined}
        onChange={(preset) => onChange(presetRequest(preset, value.utc))}
        onCustom={() => setDialogOpen(true)}
      />
      <ZoneToggle utc={value.utc} onChange={(utc) => onChange({ ...value, utc })} />
      <CustomRangeDialog
        open={dialogOpen}
        initialFrom={custom ? value.from : addDays(today, -6)}
        initialTo={custom ? value.to : today}
        today={today}
        zoneName={zoneDescription(value.utc)}
        onApply={(from, to) => {
          setDialogOpen(false);
          onChange(customRequest(from, to, value.utc));
        }}
        onClose={() => setDialogOpen(false)}
      />
    </Stack>
  );
}
