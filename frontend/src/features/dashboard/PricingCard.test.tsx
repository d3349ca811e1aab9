import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { backend } from '@wails/go/models';
import * as api from '../../api';
import { ApiError, type PriceStatus } from '../../api';
import { deferred } from '../../test/mockApi';
import { PRICED_BY_MODEL, PRICING, usageRow } from '../../test/fixtures';
import { render } from '../../test/render';
import type { Pricing } from '../../utils/pricing';
import { PricingCard } from './PricingCard';

vi.mock('../../api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../api')>();
  return { ...actual, fetchPriceStatus: vi.fn(), checkPricesNow: vi.fn(), checkPricesIfDue: vi.fn() };
});
const m = vi.mocked(api);

const pricing = (over: Partial<Pricing> = {}): Pricing => backend.PricingSummary.createFrom({ ...PRICING, ...over });
const metric = (id: string) => document.querySelector<HTMLElement>(`[data-metric="${id}"]`);

const status = (over: Partial<PriceStatus> = {}): PriceStatus => ({
  version: '2026-12-04+litellm-2026-12-02',
  update: { url: 'https://prices.example/litellm.json', fetched_at: '2026-12-02T08:00:00Z', sha256: 'ab', families: 24, kept_out: [] },
  checked: '2026-12-02T08:00:00Z',
  checked_text: 'Prices checked 3 days ago.',
  last_error: '',
  store_error: '',
  checking: false,
  daily_check: true,
  url: 'https://prices.example/litellm.json',
  ...over,
});

beforeEach(() => {
  vi.clearAllMocks();
  m.fetchPriceStatus.mockResolvedValue(status());
  m.checkPricesIfDue.mockResolvedValue(false);
});

