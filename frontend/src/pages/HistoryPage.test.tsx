import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../api';
import { ApiError, type StoredEntry } from '../api';
import { App } from '../App';
import { makeReport } from '../test/fixtures';
import { stubAppStart } from '../test/mockApi';
import { diff, entry, history, HOUR, stored } from '../test/storedFixtures';
import { formatDateTime } from '../utils/format';

vi.mock('../api', async (importOriginal) =>
  (await import('../test/mockApi')).mockApi(importOriginal, [
    'listHistory', 'getStoredReport', 'deleteStoredReport', 'compareStoredReports',
  ]),
);

const m = vi.mocked(api);
const DAY = 24 * HOUR;
const WEEK_PERIOD = { preset: 'last_7_days' as const, label: 'Last 7 days', start: null, end: null, time_zone: 'UTC', bucket: 'day' };

const newest = entry({ id: 'r-3', fetched_at: new Date(Date.now() - 5 * 60_000).toISOString(), total_cost_usd: 1234.5678, total_tokens: 1_234_567 });
const older = entry({ id: 'r-2', fetched_at: new Date(Date.now() - DAY).toISOString() });
const week = entry({ id: 'r-1', fetched_at: new Date(Date.now() - 2 * DAY).toISOString(), period_key: 'last_7_days@UTC', period: WEEK_PERIOD, total_cost_usd: 1300, total_tokens: 2_000_000 });
const ENTRIES = [newest, older, week];
const WARNING = { file: 'p-mongo/20251101T100000Z-ab12.json.gz', reason: 'the file is truncated' };

const byId = new Map<string, StoredEntry>(ENTRIES.map((e) => [e.id, e]));
const storedOf = (id: string) => stored(byId.get(id)!, id === 'r-1' ? { total_input_tokens: 600_000 } : {});

function row(id: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`tr[data-entry-id="${id}"]`);
  if (!el) throw new Error(`no row ${id}`);
  return el;
}

async function openHistory() {
  render(<App />);
  await screen.findByText('$1,234.57');
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'History' }));
  await screen.findByRole('table', { name: 'Stored reports' });
  return user;
}

beforeEach(() => {
  vi.clearAllMocks();
  stubAppStart(m);
  m.fetchReport.mockResolvedValue(makeReport());
  m.fetchStoredReport.mockRejectedValue(new ApiError('not_found', 'None.'));
  m.listHistory.mockResolvedValue(history(ENTRIES, [WARNING]));
  m.getStoredReport.mockImplementation(async (id) => storedOf(id));
  m.compareStoredReports.mockImplementation(async (from, to) => diff(storedOf(from), storedOf(to)));
  m.deleteStoredReport.mockResolvedValue(undefined);
});

