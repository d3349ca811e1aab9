import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi, onTestFinished } from 'vitest';
import { startRenderProbe } from '../e2e/renderProbe';
import * as api from '../api';
import { ApiError, type Report, type StoredReport } from '../api';
import { App } from '../App';
import { makeReport, makeState, platformView, signedIn } from '../test/fixtures';
import { deferred, stubAppStart } from '../test/mockApi';
import { entry, stored } from '../test/storedFixtures';
import { formatDateTime } from '../utils/format';
import { presetRequest } from '../utils/period';

vi.mock('../api', async (importOriginal) => (await import('../test/mockApi')).mockApi(importOriginal));

const m = vi.mocked(api);
const DOWN = new ApiError('unavailable', 'The MongoDB server at 127.0.0.1:40123 is not reachable.');

const metric = (id: string) => document.querySelector<HTMLElement>(`[data-metric="${id}"]`);
const cost = () => metric('total_cost_usd')?.textContent;

/** The metrics of the last probe report, by id. */
function lastProbe() {
  const [state, metrics] = m.probeRendered.mock.calls.at(-1)!;
  return { state, byId: Object.fromEntries(metrics.map((x) => [x.id, x])) };
}

beforeEach(() => {
  vi.clearAllMocks();
  stubAppStart(m);
  m.fetchPresets.mockResolvedValue([
    { id: 'last_7_days', label: 'Last 7 days' },
    { id: 'last_30_days', label: 'Last 30 days' },
  ]);
  m.fetchStoredReport.mockResolvedValue(stored());
});

