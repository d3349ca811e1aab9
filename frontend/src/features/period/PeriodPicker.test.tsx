import { useState } from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PeriodRequest } from '../../api';
import { FALLBACK_PRESETS } from '../../hooks/useAppInfo';
import { customRequest, presetRequest } from '../../utils/period';
import { PeriodPicker } from './PeriodPicker';

/** The picker, controlled as the dashboard does; every change is recorded. */
function Harness({ initial, onChange }: { initial: PeriodRequest; onChange: (r: PeriodRequest) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <PeriodPicker
      presets={FALLBACK_PRESETS}
      value={value}
      onChange={(r) => {
        onChange(r);
        setValue(r);
      }}
    />
  );
}

function setup(initial: PeriodRequest = presetRequest('last_30_days')) {
  const onChange = vi.fn();
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  render(<Harness initial={initial} onChange={onChange} />);
  return { onChange, user };
}

async function openCustom(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('combobox', { name: 'Period' }));
  await user.click(await screen.findByRole('option', { name: 'Custom range…' }));
  return screen.findByRole('dialog', { name: 'Custom range' });
}

const field = (dialog: HTMLElement, name: 'From' | 'To') => within(dialog).getByLabelText(new RegExp(`^${name}`));
const setDay = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 10, 26, 12, 0)); // Nov 26, 2026, noon local time
});
afterEach(() => vi.useRealTimers());

describe('PeriodPicker', () => {
  it('keeps the preset options and picks one', async () => {
    const { onChange, user } = setup();
    const select = screen.getByRole('combobox', { name: 'Period' });
    expect(select).toHaveTextContent('Last 30 days');
    await user.click(select);
    const options = screen.getAllByRole('option').filter((o) => getComputedStyle(o).display !== 'none');
    expect(options.map((o) => o.textContent)).toEqual([...FALLBACK_PRESETS.map((p) => p.label), 'Custom range…']);
    await user.click(screen.getByRole('option', { name: 'Last 7 days' }));
    expect(onChange).toHaveBeenLastCalledWith(presetRequest('last_7_days'));
  });

  it('applies a valid custom range on Enter and shows it as the select’s label', async () => {
    const { onChange, user } = setup();
    const dialog = await openCustom(user);
    // Prefilled with the last 7 days, From focused.
    expect(field(dialog, 'From')).toHaveValue('2026-11-20');
    expect(field(dialog, 'To')).toHaveValue('2026-11-26');
    expect(field(dialog, 'From')).toHaveFocus();
    setDay(field(dialog, 'From'), '2026-11-01');
    setDay(field(dialog, 'To'), '2026-11-15');
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith(customRequest('2026-11-01', '2026-11-15'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('combobox', { name: 'Period' })).toHaveTextContent('Nov 1 – Nov 15, 2026');
  });

  it('shows inline errors and applies nothing until the range is valid', async () => {
    const { onChange, user } = setup();
    const dialog = await openCustom(user);
    const apply = within(dialog).getByRole('button', { name: 'Apply' });

    setDay(field(dialog, 'From'), '');
    await user.click(apply);
    expect(field(dialog, 'From')).toHaveAccessibleDescription('Enter a date as YYYY-MM-DD.');
    expect(field(dialog, 'From')).toHaveAttribute('aria-invalid', 'true');

    setDay(field(dialog, 'From'), '2026-11-10');
    setDay(field(dialog, 'To'), '2026-11-09');
    await user.click(apply);
    expect(field(dialog, 'From')).toHaveAttribute('aria-invalid', 'false');
    expect(field(dialog, 'To')).toHaveAccessibleDescription('Must be on or after the From date.');

    setDay(field(dialog, 'To'), '2026-11-27');
    await user.click(apply);
    expect(field(dialog, 'To')).toHaveAccessibleDescription('Must not be after today (2026-11-26).');
    expect(onChange).not.toHaveBeenCalled();

    setDay(field(dialog, 'To'), '2026-11-26');
    expect(field(dialog, 'To')).toHaveAttribute('aria-invalid', 'false'); // errors follow the fields once shown
    await user.click(apply);
    expect(onChange).toHaveBeenLastCalledWith(customRequest('2026-11-10', '2026-11-26'));
  });

  it('cancels on Esc, keeping the period', async () => {
    const { onChange, user } = setup();
    const dialog = await openCustom(user);
    setDay(field(dialog, 'From'), '2026-01-01');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('combobox', { name: 'Period' })).toHaveTextContent('Last 30 days');
  });

  it('reopens on the current custom range, by keyboard', async () => {
    const { user } = setup(customRequest('2025-12-28', '2026-01-03', true));
    const select = screen.getByRole('combobox', { name: 'Period' });
    expect(select).toHaveTextContent('Dec 28, 2025 – Jan 3, 2026');
    select.focus();
    await user.keyboard('{ArrowDown}');
    const listbox = await screen.findByRole('listbox');
    within(listbox).getByRole('option', { name: 'Custom range…' }).focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Custom range' });
    expect(field(dialog, 'From')).toHaveValue('2025-12-28');
    expect(field(dialog, 'To')).toHaveValue('2026-01-03');
    expect(dialog).toHaveTextContent('in UTC');
  });

  it('switches between local time and UTC, keeping the period', async () => {
    const { onChange, user } = setup(customRequest('2026-11-01', '2026-11-07'));
    const group = screen.getByRole('group', { name: 'Time zone' });
    const local = within(group).getByRole('button', { name: 'Local' });
    const utc = within(group).getByRole('button', { name: 'UTC' });
    expect(local).toHaveAttribute('aria-pressed', 'true');
    await user.hover(local);
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(await screen.findByRole('tooltip')).toHaveTextContent(`Your time zone (${zone})`);
    await user.click(utc);
    expect(onChange).toHaveBeenLastCalledWith(customRequest('2026-11-01', '2026-11-07', true));
    expect(utc).toHaveAttribute('aria-pressed', 'true');
    await user.hover(utc);
    expect(await screen.findByText('UTC, as the Anthropic Console shows usage')).toBeInTheDocument();
  });
});
