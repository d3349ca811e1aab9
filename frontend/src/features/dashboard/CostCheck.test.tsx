import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { backend } from '@wails/go/models';
import { PRICING, pricedReport } from '../../test/fixtures';
import type { Pricing } from '../../utils/pricing';
import { CacheCard } from './CacheCard';
import { CostHero } from './CostHero';

const pricing = (over: Partial<Pricing> = {}): Pricing => backend.PricingSummary.createFrom({ ...PRICING, ...over });
const metric = (id: string) => document.querySelector<HTMLElement>(`[data-metric="${id}"]`);

// By hand from PRICING: drift = 1200 − 1167.75 = 32.25; 32.25 / 1167.75 = 0.027617… → "+2.8%" ("+2.76%" exact).
const DRIFT = 1200 - 1167.75;
const DRIFT_PCT = (100 * DRIFT) / 1167.75;

describe('CostHero: the check at API prices', () => {
  it('shows the computed cost as a lower bound with the unpriced tokens, the drift, and "Set prices…"', async () => {
    const onSetPrices = vi.fn();
    render(<CostHero costUSD={1234.5678} caption="spend" pricing={pricing()} onSetPrices={onSetPrices} />);
    expect(DRIFT).toBe(32.25);
    expect(DRIFT_PCT.toFixed(2)).toBe('2.76');
    const line = screen.getByTestId('computed-line');
    expect(line).toHaveTextContent('Computed at API prices: ≥ $1,180.25, 34.6K tokens unpriced · drift +$32.25 (+2.8%)');
    expect(metric('total_cost_usd')).toHaveTextContent('$1,234.57');
    expect(metric('computed_usd')).toHaveAttribute('data-exact', '$1,180.2500');
    expect(metric('unpriced_tokens')).toHaveAttribute('data-exact', '34,567');
    expect(metric('drift_usd')).toHaveAttribute('data-exact', '+$32.2500 (+2.76%)');
    await userEvent.setup().click(within(line).getByRole('button', { name: 'Set prices…' }));
    expect(onSetPrices).toHaveBeenCalledTimes(1);
  });

  it('says nothing about unpriced tokens when every log was priced, and shows a negative drift', () => {
    // 1100 − 1167.75 = −67.75; −67.75 / 1167.75 = −5.80%.
    const p = pricing({ unpriced_tokens: 0, unpriced_models: [], reported_compared_usd: 1100, drift_usd: -67.75 });
    render(<CostHero costUSD={1234.5678} caption="spend" pricing={p} onSetPrices={() => {}} />);
    expect(screen.getByTestId('computed-line')).toHaveTextContent(/^Computed at API prices: \$1,180\.25 · drift -\$67\.75 \(-5\.8%\)$/);
    expect(screen.queryByText(/≥/)).toBeNull();
    expect(screen.queryByText(/unpriced/)).toBeNull();
    expect(metric('unpriced_tokens')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Set prices…' })).toBeNull();
  });

  it('has no line without a cost check', () => {
    render(<CostHero costUSD={1} caption="spend" />);
    expect(screen.queryByTestId('computed-line')).toBeNull();
    expect(metric('computed_usd')).toBeNull();
  });
});

// PricingCard: see PricingCard.test.tsx.

describe('CacheCard', () => {
  it('shows the hit ratio, what caching saved and the cache tokens', () => {
    const report = pricedReport();
    render(<CacheCard report={report} pricing={report.pricing!} />);
    // 400K cache reads over 500K input + 100K writes + 400K reads = 0.4.
    expect(metric('cache_hit_ratio')).toHaveTextContent('40.0%');
    expect(metric('cache_savings_usd')).toHaveTextContent('+$95.40');
    expect(metric('cache_savings_usd')).toHaveAttribute('data-exact', '+$95.4000');
    expect(screen.getByText('Caching saved')).toBeInTheDocument();
    expect(screen.getByTestId('cache-savings')).toHaveTextContent(/^Caching saved \$95\.40 against paying the full input price/);
    const card = screen.getByRole('region', { name: 'Cache economics' });
    expect(card).toHaveTextContent('Cache read tokens400K');
    expect(card).toHaveTextContent('Cache write tokens100K');
  });

  it('says when caching cost more than it saved', () => {
    const report = pricedReport({}, { cache_savings_usd: -12.345 });
    render(<CacheCard report={report} pricing={report.pricing!} />);
    expect(metric('cache_savings_usd')).toHaveTextContent('-$12.35');
    expect(screen.getByText('Caching cost more')).toBeInTheDocument();
    expect(screen.getByTestId('cache-savings')).toHaveTextContent(/^Caching cost \$12\.35 more than it saved/);
    expect(screen.queryByText(/Caching saved/)).toBeNull();
  });
});
