import { screen, waitFor, within } from '@testing-library/react';
import { render } from '../../test/render';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../api';
import { ApiError, type PriceModel } from '../../api';
import { makeSettings } from '../../test/glanceFixtures';
import { SettingsDialog } from './SettingsDialog';

vi.mock('../../api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../api')>();
  return { ...actual, fetchSettings: vi.fn(), saveSettings: vi.fn(), fetchPriceTable: vi.fn() };
});

const m = vi.mocked(api);

const model = (family: string, name: string, input: number, output: number): PriceModel => ({
  family,
  name,
  from: '2025-01-01',
  input,
  output,
  cache_write_5m: input * 1.25,
  cache_write_1h: input * 2,
  cache_read: input / 10,
  custom: false,
  long_context: false,
});

beforeEach(() => {
  vi.clearAllMocks();
  m.fetchSettings.mockResolvedValue(
    makeSettings({
      model_aliases: { 'claude-x': 'claude-sonnet-4-5' },
      custom_prices: { 'old-model': { input: 2, output: 8, cache_write_5m: 0, cache_write_1h: 0, cache_read: 0 } },
    }),
  );
  m.saveSettings.mockImplementation(async (s) => s);
  m.fetchPriceTable.mockResolvedValue({
    version: '2026-02-17',
    source: 'Anthropic pricing page',
    models: [model('claude-sonnet-4-5', 'Claude Sonnet 4.5', 3, 15), model('claude-opus-4-6', 'Claude Opus 4.6', 5, 25)],
  });
});

function renderDialog(props: { section?: 'prices'; unpricedModels?: string[] } = {}) {
  const onSaved = vi.fn();
  render(<SettingsDialog open profile={{ id: 'p1', name: 'DB' }} onClose={() => {}} onSaved={onSaved} {...props} />);
  return { onSaved, user: userEvent.setup() };
}

const entry = (id: string) => screen.getByRole('group', { name: id });
const entryIds = () => Array.from(document.querySelectorAll<HTMLElement>('[data-price-entry]')).map((e) => e.dataset.priceEntry);

describe('Settings → Prices', () => {
  it('lists the saved mappings and the report’s unpriced models, and saves mappings and custom prices', async () => {
    const { onSaved, user } = renderDialog({ unpricedModels: ['claude-opus-4-7', 'my-model', 'CLAUDE-X'] });
    expect(await screen.findByTestId('settings-price-table')).toHaveTextContent('Shipped: Prices as of 2026-02-17, Anthropic pricing page');
    // Saved ones first (by id), then the report's models that have none (CLAUDE-X is claude-x).
    expect(entryIds()).toEqual(['claude-x', 'old-model', 'claude-opus-4-7', 'my-model']);
    expect(within(entry('claude-x')).getByRole('combobox', { name: 'Use the price of' })).toHaveTextContent('Claude Sonnet 4.5 — $3 in / $15 out');
    expect(within(entry('old-model')).getByRole('textbox', { name: 'Input' })).toHaveValue('2');

    await user.click(within(entry('claude-opus-4-7')).getByRole('combobox', { name: 'Use the price of' }));
    await user.click(await screen.findByRole('option', { name: 'Claude Opus 4.6 — $5 in / $25 out' }));

    const mine = within(entry('my-model'));
    await user.click(mine.getByRole('button', { name: 'Custom prices' }));
    await user.type(mine.getByRole('textbox', { name: 'Input' }), '2');
    // Empty cache rates show what they default to: 1.25x, 2x and 0.1x the input price.
    expect(mine.getByRole('textbox', { name: 'Cache write (5 min)' })).toHaveAttribute('placeholder', '2.5');
    expect(mine.getByRole('textbox', { name: 'Cache write (1 hour)' })).toHaveAttribute('placeholder', '4');
    expect(mine.getByRole('textbox', { name: 'Cache read' })).toHaveAttribute('placeholder', '0.2');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await mine.findByText('Enter the output price per million tokens.')).toBeInTheDocument();
    expect(mine.getByRole('textbox', { name: 'Output' })).toHaveAttribute('aria-invalid', 'true');
    expect(m.saveSettings).not.toHaveBeenCalled();

    await user.type(mine.getByRole('textbox', { name: 'Output' }), '10');
    await user.type(mine.getByRole('textbox', { name: 'Cache read' }), '0.25');
    await user.click(screen.getByRole('button', { name: 'Remove old-model' }));
    expect(entryIds()).toEqual(['claude-x', 'claude-opus-4-7', 'my-model']);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(m.saveSettings).toHaveBeenCalledWith(
      expect.objectContaining({
        model_aliases: { 'claude-x': 'claude-sonnet-4-5', 'claude-opus-4-7': 'claude-opus-4-6' },
        custom_prices: { 'my-model': { input: 2, output: 10, cache_write_5m: 0, cache_write_1h: 0, cache_read: 0.25 } },
      }),
    );
  });

  it('says what is wrong with a custom price inline', async () => {
    const { user } = renderDialog();
    const old = within(await screen.findByRole('group', { name: 'old-model' }));
    await user.clear(old.getByRole('textbox', { name: 'Input' }));
    await user.type(old.getByRole('textbox', { name: 'Input' }), 'cheap');
    await user.type(old.getByRole('textbox', { name: 'Cache read' }), '-1');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(old.getByRole('textbox', { name: 'Input' })).toHaveAccessibleDescription('Enter a price in dollars, such as 3 or 0.30.'),
    );
    expect(old.getByRole('textbox', { name: 'Cache read' })).toHaveAttribute('aria-invalid', 'true');
    expect(m.saveSettings).not.toHaveBeenCalled();
  });

  it('adds a model id, refuses a duplicate, and saves nothing for a model left unset', async () => {
    const { onSaved, user } = renderDialog();
    const field = await screen.findByRole('textbox', { name: 'Another model id' });
    await user.type(field, 'OLD-MODEL{Enter}');
    expect(screen.getByText('OLD-MODEL is already listed.')).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, 'claude-next{Enter}');
    expect(entryIds()).toEqual(['claude-x', 'old-model', 'claude-next']);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(m.saveSettings.mock.calls[0][0].model_aliases).toEqual({ 'claude-x': 'claude-sonnet-4-5' });
    expect(Object.keys(m.saveSettings.mock.calls[0][0].custom_prices)).toEqual(['old-model']);
  });

  it('opens at the prices section, and shows the backend’s refusal', async () => {
    m.saveSettings.mockRejectedValue(new ApiError('invalid', 'Model "claude-x" is mapped to "nothing", which has no known price.'));
    const { onSaved, user } = renderDialog({ section: 'prices' });
    const heading = await screen.findByRole('heading', { name: 'Prices' });
    await waitFor(() => expect(heading).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('which has no known price');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('still offers custom prices when the price table cannot be read', async () => {
    m.fetchPriceTable.mockRejectedValue(new ApiError('internal', 'No table.'));
    renderDialog({ unpricedModels: ['claude-opus-4-7'] });
    expect(await screen.findByText(/The price table could not be read \(No table\.\); custom prices still work\./)).toBeInTheDocument();
    expect(within(entry('claude-opus-4-7')).getByRole('combobox', { name: 'Use the price of' })).toHaveAttribute('aria-disabled', 'true');
    expect(within(entry('claude-opus-4-7')).getByRole('button', { name: 'Custom prices' })).toBeEnabled();
  });
});
