import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi, onTestFinished } from 'vitest';
import { startRenderProbe } from '../e2e/renderProbe';
import * as api from '../api';
import { ApiError, type Glance } from '../api';
import { App } from '../App';
import { makeGlance, makeSettings } from '../test/glanceFixtures';
import { makeReport, makeState, mongoView, platformView, signedIn } from '../test/fixtures';
import { stubAppStart } from '../test/mockApi';

vi.mock('../api', async (importOriginal) =>
  (await import('../test/mockApi')).mockApi(importOriginal, [
    'fetchGlance', 'refreshGlance', 'onGlance', 'onConnectionChanged', 'fetchSettings', 'saveSettings',
  ]),
);

const m = vi.mocked(api);

/** The listeners the app registered, as the Wails runtime would keep them. */
let glanceListeners: ((g: Glance | null) => void)[];
let profileListeners: ((id: string) => void)[];

const emitGlance = (g: Glance | null) => act(() => glanceListeners.forEach((cb) => cb(g)));
const emitProfileChanged = (id: string) => act(() => profileListeners.forEach((cb) => cb(id)));
const metric = (id: string) => document.querySelector<HTMLElement>(`[data-metric="${id}"]`);

beforeEach(() => {
  vi.clearAllMocks();
  stubAppStart(m);
  glanceListeners = [];
  profileListeners = [];
  m.onGlance.mockImplementation((cb) => {
    glanceListeners.push(cb);
    return () => (glanceListeners = glanceListeners.filter((c) => c !== cb));
  });
  m.onConnectionChanged.mockImplementation((cb) => {
    profileListeners.push(cb);
    return () => (profileListeners = profileListeners.filter((c) => c !== cb));
  });
  m.fetchGlance.mockResolvedValue(makeGlance());
  m.refreshGlance.mockResolvedValue(undefined);
  m.fetchSettings.mockResolvedValue(makeSettings());
  m.saveSettings.mockImplementation(async (s) => s);
  m.fetchReport.mockResolvedValue(makeReport());
});

describe('Dashboard "This month" card', () => {
  it('shows the latest glance of the active profile under the headline row', async () => {
    render(<App />);
    const card = await screen.findByTestId('month-card');
    expect(within(card).getByTestId('budget-bar')).toHaveTextContent('62% of $100');
    expect(metric('month_usd')).toHaveAttribute('data-exact', '$62.3412');
    expect(metric('today_usd')).toHaveAttribute('data-exact', '$4.5679');
    expect(metric('forecast_usd')).toHaveAttribute('data-exact', '$95.1000');
    expect(metric('budget_fraction')).toHaveAttribute('data-exact', '62.34%');
    // After the hero and stats, before the token breakdown.
    const order = Array.from(document.querySelectorAll('[data-metric]')).map((el) => el.getAttribute('data-metric'));
    expect(order.indexOf('month_usd')).toBe(order.indexOf('total_instances') + 1);
    expect(m.refreshGlance).not.toHaveBeenCalled();
  });

  it('updates on a "glance" event, ignores another profile’s and hides on null', async () => {
    m.fetchGlance.mockRejectedValue(new ApiError('not_found', 'No figures yet.'));
    render(<App />);
    await screen.findByText('$1,234.57');
    expect(screen.queryByTestId('month-card')).toBeNull();
    emitGlance(makeGlance({ month_usd: 91.5, budget_fraction: 0.915, level: 'near', stale: true }));
    await waitFor(() => expect(metric('month_usd')).toHaveTextContent('$91.50'));
    expect(screen.getByRole('progressbar', { name: /Budget used/ })).toHaveClass('MuiLinearProgress-colorWarning');
    expect(screen.getByTestId('month-stale')).toHaveTextContent('as of just now');
    emitGlance(makeGlance({ profile_id: 'p-other', month_usd: 1 }));
    expect(metric('month_usd')).toHaveTextContent('$91.50');
    emitGlance(null);
    await waitFor(() => expect(screen.queryByTestId('month-card')).toBeNull());
  });

  it('asks for a refresh when the latest glance is another profile’s', async () => {
    m.fetchGlance.mockResolvedValue(makeGlance({ profile_id: 'p-old' }));
    render(<App />);
    await screen.findByText('$1,234.57');
    await waitFor(() => expect(m.refreshGlance).toHaveBeenCalled());
    expect(screen.queryByTestId('month-card')).toBeNull();
  });

  it('refreshes the glance with the report', async () => {
    render(<App />);
    await screen.findByTestId('month-card');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Refresh' }));
    expect(m.refreshGlance).toHaveBeenCalledTimes(1);
    expect(m.fetchReport).toHaveBeenCalledTimes(2);
  });

  it('reports the card to the render probe when it arrives after the report', async () => {
    m.probeEnabled.mockResolvedValue(true);
    onTestFinished(await startRenderProbe()); // as the e2e build starts it
    m.fetchGlance.mockRejectedValue(new ApiError('not_found', 'No figures yet.'));
    render(<App />);
    await waitFor(() => expect(m.probeRendered).toHaveBeenCalledWith('report', expect.any(Array)));
    emitGlance(makeGlance());
    await waitFor(() =>
      expect(m.probeRendered).toHaveBeenLastCalledWith(
        'report',
        expect.arrayContaining([{ id: 'budget_fraction', text: '62%', exact: '62.34%' }]),
      ),
    );
  });
});

describe('Switching profile from the tray', () => {
  it('reloads the profiles and the report on "connection:changed"', async () => {
    let state = makeState([mongoView(), platformView(signedIn('bob'))], 'p-mongo');
    m.fetchProfiles.mockImplementation(async () => state);
    render(<App />);
    await screen.findByRole('button', { name: 'Connection: Production DB' });
    await waitFor(() => expect(m.fetchReport).toHaveBeenCalledTimes(1));
    state = { ...state, active_id: 'p-work' };
    emitProfileChanged('p-work');
    expect(await screen.findByRole('button', { name: 'Connection: Work platform' })).toBeInTheDocument();
    await waitFor(() => expect(m.fetchReport).toHaveBeenCalledTimes(2));
    expect(m.fetchProfiles).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks for the password of a signed-out platform profile the tray switched to', async () => {
    let state = makeState([mongoView(), platformView()], 'p-mongo');
    m.fetchProfiles.mockImplementation(async () => state);
    render(<App />);
    await screen.findByText('$1,234.57');
    state = { ...state, active_id: 'p-work' };
    emitProfileChanged('p-work');
    expect(await screen.findByRole('heading', { name: 'Sign in to Work platform' })).toBeInTheDocument();
  });
});

describe('Settings from the dashboard', () => {
  it('opens from the gear, saves and says so', async () => {
    render(<App />);
    const user = userEvent.setup();
    await screen.findByText('$1,234.57');
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { name: 'Budget for Production DB' })).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Monthly budget' }), '100');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Settings saved')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(m.saveSettings).toHaveBeenCalledWith(
      expect.objectContaining({ budgets: { 'p-mongo': { monthly_usd: 100, alert_percents: [80, 100] } } }),
    );
  });

  it('opens with Ctrl+, and closes on Cancel without saving', async () => {
    render(<App />);
    await screen.findByText('$1,234.57');
    fireEvent.keyDown(window, { key: ',', ctrlKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'Settings' });
    await screen.findByRole('radio', { name: 'Today’s cost' });
    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(m.saveSettings).not.toHaveBeenCalled();
  });
});
