import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi, onTestFinished } from 'vitest';
import { startRenderProbe } from './e2e/renderProbe';
import * as api from './api';
import { ApiError, type ProfilesState } from './api';
import { App } from './App';
import { DAY, demoView, makeReport, makeState, mongoView, platformView, signedIn, SIGNED_OUT } from './test/fixtures';

vi.mock('./api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./api')>();
  const fns = ['fetchReport', 'fetchPresets', 'fetchSource', 'fetchTheme', 'fetchProfiles', 'saveProfile',
    'deleteProfile', 'activateProfile', 'signIn', 'signOut', 'probeEnabled', 'probeRendered'] as const;
  return { ...actual, ...Object.fromEntries(fns.map((f) => [f, vi.fn()])) };
});

const m = vi.mocked(api);

/** A tiny fake backend: State() answers with `backend`, the mutations change it. */
let backend: ProfilesState;

function setSession(id: string, session = SIGNED_OUT) {
  backend = { ...backend, profiles: backend.profiles.map((v) => (v.profile.id === id ? { ...v, session } : v)) };
}

beforeEach(() => {
  vi.clearAllMocks();
  backend = makeState([]);
  m.fetchProfiles.mockImplementation(async () => backend);
  m.activateProfile.mockImplementation(async (id) => {
    backend = { ...backend, active_id: id };
  });
  m.signIn.mockImplementation(async (id) => {
    setSession(id, signedIn('bob'));
    return signedIn('bob');
  });
  m.signOut.mockImplementation(async (id) => setSession(id));
  m.saveProfile.mockImplementation(async (p) => {
    const saved = { ...p, id: p.id || 'p-new' };
    backend = { ...backend, profiles: [...backend.profiles, { profile: saved, session: SIGNED_OUT, has_password: false, insecure: false }] };
    return saved;
  });
  m.deleteProfile.mockImplementation(async (id) => {
    backend = { ...backend, profiles: backend.profiles.filter((v) => v.profile.id !== id) };
  });
  m.fetchReport.mockResolvedValue(makeReport());
  m.fetchPresets.mockResolvedValue([{ id: 'last_30_days', label: 'Last 30 days' }]);
  m.fetchSource.mockResolvedValue({ kind: 'platform', label: 'agents.example.com', account: 'bob' });
  m.fetchTheme.mockResolvedValue('system');
  m.probeEnabled.mockResolvedValue(false);
  m.probeRendered.mockResolvedValue(undefined);
});

const metric = (id: string) => document.querySelector(`[data-metric="${id}"]`);