describe('History', () => {
  it('lists the stored reports of the active connection, with the unreadable ones', async () => {
    const user = await openHistory();
    expect(m.listHistory).toHaveBeenCalledWith('p-mongo');
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(4); // header + 3
    const r = within(row('r-3'));
    expect(r.getByText(formatDateTime(newest.fetched_at))).toBeInTheDocument();
    expect(r.getByText('5 minutes ago')).toBeInTheDocument();
    expect(r.getByText('Production DB')).toBeInTheDocument();
    expect(r.getByText('Last 30 days')).toBeInTheDocument();
    expect(r.getByText('$1,234.57')).toBeInTheDocument();
    expect(r.getByText('1.2M')).toBeInTheDocument();
    expect(within(row('r-1')).getByText('Last 7 days')).toBeInTheDocument();
    expect(r.getByRole('button', { name: 'Compare with current' })).toBeDisabled();

    await user.hover(r.getByText('1.2M'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent('1,234,567');

    const warnings = screen.getByTestId('history-warnings');
    expect(warnings).toHaveTextContent('1 stored report could not be read and was skipped');
    expect(within(warnings).queryByText(WARNING.file)).toBeNull();
    await user.click(within(warnings).getByRole('button', { name: 'Show details' }));
    expect(within(warnings).getByText(WARNING.file)).toBeInTheDocument();
    expect(warnings).toHaveTextContent(WARNING.reason);

    await user.click(screen.getByRole('switch', { name: 'All connections' }));
    expect(m.listHistory).toHaveBeenLastCalledWith('');
  });

  it('says so when nothing is stored, and opens and closes with Ctrl+H', async () => {
    m.listHistory.mockResolvedValue(history([]));
    render(<App />);
    await screen.findByText('$1,234.57');
    fireEvent.keyDown(window, { key: 'h', ctrlKey: true });
    expect(await screen.findByText('No stored reports yet')).toBeInTheDocument();
    expect(screen.queryByTestId('history-warnings')).toBeNull();
    expect(document.querySelector('[data-metric]')).toBeNull();
    fireEvent.keyDown(window, { key: 'h', ctrlKey: true });
    expect(await screen.findByText('$1,234.57')).toBeInTheDocument();
    expect(screen.queryByText('No stored reports yet')).toBeNull();
  });

  it('opens a stored report read-only and goes back to live', async () => {
    const user = await openHistory();
    await user.click(within(row('r-2')).getByRole('button', { name: 'Open' }));
    expect(m.getStoredReport).toHaveBeenCalledWith('r-2');
    const view = await screen.findByTestId('stored-report');
    expect(view).toHaveTextContent(`Stored report from ${formatDateTime(older.fetched_at)}`);
    expect(document.querySelector('[data-metric="total_cost_usd"]')).toHaveTextContent('$1,000.00');
    expect(screen.getByTestId('as-of')).toHaveAttribute('data-exact', older.fetched_at);
    expect(screen.queryByRole('button', { name: 'Show all time' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Back to live' }));
    expect(document.querySelector('[data-metric="total_cost_usd"]')).toHaveTextContent('$1,234.57');
    expect(screen.queryByTestId('stored-report')).toBeNull();
    expect(screen.queryByTestId('as-of')).toBeNull();
  });

  it('compares a stored report with the newest one and shows signed deltas', async () => {
    const user = await openHistory();
    await user.click(within(row('r-2')).getByRole('button', { name: 'Compare with current' }));
    expect(m.compareStoredReports).toHaveBeenCalledWith('r-2', 'r-3');
    const panel = await screen.findByTestId('compare-panel');
    await within(panel).findByText('+$234.57');
    expect(within(panel).getByTestId('cost-delta')).toHaveAttribute('data-direction', 'up');
    expect(within(panel).getByTestId('delta-Total tokens')).toHaveTextContent('+234.6K');
    expect(within(panel).getByTestId('delta-Input')).toHaveTextContent('0');
    expect(panel).toHaveTextContent(formatDateTime(older.fetched_at));
    expect(panel).toHaveTextContent(formatDateTime(newest.fetched_at));

    // Another period: compared with the connection's newest report; cheaper now.
    await user.click(within(row('r-1')).getByRole('button', { name: 'Compare with current' }));
    expect(m.compareStoredReports).toHaveBeenLastCalledWith('r-1', 'r-3');
    await within(panel).findByText('-$65.43');
    expect(within(panel).getByTestId('cost-delta')).toHaveAttribute('data-direction', 'down');
    expect(within(panel).getByTestId('delta-Total tokens')).toHaveTextContent('-765.4K');
    expect(within(panel).getByTestId('delta-Input')).toHaveTextContent('-100K');
    await user.click(within(panel).getByRole('button', { name: 'Close comparison' }));
    expect(screen.queryByTestId('compare-panel')).toBeNull();
  });

  it('compares with the stored report on screen', async () => {
    const user = await openHistory();
    await user.click(within(row('r-2')).getByRole('button', { name: 'Open' }));
    await screen.findByTestId('stored-report');
    await user.click(screen.getByRole('button', { name: 'Back to history' }));
    await screen.findByRole('table', { name: 'Stored reports' });
    await user.click(within(row('r-3')).getByRole('button', { name: 'Compare with current' }));
    expect(m.compareStoredReports).toHaveBeenCalledWith('r-3', 'r-2');
    expect(await within(screen.getByTestId('compare-panel')).findByText('-$234.57')).toBeInTheDocument();
  });

  it('deletes a stored report after confirming, then lists again', async () => {
    const user = await openHistory();
    await user.click(within(row('r-2')).getByRole('button', { name: 'Delete' }));
    let dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Delete this stored report?');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(m.deleteStoredReport).not.toHaveBeenCalled();

    m.listHistory.mockResolvedValue(history([newest, week]));
    await user.click(within(row('r-2')).getByRole('button', { name: 'Delete' }));
    dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(m.deleteStoredReport).toHaveBeenCalledWith('r-2');
    await waitFor(() => expect(document.querySelector('tr[data-entry-id="r-2"]')).toBeNull());
    expect(m.listHistory).toHaveBeenCalledTimes(2);
    expect(screen.queryByTestId('history-warnings')).toBeNull();
  });

  it('works without a network', async () => {
    m.fetchReport.mockRejectedValue(new ApiError('unavailable', 'The MongoDB server is not reachable.'));
    render(<App />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Data source unavailable');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'History' }));
    await user.click(within(await screen.findByRole('table')).getAllByRole('button', { name: 'Open' })[0]);
    expect(await screen.findByTestId('stored-report')).toBeInTheDocument();
    expect(document.querySelector('[data-metric="total_cost_usd"]')).toHaveTextContent('$1,234.57');
  });
});
