import { screen, waitFor, within } from '@testing-library/react';
import { render } from '../../test/render';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../api';
import { ApiError, type PriceModel } from '../../api';
import { LISTING, priceStatus } from '../../test/priceFixtures';
import { makeSettings } from '../../test/glanceFixtures';
import { SettingsDialog } from './SettingsDialog';

vi.mock('../../api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../api')>();
  return {
    ...actual,
    fetchSettings: vi.fn(),
    saveSettings: vi.fn(),
    fetchPriceTable: vi.fn(),
    fetchPriceListing: vi.fn(),
    fetchPriceStatus: vi.fn(),
    checkPricesNow: vi.fn(),
  };
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
  m.fetchPriceListing.mockResolvedValue(LISTING);
  m.fetchPriceStatus.mockResolvedValue(priceStatus());
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

describe('Settings → Prices: the table in force and its updates', () => {
  it('says what is in force and when prices were checked from where, what the download added and kept out, and lists every row with its source', async () => {
    m.fetchPriceStatus.mockResolvedValue(
      priceStatus({ update: { ...LISTING.update!, kept_out: ['claude-opus-5-5: the download’s input price $0.05 is more than 10x away from $5.'] } }),
    );
    const { user } = renderDialog();
    expect(await screen.findByTestId('settings-price-in-force')).toHaveTextContent(
      'In force: table 2026-12-04+litellm-2026-12-02, the shipped table merged with the price download.',
    );
    await waitFor(() =>
      expect(screen.getByTestId('price-check-status')).toHaveTextContent(
        'Prices checked 3 days ago from https://prices.example/model_prices_and_context_window.json.',
      ),
    );
    // claude-lyric-1 is a model only the download knows; Fable 5.2 got a new dated price.
    expect(screen.getByTestId('price-download-summary')).toHaveTextContent('The download added 1 model and 1 new price.');
    const kept = within(screen.getByRole('region', { name: /Kept out 1 price of the download/ }));
    expect(kept.getByRole('listitem')).toHaveTextContent('is more than 10x away from $5.');

    await user.click(screen.getByRole('button', { name: 'Show the table in force (4 models)' }));
    const table = await screen.findByRole('table', { name: /Prices in force, table 2026-12-04\+litellm-2026-12-02/ });
    const rowOf = (id: string) => table.querySelector<HTMLElement>(`[data-price-row="${id}"]`)!;
    const sonnetNow = rowOf('claude-sonnet-5-5@2026-10-07');
    expect(sonnetNow).toHaveAttribute('data-in-force', 'true');
    expect(sonnetNow).toHaveTextContent('2026-10-07 (in force)');
    expect(sonnetNow).toHaveTextContent('$0.1');
    expect(sonnetNow).toHaveTextContent('Third-party price trackers, verified 2026-11-30');
    expect(within(sonnetNow).getByText('price from a secondary source')).toBeInTheDocument();
    const sonnetBefore = rowOf('claude-sonnet-5-5@2026-06-01');
    expect(sonnetBefore).not.toHaveAttribute('data-in-force');
    expect(within(sonnetBefore).queryByText('price from a secondary source')).toBeNull();
    expect(sonnetBefore).toHaveTextContent('Shipped with usagedash; confirmed by the download');
    expect(rowOf('claude-fable-5-2@2026-11-09')).toHaveTextContent('Claude Fable 5.2 (also claude-mythos-5-2)');
    expect(rowOf('claude-fable-5-2@2026-11-09')).toHaveTextContent('kept over the download; A newer row from the download follows.');
    expect(rowOf('claude-fable-5-2@2026-12-02')).toHaveTextContent('From the price download; added by the download');
    expect(table.querySelectorAll('[data-in-force]')).toHaveLength(4);
  });

  it('"Check for new prices" says it is checking, then what came, and reads the table again', async () => {
    let answer!: (s: api.PriceStatus) => void;
    m.checkPricesNow.mockReturnValueOnce(new Promise((res) => (answer = res)));
    m.fetchPriceStatus.mockResolvedValue(priceStatus({ update: undefined, checked: null, checked_text: 'Prices not checked yet: the shipped table of 2026-12-04 is in force.' }));
    m.fetchPriceListing.mockResolvedValueOnce({ ...LISTING, update: undefined, version: '2026-12-04' });
    const { user } = renderDialog();
    const status = await screen.findByTestId('price-check-status');
    await waitFor(() => expect(status).toHaveTextContent('Prices not checked yet: the shipped table of 2026-12-04 is in force.'));
    expect(screen.queryByTestId('price-download-summary')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Check for new prices' }));
    expect(status).toHaveTextContent('Checking for new prices…');
    expect(screen.getByRole('button', { name: 'Check for new prices' })).toBeDisabled();
    answer(priceStatus({ checked_text: 'Prices checked less than an hour ago.' }));
    await waitFor(() =>
      expect(status).toHaveTextContent('Prices checked less than an hour ago from https://prices.example/model_prices_and_context_window.json.'),
    );
    expect(await screen.findByTestId('price-download-summary')).toHaveTextContent('The download added 1 model and 1 new price.');
    expect(m.fetchPriceListing).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('button', { name: 'Check for new prices' })).toBeEnabled();
  });

  it('shows a refused check in its one sentence, and the prices in force stay', async () => {
    m.checkPricesNow.mockRejectedValueOnce(new ApiError('invalid', 'The price file prices only 2 of the 24 Claude models usagedash knows, so it is not used.'));
    const { user } = renderDialog();
    await user.click(await screen.findByRole('button', { name: 'Check for new prices' }));
    expect(await screen.findByTestId('price-check-refusal')).toHaveTextContent(
      'The price file prices only 2 of the 24 Claude models usagedash knows, so it is not used. The prices in force stay.',
    );
    expect(screen.getByTestId('settings-price-in-force')).toHaveTextContent('In force: table 2026-12-04+litellm-2026-12-02');
  });

  it('saves the daily check and the price list address, refusing one that is not https', async () => {
    m.fetchSettings.mockResolvedValue(makeSettings({ check_prices_daily: true }));
    const { onSaved, user } = renderDialog();
    const daily = await screen.findByRole('switch', { name: 'Check for new prices once a day' });
    expect(daily).toBeChecked();
    await user.click(daily);
    const address = screen.getByRole('textbox', { name: 'Price list address' });
    expect(address).toHaveAttribute('placeholder', 'https://prices.example/model_prices_and_context_window.json');
    await user.type(address, 'http://mirror.example/prices.json');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(address).toHaveAccessibleDescription('The price list address must be an https:// URL.'));
    expect(m.saveSettings).not.toHaveBeenCalled();
    await user.clear(address);
    await user.type(address, 'https://mirror.example/prices.json');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(m.saveSettings).toHaveBeenCalledWith(
      expect.objectContaining({ check_prices_daily: false, price_list_url: 'https://mirror.example/prices.json' }),
    );
  });
});
