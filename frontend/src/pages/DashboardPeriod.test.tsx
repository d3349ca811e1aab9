import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../api';
import { ApiError } from '../api';
import { App } from '../App';
import { PERIOD_STORAGE_KEY } from '../hooks/usePeriodChoice';
import { makeReport } from '../test/fixtures';
import { stubAppStart } from '../test/mockApi';
import { customRequest, presetRequest } from '../utils/period';

vi.mock('../api', async (importOriginal) =>
  (await import('../test/mockApi')).mockApi(importOriginal, ['exportReport']),
);

const m = vi.mocked(api);

beforeEach(() => {
  vi.clearAllMocks();
  stubAppStart(m);
  m.fetchPresets.mockRejectedValue(new ApiError('internal', 'no presets')); // the fallback list
  m.fetchReport.mockResolvedValue(makeReport());
});

const stored = () => JSON.parse(window.localStorage.getItem(PERIOD_STORAGE_KEY) ?? 'null');

describe('Dashboard period controls', () => {
  it('asks for the period in UTC when the toggle says so, and remembers it', async () => {
    render(<App />);
    await screen.findByText('$1,234.57');
    expect(m.fetchReport).toHaveBeenCalledWith(presetRequest('last_30_days'));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'UTC' }));
    await waitFor(() => expect(m.fetchReport).toHaveBeenLastCalledWith(presetRequest('last_30_days', true)));
    expect(m.fetchStoredReport).toHaveBeenLastCalledWith(presetRequest('last_30_days', true));
    expect(m.fetchReport).toHaveBeenCalledTimes(2);
    expect(stored()).toEqual(presetRequest('last_30_days', true));

    // A preset chosen now keeps UTC.
    await user.click(screen.getByRole('combobox', { name: 'Period' }));
    await user.click(await screen.findByRole('option', { name: 'Last 7 days' }));
    expect(m.fetchReport).toHaveBeenLastCalledWith(presetRequest('last_7_days', true));
  });

  it('fetches a custom range and starts on it next time', async () => {
    const { unmount } = render(<App />);
    await screen.findByText('$1,234.57');
    const user = userEvent.setup();
    await user.click(screen.getByRole('combobox', { name: 'Period' }));
    await user.click(await screen.findByRole('option', { name: 'Custom range…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Custom range' });
    fireEvent.change(within(dialog).getByLabelText(/^From/), { target: { value: '2025-11-01' } });
    fireEvent.change(within(dialog).getByLabelText(/^To/), { target: { value: '2025-11-03' } });
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    expect(m.fetchReport).toHaveBeenLastCalledWith(customRequest('2025-11-01', '2025-11-03'));
    expect(stored()).toEqual(customRequest('2025-11-01', '2025-11-03'));
    unmount();

    vi.clearAllMocks();
    m.fetchReport.mockResolvedValue(makeReport());
    render(<App />);
    await screen.findByText('$1,234.57');
    expect(m.fetchReport).toHaveBeenCalledTimes(1);
    expect(m.fetchReport).toHaveBeenCalledWith(customRequest('2025-11-01', '2025-11-03'));
    expect(screen.getByRole('combobox', { name: 'Period' })).toHaveTextContent('Nov 1 – Nov 3, 2025');
  });

  it.each([
    ['not JSON', '{oops'],
    ['a number', '42'],
    ['an unknown preset', JSON.stringify(presetRequest('last_9_years', true))],
    ['a custom range with From after To', JSON.stringify(customRequest('2025-11-05', '2025-11-01'))],
    ['a custom range with no date', JSON.stringify(customRequest('2025-02-30', '2025-03-01'))],
    ['a missing zone', JSON.stringify({ preset: 'today', from: '', to: '' })],
  ])('falls back to the last 30 days in local time when storage holds %s', async (_, raw) => {
    window.localStorage.setItem(PERIOD_STORAGE_KEY, raw);
    render(<App />);
    await screen.findByText('$1,234.57');
    expect(m.fetchReport).toHaveBeenCalledTimes(1);
    expect(m.fetchReport).toHaveBeenCalledWith(presetRequest('last_30_days'));
    expect(screen.getByRole('button', { name: 'Local' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('starts on a stored preset in UTC', async () => {
    window.localStorage.setItem(PERIOD_STORAGE_KEY, JSON.stringify(presetRequest('today', true)));
    render(<App />);
    await screen.findByText('$1,234.57');
    expect(m.fetchReport).toHaveBeenCalledWith(presetRequest('today', true));
    expect(screen.getByRole('combobox', { name: 'Period' })).toHaveTextContent('Today');
    expect(screen.getByRole('button', { name: 'UTC' })).toHaveAttribute('aria-pressed', 'true');
  });
});
