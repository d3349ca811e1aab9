import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ThemeProvider } from '@mui/material/styles';
import { describe, expect, it } from 'vitest';
import { createAppTheme } from '../theme';
import { breakdowns, makeReport, usageRow } from '../test/fixtures';
import { NO_BREAKDOWN_NOTICE, UsageOverTimeCard, type UsageOverTimeCardProps } from './UsageOverTimeCard';

const period = { preset: 'p', label: 'P', start: '2025-11-23T00:00:00Z', end: '2025-11-27T00:00:00Z', time_zone: 'UTC' };

function mongoReport(byDay = [usageRow('2025-11-24', '2025-11-24', 12.34565, [1000, 2000, 3000, 1_234_567], 7)]) {
  return makeReport({ period, breakdowns: breakdowns({ by_day: byDay }) });
}

function renderCard(props: UsageOverTimeCardProps) {
  return render(
    <ThemeProvider theme={createAppTheme('light')}>
      <UsageOverTimeCard {...props} />
    </ThemeProvider>,
  );
}

describe('UsageOverTimeCard', () => {
  it('lists every day of the period with exact figures in the table view', () => {
    renderCard({ report: mongoReport(), initialView: 'table' });
    const table = screen.getByRole('table', { name: 'Usage per day' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Day', 'Cost', 'Input', 'Output', 'Cache write', 'Cache read', 'Total tokens', 'Logs']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.dataset.day)).toEqual(['2025-11-23', '2025-11-24', '2025-11-25', '2025-11-26']);
    expect(rows.map((r) => r.textContent)).toEqual([
      'Nov 23, 2025$0.0000000000',
      'Nov 24, 2025$12.34571,0002,0003,0001,234,5671,240,5677',
      'Nov 25, 2025$0.0000000000',
      'Nov 26, 2025$0.0000000000',
    ]);
    const cost = within(rows[1]).getByText('$12.3457');
    expect(cost).toHaveAttribute('data-metric', 'day_cost_usd');
    expect(cost).toHaveAttribute('data-exact', '$12.3457');
    expect(within(rows[0]).getByText('$0.0000')).toHaveAttribute('data-exact', '$0.0000');
  });

  it('says per-day figures need MongoDB for the platform API', () => {
    renderCard({ report: makeReport({ breakdowns: null, source: { kind: 'platform', label: 'API' } }) });
    const card = screen.getByRole('region', { name: 'Over time' });
    expect(within(card).getByRole('note')).toHaveTextContent(NO_BREAKDOWN_NOTICE);
    expect(within(card).queryByRole('button')).toBeNull();
  });

  it('says so when no day has usage', () => {
    renderCard({ report: mongoReport([]) });
    expect(screen.getByText('No usage in this period.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('switches between cost and stacked token series, and to the table', async () => {
    const user = userEvent.setup();
    const { container } = renderCard({ report: mongoReport(), chartWidth: 600 });
    const pressed = (name: string) => screen.getByRole('button', { name }).getAttribute('aria-pressed');
    expect(pressed('Chart')).toBe('true');
    expect(pressed('Cost')).toBe('true');
    await waitFor(() => expect(container.querySelector('.MuiChartsSurface-root')).not.toBeNull());
    // Cost: one series, no legend.
    expect(screen.queryByText('Cache read')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Tokens' }));
    expect(pressed('Tokens')).toBe('true');
    for (const label of ['Input', 'Output', 'Cache creation', 'Cache read']) {
      expect(screen.getByText(label)).toBeInTheDocument();
    }

    await user.click(screen.getByRole('button', { name: 'Table' }));
    expect(screen.getByRole('table', { name: 'Usage per day' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tokens' })).toBeNull();
  });
});
