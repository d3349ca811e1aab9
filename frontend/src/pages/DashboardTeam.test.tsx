import { render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi, onTestFinished } from 'vitest';
import { startRenderProbe } from '../e2e/renderProbe';
import * as api from '../api';
import type { Report } from '../api';
import { App } from '../App';
import { breakdowns, EXPECTED, everyoneReport, makeReport, makeState, mongoView, platformView, signedIn } from '../test/fixtures';
import { stubAppStart } from '../test/mockApi';

vi.mock('../api', async (importOriginal) => (await import('../test/mockApi')).mockApi(importOriginal));

const m = vi.mocked(api);
const LABEL = 'MongoDB 127.0.0.1:40123 / claude_workflows';

beforeEach(() => {
  vi.clearAllMocks();
  stubAppStart(m);
});

async function show(report: Report) {
  m.fetchReport.mockResolvedValue(report);
  render(<App />);
  await waitFor(() => expect(document.querySelector('[data-metric="total_cost_usd"]')).toHaveTextContent('$1,234.57'));
}

const card = (name: string) => screen.queryByRole('region', { name });

describe('Dashboard breakdowns', () => {
  it('shows the users table and breakdowns for the everyone report', async () => {
    m.fetchProfiles.mockResolvedValue(makeState([mongoView({ account: '*' })], 'p-mongo'));
    m.fetchSource.mockResolvedValue({ kind: 'mongodb', label: LABEL, account: '*' });
    m.probeEnabled.mockResolvedValue(true);
    onTestFinished(await startRenderProbe()); // as the e2e build starts it
    await show(everyoneReport());
    expect(screen.getByTestId('source-line')).toHaveTextContent(`Everyone · ${LABEL}`);
    const table = screen.getByTestId('users-table');
    expect(within(table).getByRole('heading', { name: 'Users' })).toBeInTheDocument();
    const keys = Array.from(table.querySelectorAll<HTMLElement>('tbody tr')).map((r) => r.dataset.userKey);
    expect(keys).toEqual(['u-bob', 'u-alice', '', 'u-carol']);
    expect(table.querySelector('tr[data-user-key="u-bob"] td[data-metric="user_cost_usd"]')).toHaveAttribute(
      'data-exact',
      '$800.5000',
    );
    expect(card('By model')).toBeInTheDocument();
    expect(card('By billing mode')).toHaveTextContent('Billable (API key)');
    expect(card('Top workflows')).toHaveTextContent('+2 more');
    expect(screen.getByText('The team’s Anthropic API spend in this period')).toBeInTheDocument();
    // The probe sees the 16 headline figures plus one cost per user.
    await waitFor(() => expect(m.probeRendered).toHaveBeenCalled());
    const [, metrics] = m.probeRendered.mock.calls.at(-1)!;
    expect(metrics.filter((x) => x.id in EXPECTED)).toHaveLength(16);
    expect(metrics.filter((x) => x.id === 'user_cost_usd').map((x) => x.exact)).toEqual([
      '$800.5000',
      '$300.0678',
      '$100.0000',
      '$34.0000',
    ]);
  });

  it('knows the everyone report by its username when the profile is not at hand', async () => {
    m.fetchProfiles.mockResolvedValue(makeState([mongoView({ account: 'alice' })], 'p-mongo'));
    await show(everyoneReport());
    expect(screen.getByTestId('users-table')).toBeInTheDocument();
  });

  it("shows breakdowns but no users table for one user's MongoDB report", async () => {
    await show(makeReport({ breakdowns: breakdowns() }));
    expect(screen.queryByTestId('users-table')).toBeNull();
    expect(card('By model')).toHaveTextContent('claude-sonnet-4-5');
    expect(card('By billing mode')).toHaveTextContent('Plan-covered (Max plan)');
    expect(within(card('Top workflows')!).getAllByRole('listitem')).toHaveLength(5);
    expect(screen.getByTestId('source-line')).toHaveTextContent(`${LABEL} · alice`);
    // The 16 headline figures, plus one per by-model (2) and by-mode (3) row.
    expect(document.querySelectorAll('[data-metric]')).toHaveLength(21);
    expect(document.querySelectorAll('[data-metric="model_cost_usd"]')).toHaveLength(2);
    expect(document.querySelectorAll('[data-metric="mode_cost_usd"]')).toHaveLength(3);
  });

  it('shows nothing extra for a report without breakdowns (platform API)', async () => {
    m.fetchProfiles.mockResolvedValue(makeState([platformView(signedIn('bob'))], 'p-work'));
    m.fetchSource.mockResolvedValue({ kind: 'platform', label: 'agents.example.com', account: 'bob' });
    await show(makeReport({ breakdowns: null, source: { kind: 'platform', label: 'agents.example.com', account: 'bob' } }));
    expect(screen.queryByTestId('users-table')).toBeNull();
    expect(card('By model')).toBeNull();
    expect(card('Top workflows')).toBeNull();
    expect(screen.getByText('Anthropic API spend in this period')).toBeInTheDocument();
  });
});
