import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ThemeProvider } from '@mui/material/styles';
import { describe, expect, it, vi } from 'vitest';
import type { Report } from '../../api';
import { createAppTheme } from '../../theme';
import { breakdowns, makeReport, usageRow } from '../../test/fixtures';
import { daySeriesReport, DST_HOURS, dstHourReport, noSeriesReport, SERIES_NOTE, zeroSeriesReport } from '../../test/seriesFixtures';
import { NO_BREAKDOWN_NOTICE } from '../../utils/buckets';
import { formatInteger, formatUSDExact } from '../../utils/format';
import { UsageOverTimeCard, type UsageOverTimeCardProps } from './UsageOverTimeCard';

const period = { preset: 'p', label: 'P', start: '2025-11-23T00:00:00Z', end: '2025-11-27T00:00:00Z', time_zone: 'UTC' };

/** A report stored before series existed: by_day only. */
function legacyReport(byDay = [usageRow('2025-11-24', '2025-11-24', 12.34565, [1000, 2000, 3000, 1_234_567], 7)]) {
  return makeReport({ period, breakdowns: breakdowns({ by_day: byDay }) });
}

function renderCard(props: UsageOverTimeCardProps, mode: 'light' | 'dark' = 'light') {
  return render(
    <ThemeProvider theme={createAppTheme(mode)}>
      <UsageOverTimeCard {...props} />
    </ThemeProvider>,
  );
}

const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').filter((r) => r.dataset.bucket !== undefined);
const headerCell = (row: HTMLElement) => within(row).getByRole('rowheader').textContent;

/** The totals the headline cards show, in the table's column order. */
function headlineTotals(r: Report): string[] {
  return [
    formatUSDExact(r.total_cost_usd),
    ...[r.total_input_tokens, r.total_output_tokens, r.total_cache_creation_tokens, r.total_cache_read_tokens, r.total_tokens].map(
      formatInteger,
    ),
  ];
}

