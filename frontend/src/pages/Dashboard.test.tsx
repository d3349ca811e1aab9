import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi, onTestFinished } from 'vitest';
import { startRenderProbe } from '../e2e/renderProbe';
import * as api from '../api';
import { ApiError, type Report } from '../api';
import { App } from '../App';
import { EXPECTED, emptyReport, makeReport } from '../test/fixtures';
import { deferred, stubAppStart } from '../test/mockApi';
import { presetRequest } from '../utils/period';

vi.mock('../api', async (importOriginal) => (await import('../test/mockApi')).mockApi(importOriginal));

const m = vi.mocked(api);

function metric(id: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-metric="${id}"]`);
  if (!el) throw new Error(`no [data-metric="${id}"] on screen`);
  return el;
}

function renderWith(report: Report | Error) {
  if (report instanceof Error) m.fetchReport.mockRejectedValue(report);
  else m.fetchReport.mockResolvedValue(report);
  render(<App />);
}

beforeEach(() => {
  vi.clearAllMocks();
  stubAppStart(m);
  m.fetchPresets.mockResolvedValue([
    { id: 'today', label: 'Today' },
    { id: 'last_7_days', label: 'Last 7 days' },
    { id: 'last_30_days', label: 'Last 30 days' },
    { id: 'all_time', label: 'All time' },
  ]);
});

describe('Dashboard', () => {
  it('shows every figure of a report with its exact value', async () => {
    renderWith(makeReport());
    await screen.findByText('$1,234.57');
    expect(m.fetchReport).toHaveBeenCalledWith(presetRequest('last_30_days'));
    for (const [id, [text, exact]] of Object.entries(EXPECTED)) {
      const el = metric(id);
      expect(el, id).toHaveTextContent(text);
      expect(el.textContent?.trim(), id).toBe(text);
      expect(el, id).toHaveAttribute('data-exact', exact);
    }
    expect(document.querySelectorAll('[data-metric]')).toHaveLength(16);
    expect(screen.getByTestId('source-line')).toHaveTextContent('MongoDB 127.0.0.1:40123 / claude_workflows · alice');
    expect(screen.getByTestId('updated-at')).toHaveTextContent('Updated just now');
    expect(screen.getByTestId('period-range')).toHaveTextContent(/2025/);
  });

  it('shows the exact value in a tooltip on hover', async () => {
    renderWith(makeReport());
    const user = userEvent.setup();
    await user.hover(await screen.findByText('$1,234.57'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent('$1,234.5678');
  });

  it('shows skeletons while the first report loads', async () => {
    const d = deferred<Report>();
    m.fetchReport.mockReturnValue(d.promise);
    render(<App />);
    expect(await screen.findByTestId('loading-state')).toBeInTheDocument();
    expect(document.querySelectorAll('.MuiSkeleton-root').length).toBeGreaterThan(4);
    expect(document.querySelector('[data-metric]')).toBeNull();
    await act(async () => d.resolve(makeReport()));
    expect(screen.queryByTestId('loading-state')).toBeNull();
    expect(metric('total_cost_usd')).toHaveTextContent('$1,234.57');
  });

  it('shows the empty state and switches to all time', async () => {
    m.fetchReport.mockResolvedValueOnce(emptyReport()).mockResolvedValueOnce(emptyReport('all_time', 'All time'));
    render(<App />);
    expect(await screen.findByText('No usage in last 30 days')).toBeInTheDocument();
    expect(document.querySelector('[data-metric]')).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show all time' }));
    expect(m.fetchReport).toHaveBeenLastCalledWith(presetRequest('all_time'));
    expect(await screen.findByText('No usage recorded yet')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show all time' })).toBeNull();
  });

  it('shows the backend message on error and retries', async () => {
    m.fetchReport
      .mockRejectedValueOnce(new ApiError('unavailable', 'The MongoDB server at 127.0.0.1:40123 is not reachable.'))
      .mockResolvedValueOnce(makeReport());
    render(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Data source unavailable');
    expect(alert).toHaveTextContent('The MongoDB server at 127.0.0.1:40123 is not reachable.');
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(m.fetchReport).toHaveBeenCalledTimes(2);
    expect(await screen.findByText('$1,234.57')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the previous report under a warning when a refresh fails', async () => {
    m.fetchReport
      .mockResolvedValueOnce(makeReport())
      .mockRejectedValueOnce(new ApiError('bad_data', 'The platform sent a report that could not be read.'));
    render(<App />);
    await screen.findByText('$1,234.57');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Refresh' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The platform sent a report that could not be read.');
    expect(alert).toHaveTextContent('Showing Last 30 days');
    expect(metric('total_cost_usd')).toHaveTextContent('$1,234.57');
  });

  it('says so when a report only has legacy tokens', async () => {
    renderWith(
      makeReport({
        total_tokens: 5000,
        token_breakdown: {
          input_tokens: 0,
          output_tokens: 0,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
          total_tokens: 5000,
        },
      }),
    );
    expect(await screen.findByText(/recorded without a breakdown/)).toBeInTheDocument();
    expect(metric('total_tokens')).toHaveTextContent('5K');
    expect(document.querySelector('[data-metric="input_tokens"]')).toBeNull();
    expect(document.querySelector('[data-metric="input_share"]')).toBeNull();
  });

  it('refetches when the period changes, keeping the old report visible', async () => {
    const next = deferred<Report>();
    m.fetchReport.mockResolvedValueOnce(makeReport()).mockReturnValueOnce(next.promise);
    render(<App />);
    await screen.findByText('$1,234.57');
    const user = userEvent.setup();
    await user.click(screen.getByRole('combobox', { name: 'Period' }));
    await user.click(await screen.findByRole('option', { name: 'Last 7 days' }));
    expect(m.fetchReport).toHaveBeenLastCalledWith(presetRequest('last_7_days'));
    expect(metric('total_cost_usd')).toHaveTextContent('$1,234.57');
    expect(screen.getByRole('progressbar', { name: 'Loading' })).toBeInTheDocument();
    await act(async () =>
      next.resolve(
        makeReport({
          total_cost_usd: 5,
          period: { preset: 'last_7_days', label: 'Last 7 days', start: null, end: null, time_zone: 'UTC' },
        }),
      ),
    );
    expect(metric('total_cost_usd')).toHaveTextContent('$5.00');
    expect(screen.queryByRole('progressbar', { name: 'Loading' })).toBeNull();
  });

  it('refreshes on F5 and Ctrl+R', async () => {
    renderWith(makeReport());
    await screen.findByText('$1,234.57');
    fireEvent.keyDown(window, { key: 'F5' });
    await waitFor(() => expect(m.fetchReport).toHaveBeenCalledTimes(2));
    fireEvent.keyDown(window, { key: 'r', ctrlKey: true });
    await waitFor(() => expect(m.fetchReport).toHaveBeenCalledTimes(3));
  });

  it('cycles and saves the theme setting', async () => {
    renderWith(makeReport());
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Theme: follow system' }));
    expect(window.localStorage.getItem('usagedash.theme')).toBe('light');
    await user.click(screen.getByRole('button', { name: 'Theme: light' }));
    expect(window.localStorage.getItem('usagedash.theme')).toBe('dark');
    expect(screen.getByRole('button', { name: 'Theme: dark' })).toBeInTheDocument();
  });

  it('reports what it painted to the render probe', async () => {
    m.probeEnabled.mockResolvedValue(true);
    onTestFinished(await startRenderProbe()); // as the e2e build starts it
    renderWith(makeReport());
    await waitFor(() => expect(m.probeRendered).toHaveBeenCalled());
    const [state, metrics] = m.probeRendered.mock.calls.at(-1)!;
    expect(state).toBe('report');
    expect(metrics).toHaveLength(16);
    for (const { id, text, exact } of metrics) {
      expect([text, exact], id).toEqual(EXPECTED[id]);
    }
  });

  it('reports error and empty states to the render probe', async () => {
    m.probeEnabled.mockResolvedValue(true);
    onTestFinished(await startRenderProbe()); // as the e2e build starts it
    m.fetchReport.mockRejectedValueOnce(new ApiError('bad_data', 'Bad record.')).mockResolvedValueOnce(emptyReport());
    render(<App />);
    await waitFor(() => expect(m.probeRendered).toHaveBeenCalledWith('error', []));
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(m.probeRendered).toHaveBeenLastCalledWith('empty', []));
  });
});
