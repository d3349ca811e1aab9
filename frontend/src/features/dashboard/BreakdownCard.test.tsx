import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { backend } from '@wails/go/models';
import { modeLabel } from '../../utils/breakdowns';
import { breakdowns, usageRow } from '../../test/fixtures';
import { BreakdownCard } from './BreakdownCard';

const rows = (list: ReturnType<typeof usageRow>[]) => list.map((r) => backend.UsageRow.createFrom(r));
const b = breakdowns();

function items(title: string) {
  const card = screen.getByRole('region', { name: title });
  return within(card)
    .getAllByRole('listitem')
    .map((li) => li.textContent);
}

/** Each bar's share of the period cost (data-share, 0..1, 4 decimals). */
function shares(): string[] {
  return screen.getAllByTestId('cost-share-bar').map((el) => el.dataset.share ?? '?');
}

describe('BreakdownCard', () => {
  it('lists labels, costs and compact tokens with bars sized by the share of the period cost', async () => {
    render(<BreakdownCard title="By model" rows={rows(b.by_model)} totalCostUSD={1234.5678} />);
    expect(screen.getByRole('heading', { name: 'By model' })).toBeInTheDocument();
    expect(items('By model')).toEqual(['claude-opus-4-1600K$1,000.00', 'claude-sonnet-4-5634.6K$234.57']);
    expect(shares()).toEqual(['0.8100', '0.1900']);
    await userEvent.setup().hover(screen.getByText('$234.57'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent('$234.5678');
  });

  it('names the billing modes', () => {
    render(<BreakdownCard title="By billing mode" rows={rows(b.by_mode)} totalCostUSD={1234.5678} labelOf={modeLabel} />);
    const card = screen.getByRole('region', { name: 'By billing mode' });
    expect(within(card).getByText('Billable (API key)')).toBeInTheDocument();
    expect(within(card).getByText('Plan-covered (Max plan)')).toBeInTheDocument();
    expect(within(card).getByText('Unknown mode')).toBeInTheDocument();
    expect(within(card).queryByText('api-key')).toBeNull();
  });

  it('shows the top rows and how many more there are', () => {
    render(<BreakdownCard title="Top workflows" rows={rows(b.by_workflow)} totalCostUSD={1234.5678} limit={5} />);
    const card = screen.getByRole('region', { name: 'Top workflows' });
    expect(within(card).getAllByRole('listitem')).toHaveLength(5);
    expect(within(card).getByText('Triage')).toBeInTheDocument();
    expect(within(card).queryByText('Bench')).toBeNull();
    expect(card).toHaveTextContent('+2 more');
  });

  it('has no "more" note when everything fits, and says when there is nothing', () => {
    const { unmount } = render(
      <BreakdownCard title="Top workflows" rows={rows(b.by_workflow.slice(0, 5))} totalCostUSD={1} limit={5} />,
    );
    expect(screen.queryByText(/more$/)).toBeNull();
    expect(shares()).toEqual(['1.0000', '1.0000', '1.0000', '1.0000', '1.0000']);
    unmount();
    render(<BreakdownCard title="By model" rows={null} totalCostUSD={0} />);
    expect(screen.getByText('No usage in this period.')).toBeInTheDocument();
  });

  it('keeps bars empty when the period cost is zero', () => {
    render(<BreakdownCard title="By model" rows={rows([usageRow('m', 'm', 0, [5, 0, 0, 0])])} totalCostUSD={0} />);
    expect(shares()).toEqual(['0.0000']);
    expect(items('By model')).toEqual(['m5$0.00']);
  });
});
