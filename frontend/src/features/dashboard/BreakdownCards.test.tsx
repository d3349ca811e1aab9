import { act, screen, within } from '@testing-library/react';
import { render } from '../../test/render';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ThemeProvider } from '@mui/material/styles';
import type { Report } from '../../api';
import { createAppTheme } from '../../theme';
import { BY_INSTANCE, PRICED_BY_MODE, PRICED_BY_MODEL, breakdowns, makeReport, platformReport, pricedReport } from '../../test/fixtures';
import { BreakdownCards } from './BreakdownCards';
import { DashboardGrid } from './DashboardGrid';
import { MONGODB_NOTICE, UNPRICED_REPORT_NOTICE } from './PricingNotice';
import { ReportView } from './ReportView';

// The over-time card is another card's business (and loads a chart lazily).
vi.mock('./UsageOverTimeCard', () => ({ UsageOverTimeCard: () => null }));

const card = (name: string) => screen.getByRole('region', { name });
const item = (region: HTMLElement, key: string) => region.querySelector<HTMLElement>(`li[data-row-key="${key}"]`)!;
const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 10_000) / 10_000;

function renderCards(report = pricedReport()) {
  render(
    <DashboardGrid>
      <BreakdownCards report={report} />
    </DashboardGrid>,
  );
}

describe('By model', () => {
  it('shows each model’s reported cost and its cost at API prices, flagging the model without a price', () => {
    renderCards();
    const region = card('By model');
    expect(item(region, 'claude-opus-4-1')).toHaveTextContent('claude-opus-4-1600K$1,000.00At API prices $980.00');
    expect(item(region, 'claude-sonnet-4-5')).toHaveTextContent('At API prices $200.25');
    const unpriced = item(region, 'claude-opus-4-7');
    expect(unpriced).toHaveTextContent('$34.57No known price · 34.6K tokens unpriced');
    expect(unpriced).not.toHaveTextContent('$0.00');
    // The rows add up to the headline: 1000 + 200 + 34.5678.
    expect(sum(PRICED_BY_MODEL.map((r) => r.cost_usd))).toBe(1234.5678);
    expect(sum(PRICED_BY_MODEL.map((r) => r.computed_usd))).toBe(1180.25);
  });

  it('gives the render probe every model’s and mode’s exact cost, which sum to the headline', () => {
    renderCards();
    const exact = (id: string) =>
      Array.from(document.querySelectorAll<HTMLElement>(`[data-metric="${id}"]`)).map((e) => Number(e.dataset.exact!.replace(/[$,]/g, '')));
    expect(exact('model_cost_usd')).toEqual(PRICED_BY_MODEL.map((r) => r.cost_usd));
    expect(exact('mode_cost_usd')).toEqual(PRICED_BY_MODE.map((r) => r.cost_usd));
    expect(sum(exact('model_cost_usd'))).toBe(sum(exact('mode_cost_usd')));
  });

  it('has no computed line for a report without the cost check', () => {
    renderCards(makeReport({ breakdowns: breakdowns() }));
    expect(card('By model')).not.toHaveTextContent('API prices');
  });
});

describe('By billing mode', () => {
  it('separates billed and plan-covered usage, with what the plan usage would have cost, and the total', () => {
    renderCards();
    const region = card('By billing mode');
    expect(item(region, 'api-key')).toHaveTextContent(
      'Billable (API key)694.6K$900.00Billed to an API key · At API prices ≥ $880.00 · 34.6K tokens unpriced',
    );
    const plan = item(region, 'max-plan');
    expect(plan).toHaveTextContent('Plan-covered (Max plan)410K$300.00Covered by a Claude plan: would have cost $290.25 at API prices');
    expect(within(plan).getByText('$290.25')).toHaveAttribute('data-metric', 'plan_computed_usd');
    expect(item(region, '')).toHaveTextContent('Unknown mode130K$34.57Mode not recorded · At API prices $10.00');
    expect(within(region).getByTestId('breakdown-total')).toHaveTextContent('Total1.2M$1,234.57');
    // Bars: each mode's share of the 1,234,567 tokens.
    expect(within(region).getAllByTestId('cost-share-bar').map((b) => b.dataset.share)).toEqual([
      (694_567 / 1_234_567).toFixed(4),
      (410_000 / 1_234_567).toFixed(4),
      (130_000 / 1_234_567).toFixed(4),
    ]);
    expect(sum(PRICED_BY_MODE.map((r) => r.cost_usd))).toBe(1234.5678);
    expect(sum(PRICED_BY_MODE.map((r) => r.tokens.total_tokens))).toBe(1_234_567);
  });
});

/** The data-instance-key of the dialog's body rows, top to bottom. */
const order = () => Array.from(document.querySelectorAll<HTMLElement>('tbody tr[data-instance-key]')).map((r) => r.dataset.instanceKey);

