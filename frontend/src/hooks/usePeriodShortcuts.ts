import { useRef } from 'react';
import type { PeriodRequest, Preset } from '../api';
import { presetRequest } from '../utils/period';
import { isModKey, useKeyShortcut } from './useKeyShortcut';

/**
 * The preset number (1 to 9) of Ctrl/Cmd + a digit, by the key or, for
 * layouts whose digit row types other characters (AZERTY), by the key's place.
 */
function digitOf(e: KeyboardEvent): number | undefined {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return undefined;
  const m = /^[1-9]$/.exec(e.key) ?? /^Digit([1-9])$/.exec(e.code ?? '');
  return m ? Number(m[1] ?? m[0]) : undefined;
}

const isZoneKey = (e: KeyboardEvent) => isModKey(e, 'u', 'U');

/**
 * Period shortcuts of the dashboard: Ctrl/Cmd+1 … Ctrl/Cmd+N choose the N
 * presets in the order the period select lists them (in the current zone),
 * Ctrl/Cmd+U switches between local time and UTC (a custom range keeps its
 * days). Ignored inside dialogs and while `enabled` is false.
 */
export function usePeriodShortcuts(
  presets: readonly Preset[],
  period: PeriodRequest,
  onChange: (r: PeriodRequest) => void,
  enabled = true,
): void {
  // useKeyShortcut's callback gets no event: keep the digit its match accepted.
  const digit = useRef(0);
  const isPresetKey = (e: KeyboardEvent) => {
    const n = digitOf(e);
    if (n === undefined || n > presets.length) return false;
    digit.current = n;
    return true;
  };
  useKeyShortcut(
    isPresetKey,
    () => {
      const preset = presets[digit.current - 1];
      if (preset) onChange(presetRequest(preset.id, period.utc));
    },
    { enabled, ignoreInDialog: true },
  );
  useKeyShortcut(isZoneKey, () => onChange({ ...period, utc: !period.utc }), { enabled, ignoreInDialog: true });
}
