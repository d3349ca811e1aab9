import { screen, waitFor, within } from '@testing-library/react';
import { render } from '../../test/render';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../api';
import { ApiError } from '../../api';
import { makeSettings } from '../../test/glanceFixtures';
import { SettingsDialog } from './SettingsDialog';

vi.mock('../../api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../api')>();
  return { ...actual, fetchSettings: vi.fn(), saveSettings: vi.fn(), fetchPriceTable: vi.fn() };
});

const m = vi.mocked(api);
const PROFILE = { id: 'p-mongo', name: 'Production DB' };
const PRICE_TABLE = { version: '2026-02-17', source: 'Anthropic pricing page', models: [] };

/** The alert level chips' labels. */
const levelLabels = () =>
  within(screen.getByRole('group', { name: 'Alert levels' }))
    .getAllByRole('button')
    .map((b) => b.querySelector('.MuiChip-label')?.textContent);

function renderDialog() {
  const onSaved = vi.fn();
  const onClose = vi.fn();
  render(<SettingsDialog open profile={PROFILE} onClose={onClose} onSaved={onSaved} />);
  return { onSaved, onClose, user: userEvent.setup() };
}

beforeEach(() => {
  vi.clearAllMocks();
  m.fetchSettings.mockResolvedValue(
    makeSettings({ budgets: { 'p-other': { monthly_usd: 20, alert_percents: [50] } } }),
  );
  m.saveSettings.mockImplementation(async (s) => s);
  m.fetchPriceTable.mockResolvedValue(PRICE_TABLE);
});

describe('SettingsDialog', () => {
  it('loads the settings and saves the budget of the active profile with every choice', async () => {
    const { onSaved, user } = renderDialog();
    expect(await screen.findByRole('heading', { name: 'Budget for Production DB' })).toBeInTheDocument();
    expect(screen.getByText(/one desktop notification when this month’s cost crosses each level/)).toBeInTheDocument();
    expect(levelLabels()).toEqual(['80%', '100%']);
    expect(screen.getByRole('radio', { name: 'Today’s cost' })).toBeChecked();
    expect(screen.getByRole('switch', { name: /Keep running in the tray/ })).toBeChecked();
    expect(screen.getByText('Refreshes less often while offline.')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Monthly budget' }), '150.5');
    await user.type(screen.getByRole('textbox', { name: 'Add a level' }), '50{Enter}');
    await user.click(screen.getByTitle('Remove 100%'));
    expect(levelLabels()).toEqual(['50%', '80%']);
    await user.click(screen.getByRole('radio', { name: 'Budget used (%)' }));
    await user.click(screen.getByRole('switch', { name: /Keep running in the tray/ }));
    await user.click(screen.getByRole('switch', { name: 'Pause budget alerts' }));
    await user.click(screen.getByRole('combobox', { name: 'Every' }));
    await user.click(await screen.findByRole('option', { name: '15 minutes' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(m.saveSettings).toHaveBeenCalledWith({
      refresh_minutes: 15,
      close_to_tray: false,
      tray_shows: 'budget',
      alerts_paused: true,
      check_prices_daily: false,
      price_list_url: '',
      cache_ttl: {},
      budgets: {
        'p-other': { monthly_usd: 20, alert_percents: [50] },
        'p-mongo': { monthly_usd: 150.5, alert_percents: [50, 80] },
      },
      model_aliases: {},
      custom_prices: {},
    });
  });

  it('shows the saved budget and offers every refresh interval', async () => {
    m.fetchSettings.mockResolvedValue(
      makeSettings({ refresh_minutes: 60, budgets: { 'p-mongo': { monthly_usd: 100, alert_percents: [90] } } }),
    );
    const { user } = renderDialog();
    expect(await screen.findByRole('textbox', { name: 'Monthly budget' })).toHaveValue('100');
    expect(levelLabels()).toEqual(['90%']);
    await user.click(screen.getByRole('combobox', { name: 'Every' }));
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      '1 minute', '2 minutes', '5 minutes', '10 minutes', '15 minutes', '30 minutes', '1 hour',
    ]);
    expect(screen.getByRole('option', { name: '1 hour' })).toHaveAttribute('aria-selected', 'true');
  });

  it('says what is wrong with a budget or alert level inline, and does not save', async () => {
    const { onSaved, user } = renderDialog();
    const budget = await screen.findByRole('textbox', { name: 'Monthly budget' });
    const level = screen.getByRole('textbox', { name: 'Add a level' });
    await user.type(level, '0{Enter}');
    expect(screen.getByText('Enter a percentage between 1 and 1000.')).toBeInTheDocument();
    await user.clear(level);
    await user.type(level, '80{Enter}');
    expect(screen.getByText('80% is already a level.')).toBeInTheDocument();
    await user.type(budget, 'lots');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter an amount in dollars, such as 100.')).toBeInTheDocument();
    expect(budget).toHaveAttribute('aria-invalid', 'true');
    expect(m.saveSettings).not.toHaveBeenCalled();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('shows the backend’s refusal and stays open', async () => {
    m.saveSettings.mockRejectedValue(new ApiError('invalid', 'A monthly budget must be between $0 and $1,000,000,000.'));
    const { onSaved, user } = renderDialog();
    await user.type(await screen.findByRole('textbox', { name: 'Monthly budget' }), '5');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('A monthly budget must be between $0 and $1,000,000,000.');
    expect(onSaved).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('offers a retry when the settings cannot be loaded', async () => {
    m.fetchSettings.mockRejectedValueOnce(new ApiError('internal', 'Cannot read the settings.'));
    const { user } = renderDialog();
    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot read the settings.');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Budget for Production DB' })).toBeInTheDocument();
  });

  it('has no budget section without an active profile', async () => {
    render(<SettingsDialog open onClose={() => {}} onSaved={() => {}} />);
    expect(await screen.findByRole('radio', { name: 'Today’s cost' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Monthly budget' })).toBeNull();
  });
});