describe('Dashboard with stored reports', () => {
  it('paints the stored report first, then swaps in the fetched one', async () => {
    const live = deferred<Report>();
    const s = stored();
    m.fetchStoredReport.mockResolvedValue(s);
    m.fetchReport.mockReturnValue(live.promise);
    render(<App />);
    const badge = await screen.findByTestId('as-of');
    expect(m.fetchStoredReport).toHaveBeenCalledWith(presetRequest('last_30_days'));
    expect(m.fetchReport).toHaveBeenCalledWith(presetRequest('last_30_days'));
    expect(badge).toHaveTextContent('As of 2 hours ago');
    expect(badge).toHaveAttribute('data-exact', s.entry.fetched_at);
    expect(cost()).toBe('$1,000.00');
    expect(screen.queryByTestId('updated-at')).toBeNull();
    expect(screen.queryByTestId('loading-state')).toBeNull();

    await userEvent.setup().hover(badge);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(`Fetched ${formatDateTime(s.entry.fetched_at)}`);

    await act(async () => live.resolve(makeReport()));
    expect(cost()).toBe('$1,234.57');
    expect(screen.queryByTestId('as-of')).toBeNull();
    expect(screen.getByTestId('updated-at')).toHaveTextContent('Updated just now');
  });

  it('ignores a stored report that arrives after the fetched one', async () => {
    const late = deferred<StoredReport>();
    m.fetchStoredReport.mockReturnValue(late.promise);
    m.fetchReport.mockResolvedValue(makeReport());
    render(<App />);
    await screen.findByText('$1,234.57');
    await act(async () => late.resolve(stored()));
    expect(cost()).toBe('$1,234.57');
    expect(screen.queryByTestId('as-of')).toBeNull();
  });

  it('asks for the stored and the fetched report of a new period', async () => {
    m.fetchReport.mockResolvedValueOnce(makeReport()).mockReturnValueOnce(new Promise(() => {}));
    m.fetchStoredReport
      .mockRejectedValueOnce(new ApiError('not_found', 'None.'))
      .mockResolvedValueOnce(stored(entry({ total_cost_usd: 7, period: { ...entry().period, preset: 'last_7_days', label: 'Last 7 days' } })));
    render(<App />);
    await screen.findByText('$1,234.57');
    const user = userEvent.setup();
    await user.click(screen.getByRole('combobox', { name: 'Period' }));
    await user.click(await screen.findByRole('option', { name: 'Last 7 days' }));
    expect(m.fetchStoredReport).toHaveBeenLastCalledWith(presetRequest('last_7_days'));
    expect(m.fetchReport).toHaveBeenLastCalledWith(presetRequest('last_7_days'));
    await waitFor(() => expect(cost()).toBe('$7.00'));
    expect(screen.getByTestId('as-of')).toBeInTheDocument();
  });

  it('shows an offline banner over the stored report and clears it when a retry succeeds', async () => {
    m.fetchReport.mockRejectedValueOnce(DOWN).mockRejectedValueOnce(DOWN).mockResolvedValueOnce(makeReport());
    const before = Date.now();
    render(<App />);
    const banner = await screen.findByTestId('offline-banner');
    const after = Date.now();
    const title = metric('offline_banner')!;
    expect(title.textContent).toMatch(/^Offline since \d{1,2}:\d{2}\s?[AP]M — showing the report from 2 hours ago$/);
    expect(banner).toHaveTextContent('is not reachable');
    expect(cost()).toBe('$1,000.00');
    expect(screen.getByTestId('as-of')).toBeInTheDocument();
    const since = title.dataset.exact;
    // The streak began with the first failed fetch, between render and the banner.
    expect(Date.parse(since!)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(since!)).toBeLessThanOrEqual(after);

    // A second failure continues the streak: same "since".
    fireEvent.keyDown(window, { key: 'r', ctrlKey: true });
    await waitFor(() => expect(m.fetchReport).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(within(screen.getByTestId('offline-banner')).getByRole('button', { name: 'Retry' })).toBeEnabled());
    expect(metric('offline_banner')!.dataset.exact).toBe(since);

    await userEvent.setup().click(within(screen.getByTestId('offline-banner')).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(cost()).toBe('$1,234.57'));
    expect(screen.queryByTestId('offline-banner')).toBeNull();
    expect(screen.queryByTestId('as-of')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the offline banner over the last fetched report', async () => {
    m.fetchStoredReport.mockRejectedValue(new ApiError('not_found', 'None.'));
    m.fetchReport.mockResolvedValueOnce(makeReport()).mockRejectedValueOnce(DOWN);
    render(<App />);
    await screen.findByText('$1,234.57');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByTestId('offline-banner')).toHaveTextContent('showing the report from just now');
    expect(cost()).toBe('$1,234.57');
    expect(screen.queryByTestId('as-of')).toBeNull();
  });

  it('keeps the error state when nothing is stored and the source is down', async () => {
    m.fetchStoredReport.mockRejectedValue(new ApiError('not_found', 'No stored report.'));
    m.fetchReport.mockRejectedValue(DOWN);
    render(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Data source unavailable');
    expect(alert).toHaveTextContent('is not reachable');
    expect(screen.queryByTestId('offline-banner')).toBeNull();
    expect(document.querySelector('[data-metric]')).toBeNull();
  });

  it('keeps the stored report under "session ended" when the session is refused', async () => {
    m.fetchProfiles.mockResolvedValue(makeState([platformView(signedIn('bob'))], 'p-work'));
    m.fetchStoredReport.mockResolvedValue(stored(entry({ profile_id: 'p-work' })));
    m.fetchReport.mockRejectedValue(new ApiError('unauthorized', 'Your session expired.'));
    render(<App />);
    const banner = await screen.findByTestId('session-ended');
    expect(banner).toHaveTextContent('Your session expired.');
    expect(within(banner).getByRole('button', { name: 'Sign in again' })).toBeInTheDocument();
    expect(cost()).toBe('$1,000.00');
    expect(screen.getByTestId('as-of')).toBeInTheDocument();
    expect(screen.queryByTestId('offline-banner')).toBeNull();
  });

  it('tells the render probe about the stored report and the offline banner', async () => {
    m.probeEnabled.mockResolvedValue(true);
    onTestFinished(await startRenderProbe()); // as the e2e build starts it
    const first = deferred<Report>();
    m.fetchReport.mockReturnValueOnce(first.promise).mockResolvedValueOnce(makeReport());
    const s = stored();
    m.fetchStoredReport.mockResolvedValue(s);
    render(<App />);
    const fetchedAt = s.entry.fetched_at;
    await waitFor(() => expect(lastProbe().byId.report_as_of).toBeDefined());
    expect(lastProbe().state).toBe('report');
    expect(lastProbe().byId.report_as_of).toEqual({ id: 'report_as_of', text: 'As of 2 hours ago', exact: fetchedAt });
    expect(lastProbe().byId.total_cost_usd.text).toBe('$1,000.00');
    expect(lastProbe().byId.offline_banner).toBeUndefined();

    await act(async () => first.reject(DOWN));
    await waitFor(() => expect(lastProbe().byId.offline_banner).toBeDefined());
    const { state, byId } = lastProbe();
    expect(state).toBe('report');
    expect(byId.offline_banner.text).toMatch(/^Offline since .* — showing the report from 2 hours ago$/);
    // Offline since the failed fetch, not since the stored report was fetched.
    expect(Date.parse(byId.offline_banner.exact)).toBeGreaterThan(Date.parse(fetchedAt));
    expect(byId.report_as_of.exact).toBe(fetchedAt);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(lastProbe().byId.total_cost_usd.text).toBe('$1,234.57'));
    expect(lastProbe().state).toBe('report');
    expect(lastProbe().byId.offline_banner).toBeUndefined();
    expect(lastProbe().byId.report_as_of).toBeUndefined();
  });
});
