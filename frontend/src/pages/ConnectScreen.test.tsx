import { screen, waitFor, within } from '@testing-library/react';
import { render } from '../test/render';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi, onTestFinished } from 'vitest';
import { startRenderProbe } from '../e2e/renderProbe';
import * as api from '../api';
import type { ProfilesState } from '../api';
import { demoView, makeState, mongoView, platformView, signedIn } from '../test/fixtures';
import { ConnectScreen } from './ConnectScreen';

vi.mock('../api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../api')>();
  return { ...actual, probeEnabled: vi.fn(), probeRendered: vi.fn() };
});

const m = vi.mocked(api);
const theme = { setting: 'system' as const, cycle: vi.fn() };

function renderScreen(state: ProfilesState, over: Partial<Parameters<typeof ConnectScreen>[0]> = {}) {
  const handlers = { onConnect: vi.fn(), onAdd: vi.fn(), onEdit: vi.fn(), onDelete: vi.fn() };
  render(<ConnectScreen state={state} theme={theme} {...handlers} {...over} />);
  return handlers;
}

beforeEach(() => {
  vi.clearAllMocks();
  m.probeEnabled.mockResolvedValue(false);
  m.probeRendered.mockResolvedValue(undefined);
});

describe('ConnectScreen', () => {
  it('welcomes a first run with no profiles', async () => {
    const h = renderScreen(makeState([]));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Welcome to usagedash');
    expect(screen.getByText(/Anthropic API tokens/)).toBeInTheDocument();
    expect(screen.getByTestId('connect-empty')).toBeInTheDocument();
    expect(screen.queryByTestId('secret-warning')).toBeNull();
    const add = screen.getByRole('button', { name: 'Add connection' });
    expect(add).toHaveFocus();
    await userEvent.setup().click(add);
    expect(h.onAdd).toHaveBeenCalledTimes(1);
  });

  it('shows the demo credentials on the demo profile', () => {
    renderScreen(makeState([demoView(), mongoView()]));
    const card = screen.getByRole('region', { name: 'Sample platform' });
    expect(card).toHaveTextContent('Sample platform — sign in as demo / demo-password');
    expect(card).toHaveTextContent('Platform API');
    expect(card).toHaveTextContent('127.0.0.1:8085');
    expect(within(card).getByTestId('session-status')).toHaveTextContent('Signed out');
    const other = screen.getByRole('region', { name: 'Production DB' });
    expect(other).toHaveTextContent('MongoDB');
    expect(other).toHaveTextContent('db.example.com:27017 / claude_workflows');
    expect(other).toHaveTextContent('alice');
    expect(other).not.toHaveTextContent('demo-password');
  });

  it('shows who is signed in and until when', () => {
    renderScreen(makeState([demoView(signedIn('demo'))], 'p-demo'));
    const card = screen.getByRole('region', { name: 'Sample platform' });
    expect(within(card).getByTestId('session-status')).toHaveTextContent('Signed in as demo · ends in 6 days');
    expect(card).toHaveTextContent('Current');
    expect(within(card).getByRole('button', { name: 'Open Sample platform' })).toBeInTheDocument();
  });

  it('warns when secrets are kept in a file', () => {
    const warning = 'No system keychain found: session tokens are kept in a file only you can read.';
    renderScreen(makeState([platformView()], '', { secret_storage: 'file', secret_warning: warning }));
    expect(screen.getByTestId('secret-warning')).toHaveTextContent(warning);
  });

  it('connects, edits and deletes from a card', async () => {
    const work = platformView();
    const h = renderScreen(makeState([work, mongoView()], 'p-mongo'), { onBack: vi.fn() });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Connect to Work platform' }));
    expect(h.onConnect).toHaveBeenCalledWith(work);
    await user.click(screen.getByRole('button', { name: 'Edit Work platform' }));
    expect(h.onEdit).toHaveBeenCalledWith(work);
    await user.click(screen.getByRole('button', { name: 'Delete Work platform' }));
    expect(h.onDelete).toHaveBeenCalledWith(work);
    expect(screen.getByRole('button', { name: 'Back to dashboard' })).toBeInTheDocument();
  });

  it('reports "connect" to the render probe', async () => {
    m.probeEnabled.mockResolvedValue(true);
    onTestFinished(await startRenderProbe()); // as the e2e build starts it
    renderScreen(makeState([mongoView()]));
    await waitFor(() => expect(m.probeRendered).toHaveBeenCalledWith('connect', []));
  });

});