describe('PricingCard', () => {
  it('sets the reported cost beside the computed one, with the drift, filled-in logs and the price table, and no second spend figure', async () => {
    render(<PricingCard reportedUSD={1234.5678} pricing={pricing()} byModel={PRICED_BY_MODEL} onSetPrices={() => {}} />);
    const card = screen.getByRole('region', { name: 'Pricing' });
    const totals = within(screen.getByTestId('pricing-totals'));
    expect(totals.getByText('$1,234.57')).toBeInTheDocument();
    expect(totals.getByText('≥ $1,180.25')).toBeInTheDocument();
    expect(totals.getByText('A lower bound: 34.6K tokens unpriced')).toBeInTheDocument();
    // One cost: the headline shows the spend; the card explains it.
    expect(screen.queryByText('Estimated spend')).toBeNull();
    expect(metric('estimated_usd')).toBeNull();
    expect(screen.getByTestId('pricing-drift')).toHaveTextContent(
      'Over logs with both, reported $1,200.00 vs $1,167.75 at API prices: drift +$32.25 (+2.8%) (reported is higher than API prices).',
    );
    expect(card).toHaveTextContent('Logs without a reported cost3, filled in from tokens: $12.50');
    expect(card).toHaveTextContent('Logs over 200K prompt tokens4');
    expect(screen.getByTestId('pricing-rules')).toHaveTextContent('None: every log at its model’s standard rates.');
    expect(screen.queryByTestId('pricing-secondary')).toBeNull();
    expect(screen.getByTestId('price-table')).toHaveTextContent('Prices as of 2026-02-17, Anthropic pricing page');
    expect(await within(card).findByText(/Prices checked 3 days ago\./)).toBeInTheDocument();
  });

  it('says which rules applied to how many logs, which secondary-source rows priced logs, and how cache writes were priced', () => {
    const p = pricing({
      unpriced_tokens: 0,
      unpriced_models: [],
      rules: [
        { rule: 'long-context', logs: 2 },
        { rule: 'batch', logs: 1 },
        { rule: 'cache-1h', logs: 340 },
        { rule: 'fast', logs: 0 },
      ],
      secondary_rows: [{ row: 'claude-fable-5-2@2026-11-09', logs: 120, computed_usd: 12.345 }],
      unconfirmed_logs: 3,
      cache_ttl_note: 'Cache writes priced as 1-hour writes: they match the reported cost within 0.4%.',
    });
    render(<PricingCard reportedUSD={1} pricing={p} />);
    const rules = within(screen.getByRole('list', { name: 'Pricing rules applied' }));
    expect(rules.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Prompt-size tier: the whole request at the long-prompt rates: 2 logs',
      'Batch discount (50%): 1 log',
      'Cache writes at the 1-hour rate: 340 logs',
    ]);
    expect(screen.getByTestId('pricing-secondary')).toHaveTextContent(
      'Price from a secondary source: claude-fable-5-2@2026-11-09 priced 120 logs ($12.35).',
    );
    expect(screen.getByTestId('pricing-unconfirmed')).toHaveTextContent(/^3 logs under a rule whose multiplier is not confirmed/);
    expect(screen.getByTestId('pricing-cache-ttl')).toHaveTextContent(
      'Cache writes priced as 1-hour writes: they match the reported cost within 0.4%.',
    );
    expect(screen.getByTestId('pricing-unpriced')).toHaveTextContent('Every model has a price.');
    // Nothing unpriced: no price check is asked for.
    expect(m.checkPricesIfDue).not.toHaveBeenCalled();
    expect(m.fetchPriceStatus).not.toHaveBeenCalled();
  });

  it('says how many tokens of which model are unpriced and when prices were checked, and asks for a background check', async () => {
    const onSetPrices = vi.fn();
    const byModel = [...PRICED_BY_MODEL.slice(0, 2), usageRow('claude-xyz', 'claude-xyz', 3, [12_000_000, 400_000, 0, 0], 5, 0, 12_400_000)];
    const p = pricing({ unpriced_tokens: 12_400_000, unpriced_models: ['claude-xyz'] });
    render(<PricingCard reportedUSD={1} pricing={p} byModel={byModel} onSetPrices={onSetPrices} />);
    const line = within(screen.getByTestId('pricing-unpriced'));
    await waitFor(() => expect(line.getByRole('status')).toHaveTextContent('12.4M tokens of claude-xyz unpriced. Prices checked 3 days ago.'));
    expect(m.checkPricesIfDue).toHaveBeenCalledWith(true);
    await userEvent.setup().click(line.getByRole('button', { name: 'Set a price' }));
    expect(onSetPrices).toHaveBeenCalledTimes(1);
  });

  it('"Check now" checks, says so while it runs, and shows a refusal in its sentence', async () => {
    const answer = deferred<PriceStatus>();
    m.checkPricesNow.mockReturnValueOnce(answer.promise);
    render(<PricingCard reportedUSD={1} pricing={pricing()} byModel={PRICED_BY_MODEL} />);
    const line = within(screen.getByTestId('pricing-unpriced'));
    await waitFor(() => expect(line.getByRole('status')).toHaveTextContent('34.6K tokens of claude-opus-4-7 unpriced. Prices checked 3 days ago.'));
    expect(line.queryByRole('button', { name: 'Set a price' })).toBeNull();
    const user = userEvent.setup();
    await user.click(line.getByRole('button', { name: 'Check now' }));
    expect(line.getByRole('status')).toHaveTextContent('Checking for new prices…');
    expect(line.getByRole('button', { name: 'Check now' })).toBeDisabled();
    m.fetchPriceStatus.mockResolvedValue(status({ checked_text: 'Prices checked less than an hour ago.' }));
    await act(async () => answer.resolve(status({ checked_text: 'Prices checked less than an hour ago.' })));
    await waitFor(() => expect(line.getByRole('status')).toHaveTextContent('Prices checked less than an hour ago.'));

    m.checkPricesNow.mockRejectedValueOnce(new ApiError('invalid', 'The price file is an HTML page, not LiteLLM’s JSON price list.'));
    await user.click(line.getByRole('button', { name: 'Check now' }));
    expect(await line.findByRole('alert')).toHaveTextContent('The price file is an HTML page, not LiteLLM’s JSON price list.');
  });

  it('never shows $0.00 when no model had a price, and says when nothing can be compared', async () => {
    const p = pricing({ computed_usd: 0, reported_compared_usd: 0, computed_compared_usd: 0, drift_usd: 0, logs_without_cost: 0 });
    render(<PricingCard reportedUSD={34.5678} pricing={p} />);
    const totals = within(screen.getByTestId('pricing-totals'));
    expect(totals.getByText('No price')).toBeInTheDocument();
    expect(totals.queryByText('$0.00')).toBeNull();
    expect(screen.getByTestId('pricing-drift')).toHaveTextContent('No log has both a reported cost and a known price');
    expect(screen.queryByText(/filled in/)).toBeNull();
    expect(await screen.findByText(/Prices checked 3 days ago\./)).toBeInTheDocument();
  });

  it('says the reported cost matches when the drift is within 0.1%', () => {
    render(<PricingCard reportedUSD={1} pricing={pricing({ reported_compared_usd: 1168, drift_usd: 0.25, unpriced_models: [], unpriced_tokens: 0 })} />);
    expect(screen.getByTestId('pricing-drift')).toHaveTextContent('drift +$0.25 (0.0%) (matches API prices)');
  });
});