describe('UsageOverTimeCard with a series', () => {
  it('lists every day, the "No date" row and zero rows, with totals equal to the headline', () => {
    const report = daySeriesReport();
    renderCard({ report, initialView: 'table' });
    const table = screen.getByRole('table', { name: 'Usage per day' });
    const rows = bodyRows(table);
    expect(rows).toHaveLength(31);
    expect(headerCell(rows[0])).toBe('No date');
    expect(rows[0]).toHaveTextContent('$34.5678');
    expect(rows.slice(1).map(headerCell)).toEqual(expect.arrayContaining(['Oct 28, 2025', 'Nov 3, 2025', 'Nov 26, 2025']));
    expect(headerCell(rows[1])).toBe('Oct 28, 2025');
    expect(headerCell(rows[30])).toBe('Nov 26, 2025');
    // A zero row: present, with exact zeros.
    const zero = rows.find((r) => r.dataset.bucket === '2025-11-04')!;
    expect(within(zero).getByText('$0.0000')).toHaveAttribute('data-metric', 'day_cost_usd');
    const nov3 = rows.find((r) => r.dataset.bucket === '2025-11-03')!;
    expect(nov3.textContent).toBe('Nov 3, 2025$1,000.0000400,000200,00050,000300,000950,00030');

    const total = within(table).getByTestId('bucket-total');
    const cells = within(total).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(0, 6)).toEqual(headlineTotals(report));
    expect(cells[6]).toBe('42'); // logs: 2 + 30 + 10
    expect(screen.getByTestId('over-time-subtitle')).toHaveTextContent('Per day · UTC');
  });

  it('sums the rows for the token totals, and shows the report’s total cost (rows are rounded one by one)', () => {
    const report = daySeriesReport({ total_cost_usd: 1234.5679, total_tokens: 1 });
    renderCard({ report, initialView: 'table' });
    const cells = within(screen.getByTestId('bucket-total')).getAllByRole('cell').map((c) => c.textContent);
    expect(cells[0]).toBe('$1,234.5679'); // the headline's, not the rows' $1,234.5678
    expect(cells[5]).not.toBe(formatInteger(1)); // tokens: the rows' sum, whatever the headline says
    expect(cells[5]).toBe(headlineTotals(daySeriesReport())[5]);
  });

  it('switches between chart and table with Ctrl+T', async () => {
    renderCard({ report: daySeriesReport() });
    expect(screen.queryByRole('table', { name: 'Usage per day' })).toBeNull();
    await userEvent.keyboard('{Control>}t{/Control}');
    expect(screen.getByRole('table', { name: 'Usage per day' })).toBeInTheDocument();
    await userEvent.keyboard('{Control>}t{/Control}');
    expect(screen.queryByRole('table', { name: 'Usage per day' })).toBeNull();
  });

  it('lists the 25 hours of a daylight-saving day with the backend’s labels', () => {
    const report = dstHourReport();
    renderCard({ report, initialView: 'table' });
    const table = screen.getByRole('table', { name: 'Usage per hour' });
    expect(within(table).getAllByRole('columnheader')[0]).toHaveTextContent('Hour');
    const rows = bodyRows(table);
    expect(rows.map(headerCell)).toEqual(DST_HOURS.map(([, label]) => label));
    expect(rows[1]).toHaveTextContent('$600.0000');
    expect(rows[2]).toHaveTextContent('$400.0000');
    expect(within(rows[3]).getByText('$0.0000')).toHaveAttribute('data-metric', 'hour_cost_usd');
    const cells = within(screen.getByTestId('bucket-total')).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(0, 6)).toEqual(headlineTotals(report));
    expect(screen.getByTestId('over-time-subtitle')).toHaveTextContent('Per hour · America/New_York');
  });

  it('draws one bar per hour with hour tick labels, and says "per hour"', async () => {
    const { container } = renderCard({ report: dstHourReport(), chartWidth: 900 });
    await waitFor(() => expect(container.querySelector('.MuiChartsSurface-root')).not.toBeNull());
    expect(screen.getByTestId('over-time-subtitle')).toHaveTextContent('Cost per hour · America/New_York');
    const ticks = Array.from(container.querySelectorAll('.MuiChartsAxis-directionX .MuiChartsAxis-tickLabel')).map(
      (t) => t.textContent,
    );
    // Every second clock hour, whatever daylight saving time does to the day.
    expect(ticks).toEqual(['00:00 EDT', ...[2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22].map((h) => `${String(h).padStart(2, '0')}:00 EST`)]);
    expect(container.querySelectorAll('rect.MuiBarChart-element')).toHaveLength(25); // one bar per hour, zero ones included
  });

  it('draws days with short tick labels, sparse enough for a month', async () => {
    const { container } = renderCard({ report: daySeriesReport(), chartWidth: 900 });
    await waitFor(() => expect(container.querySelector('.MuiChartsSurface-root')).not.toBeNull());
    const ticks = Array.from(container.querySelectorAll('.MuiChartsAxis-directionX .MuiChartsAxis-tickLabel')).map(
      (t) => t.textContent,
    );
    expect(ticks[0]).toBe('No date');
    expect(ticks).toContain('Oct 30');
    expect(ticks.length).toBeLessThanOrEqual(12);
    expect(screen.getByTestId('over-time-subtitle')).toHaveTextContent('Cost per day · UTC');
  });

  it('shows the backend’s note when the report has no series', () => {
    renderCard({ report: noSeriesReport() });
    const card = screen.getByRole('region', { name: 'Over time' });
    expect(within(card).getByRole('note')).toHaveTextContent(SERIES_NOTE);
    expect(within(card).queryByRole('button')).toBeNull();
    expect(within(card).queryByRole('table')).toBeNull();
  });

  it('says so when every bucket is zero', () => {
    renderCard({ report: zeroSeriesReport(), initialView: 'table' });
    expect(screen.getByText('No usage in this period.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('copies the table as CSV and confirms it', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    renderCard({ report: daySeriesReport(), initialView: 'table' });
    await user.click(screen.getByRole('button', { name: 'Copy as CSV' }));
    expect(writeText).toHaveBeenCalledTimes(1);
    const lines = writeText.mock.calls[0][0].split('\r\n');
    expect(lines[0]).toBe(
      'day,label,cost_usd,input_tokens,output_tokens,cache_creation_input_tokens,cache_read_input_tokens,total_tokens,logs',
    );
    expect(lines[1]).toBe(',No date,34.5678,0,34567,0,0,34567,2');
    expect(lines[2]).toBe('2025-10-28,2025-10-28,0,0,0,0,0,0,0');
    expect(lines).toContain('2025-11-03,2025-11-03,1000,400000,200000,50000,300000,950000,30');
    expect(lines.at(-2)).toBe('total,Total,1234.5678,500000,234567,100000,400000,1234567,42');
    expect(lines.at(-1)).toBe('');
    expect(screen.getByRole('status')).toHaveTextContent('Copied 31 days as CSV');
  });

  it('says why when the clipboard refuses', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('Permission denied.'));
    renderCard({ report: dstHourReport(), initialView: 'table' });
    await user.click(screen.getByRole('button', { name: 'Copy as CSV' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Could not copy: Permission denied.');
  });
});

describe('UsageOverTimeCard with a stored report from before series', () => {
  it('lists every day of the period from by_day with exact figures', () => {
    renderCard({ report: legacyReport(), initialView: 'table' }, 'dark');
    const table = screen.getByRole('table', { name: 'Usage per day' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Day', 'Cost', 'Input', 'Output', 'Cache write', 'Cache read', 'Total tokens', 'Logs']);
    const rows = bodyRows(table);
    expect(rows.map((r) => r.dataset.bucket)).toEqual(['2025-11-23', '2025-11-24', '2025-11-25', '2025-11-26']);
    expect(rows.map((r) => r.textContent)).toEqual([
      'Nov 23, 2025$0.0000000000',
      'Nov 24, 2025$12.34571,0002,0003,0001,234,5671,240,5677',
      'Nov 25, 2025$0.0000000000',
      'Nov 26, 2025$0.0000000000',
    ]);
    const cost = within(rows[1]).getByText('$12.3457');
    expect(cost).toHaveAttribute('data-metric', 'day_cost_usd');
    expect(cost).toHaveAttribute('data-exact', '$12.3457');
  });

  it('says per-day figures need MongoDB for a platform report without a series or note', () => {
    renderCard({ report: makeReport({ breakdowns: null, source: { kind: 'platform', label: 'API' } }) });
    const card = screen.getByRole('region', { name: 'Over time' });
    expect(within(card).getByRole('note')).toHaveTextContent(NO_BREAKDOWN_NOTICE);
    expect(within(card).queryByRole('button')).toBeNull();
  });

  it('says so when no day has usage', () => {
    renderCard({ report: legacyReport([]) });
    expect(screen.getByText('No usage in this period.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('switches between cost and stacked token series, and to the table', async () => {
    const user = userEvent.setup();
    const { container } = renderCard({ report: legacyReport(), chartWidth: 600 });
    const pressed = (name: string) => screen.getByRole('button', { name }).getAttribute('aria-pressed');
    expect(pressed('Chart')).toBe('true');
    expect(pressed('Cost')).toBe('true');
    await waitFor(() => expect(container.querySelector('.MuiChartsSurface-root')).not.toBeNull());
    // Cost: one series, no legend.
    expect(screen.queryByText('Cache read')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Tokens' }));
    expect(pressed('Tokens')).toBe('true');
    for (const label of ['Input', 'Output', 'Cache write', 'Cache read']) {
      expect(screen.getByText(label)).toBeInTheDocument();
    }
    expect(screen.getByTestId('over-time-subtitle')).toHaveTextContent('Tokens by type, per day');

    await user.click(screen.getByRole('button', { name: 'Table' }));
    expect(screen.getByRole('table', { name: 'Usage per day' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tokens' })).toBeNull();
  });
});