describe('App flow', () => {
  it('opens the connect screen on first run and reports "connect"', async () => {
    m.probeEnabled.mockResolvedValue(true);
    onTestFinished(await startRenderProbe()); // as the e2e build starts it
    render(<App />);
    expect(await screen.findByText('Welcome to usagedash')).toBeInTheDocument();
    await waitFor(() => expect(m.probeRendered).toHaveBeenCalledWith('connect', []));
    expect(m.fetchReport).not.toHaveBeenCalled();
  });

  it('adds a MongoDB connection, activates it and shows its dashboard', async () => {
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add connection' }));
    await user.click(screen.getByRole('button', { name: 'MongoDB' }));
    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'Prod');
    await user.type(screen.getByRole('textbox', { name: /Connection string/ }), 'mongodb://db:27017');
    await user.type(screen.getByRole('textbox', { name: /Whose usage/ }), 'alice{Enter}');
    expect(await screen.findByText('$1,234.57')).toBeInTheDocument();
    expect(m.activateProfile).toHaveBeenCalledWith('p-new');
    expect(await screen.findByRole('button', { name: 'Connection: Prod' })).toBeInTheDocument();
  });

  it('asks for the password of a new platform connection', async () => {
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add connection' }));
    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'Work');
    await user.type(screen.getByRole('textbox', { name: /Address/ }), 'https://agents.example.com');
    await user.type(screen.getByRole('textbox', { name: /Username or email/ }), 'bob{Enter}');
    expect(await screen.findByRole('heading', { name: 'Sign in to Work' })).toBeInTheDocument();
    expect(m.activateProfile).not.toHaveBeenCalled();
    await user.keyboard('secret{Enter}');
    expect(await screen.findByText('$1,234.57')).toBeInTheDocument();
    expect(m.signIn).toHaveBeenCalledWith('p-new', 'secret');
    expect(m.activateProfile).toHaveBeenCalledWith('p-new');
    expect(screen.getByTestId('session-ends')).toHaveTextContent('Session ends in 6 days');
  });

  it('asks an active signed-out platform profile for its password and reports "signin"', async () => {
    m.probeEnabled.mockResolvedValue(true);
    onTestFinished(await startRenderProbe()); // as the e2e build starts it
    backend = makeState([demoView()], 'p-demo');
    m.fetchReport.mockRejectedValueOnce(new ApiError('unauthorized', 'Sign in to see usage.'));
    render(<App />);
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Sample platform — sign in as demo / demo-password');
    expect(within(dialog).getByLabelText('Password')).toHaveFocus();
    await waitFor(() => expect(m.probeRendered).toHaveBeenLastCalledWith('signin', []));
    expect(m.probeRendered).not.toHaveBeenCalledWith('error', expect.anything());
    await userEvent.setup().keyboard('demo-password{Enter}');
    expect(await screen.findByText('$1,234.57')).toBeInTheDocument();
    await waitFor(() => expect(m.probeRendered).toHaveBeenLastCalledWith('report', expect.any(Array)));
    expect(screen.queryByTestId('session-ended')).toBeNull();
  });

  it('says "signed out" behind a cancelled sign-in', async () => {
    backend = makeState([demoView()], 'p-demo');
    m.fetchReport.mockRejectedValue(new ApiError('unauthorized', 'Sign in to see usage.'));
    render(<App />);
    await screen.findByRole('dialog');
    const user = userEvent.setup();
    await user.keyboard('{Escape}');
    const banner = await screen.findByTestId('session-ended');
    expect(banner).toHaveTextContent('You are signed out');
    await user.click(await within(banner).findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Sample platform' })).toBeInTheDocument();
  });

  it('switches profiles from the top bar', async () => {
    backend = makeState([mongoView(), platformView(signedIn('bob'))], 'p-mongo');
    render(<App />);
    const user = userEvent.setup();
    await screen.findByText('$1,234.57');
    await user.click(screen.getByRole('button', { name: 'Connection: Production DB' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByRole('menuitem', { name: /Production DB/ })).toHaveClass('Mui-selected');
    expect(within(menu).queryByRole('menuitem', { name: /Sign out/ })).toBeNull();
    await user.click(within(menu).getByRole('menuitem', { name: /Work platform/ }));
    await waitFor(() => expect(m.activateProfile).toHaveBeenCalledWith('p-work'));
    expect(await screen.findByRole('button', { name: 'Connection: Work platform' })).toBeInTheDocument();
    await waitFor(() => expect(m.fetchReport).toHaveBeenCalledTimes(2));
  });

  it('signs in before switching to a signed-out platform profile', async () => {
    backend = makeState([mongoView(), platformView()], 'p-mongo');
    render(<App />);
    const user = userEvent.setup();
    await screen.findByText('$1,234.57');
    await user.click(screen.getByRole('button', { name: 'Connection: Production DB' }));
    await user.click(await screen.findByRole('menuitem', { name: /Work platform/ }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Work platform' })).toBeInTheDocument();
    expect(m.activateProfile).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('button', { name: 'Connection: Production DB' })).toBeInTheDocument();
  });

  it('signs out from the top bar, then shows the connect screen and the sign-in dialog', async () => {
    backend = makeState([platformView(signedIn('bob', 5 * 3_600_000))], 'p-work');
    render(<App />);
    const user = userEvent.setup();
    await screen.findByText('$1,234.57');
    expect(screen.getByTestId('session-ends')).toHaveTextContent('Session ends in 5 hours');
    await user.click(screen.getByRole('button', { name: 'Connection: Work platform' }));
    await user.click(await screen.findByRole('menuitem', { name: /Sign out/ }));
    expect(m.signOut).toHaveBeenCalledWith('p-work');
    expect(await screen.findByRole('heading', { name: 'Sign in to Work platform' })).toBeInTheDocument();
    expect(screen.getByTestId('connect-screen')).toBeInTheDocument();
  });

  it('keeps the figures under a "session ended" banner and refetches after signing in again', async () => {
    backend = makeState([platformView(signedIn('bob', 2 * DAY))], 'p-work');
    m.fetchReport
      .mockResolvedValueOnce(makeReport())
      .mockRejectedValueOnce(new ApiError('unauthorized', 'Your session expired.'))
      .mockResolvedValueOnce(makeReport({ total_cost_usd: 7 }));
    render(<App />);
    const user = userEvent.setup();
    await screen.findByText('$1,234.57');
    setSession('p-work', { ...signedIn('bob'), expired: true });
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    const banner = await screen.findByTestId('session-ended');
    expect(banner).toHaveTextContent('Your session has ended');
    expect(banner).toHaveTextContent('Showing Last 30 days');
    expect(metric('total_cost_usd')).toHaveTextContent('$1,234.57');
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(within(banner).getByRole('button', { name: 'Sign in again' }));
    await user.keyboard('pw{Enter}');
    await waitFor(() => expect(metric('total_cost_usd')).toHaveTextContent('$7.00'));
    expect(m.signIn).toHaveBeenCalledWith('p-work', 'pw');
    expect(screen.queryByTestId('session-ended')).toBeNull();
  });

  it('deletes a profile after confirmation', async () => {
    backend = makeState([mongoView(), platformView()]);
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Delete Work platform' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Delete “Work platform”?');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Work platform' })).toBeNull());
    expect(m.deleteProfile).toHaveBeenCalledWith('p-work');
  });
});
