import { fireEvent, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PeriodRequest } from '../api';
import { customRequest, presetRequest } from '../utils/period';
import { FALLBACK_PRESETS } from './useAppInfo';
import { usePeriodShortcuts } from './usePeriodShortcuts';

function setup(period: PeriodRequest = presetRequest('last_30_days'), enabled = true) {
  const onChange = vi.fn();
  const hook = renderHook(
    (p: { period: PeriodRequest; enabled: boolean }) => usePeriodShortcuts(FALLBACK_PRESETS, p.period, onChange, p.enabled),
    { initialProps: { period, enabled } },
  );
  return { onChange, hook };
}

const press = (init: KeyboardEventInit, target: Window | Element = window) => fireEvent.keyDown(target, init);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('usePeriodShortcuts', () => {
  it('Ctrl+1 … Ctrl+7 choose the presets in the select’s order, keeping the zone', () => {
    const { onChange } = setup(presetRequest('last_30_days', true));
    FALLBACK_PRESETS.forEach((_, i) => press({ key: String(i + 1), code: `Digit${i + 1}`, ctrlKey: true }));
    expect(onChange.mock.calls.map(([r]) => r)).toEqual(FALLBACK_PRESETS.map((p) => presetRequest(p.id, true)));
    expect(FALLBACK_PRESETS.map((p) => p.label)).toEqual([
      'Today',
      'Yesterday',
      'Last 7 days',
      'Last 30 days',
      'This month',
      'Last month',
      'All time',
    ]);
  });

  it('takes Cmd on macOS and the digit row’s place on layouts that type other characters', () => {
    const { onChange } = setup();
    press({ key: '3', metaKey: true });
    press({ key: '&', code: 'Digit1', ctrlKey: true }); // AZERTY's 1 key
    expect(onChange.mock.calls.map(([r]) => r.preset)).toEqual(['last_7_days', 'today']);
  });

  it('ignores digits past the presets, Shift or Alt, no modifier, and key repeats', () => {
    const { onChange } = setup();
    press({ key: '8', code: 'Digit8', ctrlKey: true });
    press({ key: '1', ctrlKey: true, shiftKey: true });
    press({ key: '1', ctrlKey: true, altKey: true });
    press({ key: '1' });
    press({ key: '1', ctrlKey: true, repeat: true });
    expect(onChange).not.toHaveBeenCalled();
  });

  it('Ctrl+U switches between local time and UTC, a custom range keeping its days', () => {
    const { onChange, hook } = setup(presetRequest('today'));
    press({ key: 'u', ctrlKey: true });
    expect(onChange).toHaveBeenLastCalledWith(presetRequest('today', true));
    hook.rerender({ period: presetRequest('today', true), enabled: true });
    press({ key: 'U', ctrlKey: true });
    expect(onChange).toHaveBeenLastCalledWith(presetRequest('today', false));
    hook.rerender({ period: customRequest('2026-11-01', '2026-11-15', false), enabled: true });
    press({ key: 'u', ctrlKey: true });
    expect(onChange).toHaveBeenLastCalledWith(customRequest('2026-11-01', '2026-11-15', true));
  });

  it('does nothing inside a dialog or while disabled, but keeps the browser from acting on the keys in a dialog', () => {
    const { onChange, hook } = setup();
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    const input = document.createElement('input');
    dialog.appendChild(input);
    document.body.appendChild(dialog);
    expect(press({ key: '1', ctrlKey: true }, input)).toBe(false); // default prevented
    press({ key: 'u', ctrlKey: true }, input);
    expect(onChange).not.toHaveBeenCalled();
    hook.rerender({ period: presetRequest('last_30_days'), enabled: false });
    expect(press({ key: '1', ctrlKey: true })).toBe(true);
    press({ key: 'u', ctrlKey: true });
    expect(onChange).not.toHaveBeenCalled();
  });
});
