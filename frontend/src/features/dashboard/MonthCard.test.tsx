import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { makeGlance } from '../../test/glanceFixtures';
import { MonthCard } from './MonthCard';

const NOW = new Date(2025, 10, 20, 12, 0).getTime(); // Nov 20, 2025 local

function metric(id: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-metric="${id}"]`);
  if (!el) throw new Error(`no [data-metric="${id}"] on screen`);
  return el;
}

const asOf = (msAgo = 0) => new Date(NOW - msAgo).toISOString();

describe('MonthCard', () => {
  it('shows the month to date, today, the budget used and the forecast with their exact values', () => {
    render(<MonthCard glance={makeGlance({ as_of: asOf() })} now={NOW} />);
    const card = screen.getByRole('region', { name: 'This month' });
    expect(metric('month_usd')).toHaveTextContent('$62.34');
    expect(metric('month_usd')).toHaveAttribute('data-exact', '$62.3412');
    expect(metric('today_usd')).toHaveTextContent('$4.57');
    expect(metric('today_usd')).toHaveAttribute('data-exact', '$4.5679');
    expect(metric('budget_fraction').textContent).toBe('62%');
    expect(metric('budget_fraction')).toHaveAttribute('data-exact', '62.34%');
    expect(metric('forecast_usd').textContent).toBe('$95.10');
    expect(metric('forecast_usd')).toHaveAttribute('data-exact', '$95.1000');
    expect(within(card).getByTestId('budget-bar')).toHaveTextContent('62% of $100');
    expect(within(card).getByTestId('month-forecast')).toHaveTextContent('Forecast at this pace: $95.10 by Nov 30');
    expect(within(card).getByTestId('month-forecast')).toHaveAttribute('data-over-budget', 'false');
    const bar = within(card).getByRole('progressbar', { name: 'Budget used: 62% of $100' });
    expect(bar).toHaveAttribute('aria-valuenow', '62');
    expect(bar).toHaveClass('MuiLinearProgress-colorPrimary');
    expect(screen.queryByTestId('month-stale')).toBeNull();
  });

  it.each([
    ['ok', 'MuiLinearProgress-colorPrimary'],
    ['near', 'MuiLinearProgress-colorWarning'],
    ['over', 'MuiLinearProgress-colorError'],
  ])('colours the bar of level %s', (level, cls) => {
    render(<MonthCard glance={makeGlance({ level, as_of: asOf() })} now={NOW} />);
    expect(screen.getByRole('progressbar')).toHaveClass(cls);
    expect(screen.getByTestId('budget-bar')).toHaveAttribute('data-level', level);
  });

  it('fills the bar at most once when over budget', () => {
    const g = makeGlance({ month_usd: 125, budget_fraction: 1.25, level: 'over', forecast_usd: 190, as_of: asOf() });
    render(<MonthCard glance={g} now={NOW} />);
    expect(screen.getByTestId('budget-bar')).toHaveTextContent('125% of $100');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  });

  it('warns when the forecast exceeds the budget', () => {
    render(<MonthCard glance={makeGlance({ forecast_usd: 130.456, level: 'near', as_of: asOf() })} now={NOW} />);
    const forecast = screen.getByTestId('month-forecast');
    expect(forecast).toHaveAttribute('data-over-budget', 'true');
    expect(forecast).toHaveTextContent('Forecast at this pace: $130.46 by Nov 30, over budget');
  });

  it('shows no bar without a budget, and offers to set one', async () => {
    const onSetBudget = vi.fn();
    const g = makeGlance({ budget_usd: 0, budget_fraction: 0, level: 'none', as_of: asOf() });
    render(<MonthCard glance={g} now={NOW} onSetBudget={onSetBudget} />);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(document.querySelector('[data-metric="budget_fraction"]')).toBeNull();
    expect(screen.getByTestId('month-forecast')).toHaveAttribute('data-over-budget', 'false');
    expect(document.querySelectorAll('[data-metric]')).toHaveLength(3);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Set a monthly budget' }));
    expect(onSetBudget).toHaveBeenCalled();
  });

  it('says how old stale figures are', () => {
    render(<MonthCard glance={makeGlance({ stale: true, as_of: asOf(2 * 3_600_000) })} now={NOW} />);
    expect(screen.getByTestId('month-stale')).toHaveTextContent('as of 2 hours ago');
  });
});