describe('Instances', () => {
  it('lists the top five and opens every instance in a table sortable by each column', async () => {
    renderCards();
    const user = userEvent.setup();
    const region = card('Top instances');
    expect(within(region).getAllByRole('listitem')).toHaveLength(5);
    expect(region).toHaveTextContent('+2 more');
    await user.click(within(region).getByRole('button', { name: 'Show all' }));

    const dialog = await screen.findByRole('dialog', { name: 'All instances (7)' });
    const header = (name: RegExp) => within(dialog).getByRole('columnheader', { name });
    expect(order()).toEqual(['i1', 'i2', 'i3', 'i4', 'i5', 'i6', 'i7']);
    expect(header(/^Reported/)).toHaveAttribute('aria-sort', 'descending');

    await user.click(within(header(/^At API prices/)).getByRole('button'));
    expect(order()).toEqual(['i2', 'i1', 'i3', 'i4', 'i5', 'i6', 'i7']);
    expect(header(/^At API prices/)).toHaveAttribute('aria-sort', 'descending');
    expect(header(/^Reported/)).not.toHaveAttribute('aria-sort');

    await user.click(within(header(/^Tokens/)).getByRole('button'));
    // inst-c and inst-f tie on 200K tokens: by name.
    expect(order()).toEqual(['i2', 'i4', 'i3', 'i6', 'i5', 'i1', 'i7']);

    act(() => within(header(/^Logs/)).getByRole('button').focus());
    await user.keyboard('{Enter}');
    expect(order()).toEqual(['i4', 'i2', 'i6', 'i1', 'i5', 'i3', 'i7']);
    expect(header(/^Logs/)).toHaveAttribute('aria-sort', 'descending');
    await user.keyboard(' ');
    expect(order()).toEqual(['i7', 'i3', 'i5', 'i1', 'i6', 'i2', 'i4']);
    expect(header(/^Logs/)).toHaveAttribute('aria-sort', 'ascending');

    await user.click(within(header(/^Instance/)).getByRole('button'));
    expect(order()).toEqual(['i1', 'i2', 'i3', 'i4', 'i5', 'i6', 'i7']);
    expect(header(/^Instance/)).toHaveAttribute('aria-sort', 'ascending');

    // The unpriced instance never reads $0.00; the footer has the report's totals (logs summed: 98).
    const i7 = dialog.querySelector<HTMLElement>('tr[data-instance-key="i7"]')!;
    expect(within(i7).getAllByRole('cell').map((c) => c.textContent)).toEqual(['$34.57', 'No price', '34.6K', '3']);
    const footer = within(screen.getByTestId('instances-total'));
    expect(footer.getAllByRole('cell').map((c) => c.textContent)).toEqual(['$1,234.57', '≥ $1,180.25', '1.2M', '98']);
    expect(sum(BY_INSTANCE.map((r) => r.cost_usd))).toBe(1234.5678);
    expect(sum(BY_INSTANCE.map((r) => r.logs))).toBe(98);
  });

  it('has no instances card when the report lists none', () => {
    renderCards(makeReport({ breakdowns: breakdowns() }));
    expect(screen.queryByRole('region', { name: 'Top instances' })).toBeNull();
  });
});

const renderView = (report: Report, mode: 'light' | 'dark' = 'light') =>
  render(
    <ThemeProvider theme={createAppTheme(mode)}>
      <ReportView report={report} />
    </ThemeProvider>,
  );

describe('ReportView', () => {
  it('shows the pricing and cache cards for a priced MongoDB report, with no notice', () => {
    renderView(pricedReport(), 'dark');
    expect(screen.getByTestId('pricing-card')).toBeInTheDocument();
    expect(screen.getByTestId('cache-card')).toBeInTheDocument();
    expect(screen.getByTestId('computed-line')).toBeInTheDocument();
    expect(screen.queryByTestId('pricing-notice')).toBeNull();
    // Each new headline figure appears once, for the render probe.
    // (estimated_usd left the pricing card: one cost, the headline's.)
    for (const id of ['computed_usd', 'unpriced_tokens', 'drift_usd', 'cache_savings_usd', 'cache_hit_ratio', 'plan_computed_usd']) {
      expect(document.querySelectorAll(`[data-metric="${id}"]`)).toHaveLength(1);
    }
  });

  it('says once that a platform report needs a MongoDB connection, and shows no cost check cards', () => {
    renderView(platformReport());
    const notices = screen.getAllByTestId('pricing-notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toHaveTextContent(MONGODB_NOTICE);
    expect(screen.getAllByText(/need a MongoDB connection/)).toHaveLength(1);
    expect(screen.queryByTestId('pricing-card')).toBeNull();
    expect(screen.queryByTestId('cache-card')).toBeNull();
    expect(screen.queryByRole('region', { name: 'By model' })).toBeNull();
    expect(document.querySelector('[data-metric="computed_usd"]')).toBeNull();
  });

  it('notes that a stored MongoDB report without pricing has no check', () => {
    renderView(makeReport({ breakdowns: breakdowns() }));
    expect(screen.getByTestId('pricing-notice')).toHaveTextContent(UNPRICED_REPORT_NOTICE);
    expect(screen.getByRole('region', { name: 'By model' })).toBeInTheDocument();
  });
});
