import { screen, waitFor, within } from '@testing-library/react';
import { render } from '../test/render';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../api';
import { ApiError, type AboutInfo } from '../api';
import { ConnectScreen } from '../pages/ConnectScreen';
import { makeState } from '../test/fixtures';
import { AboutDialog } from './AboutDialog';
import { TopBar } from '../features/dashboard/TopBar';

vi.mock('../api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../api')>();
  return { ...actual, fetchAbout: vi.fn(), probeEnabled: vi.fn(), probeRendered: vi.fn() };
});

const m = vi.mocked(api);

const INFO: AboutInfo = {
  version: '1.4.0-rc.2+abc123',
  go_version: 'go1.24.5',
  platform: 'linux/amd64',
  config_dir: '/home/alice/.config/usagedash',
  data_dir: '/home/alice/.local/share/usagedash',
  state_dir: '/home/alice/.local/state/usagedash',
};

beforeEach(() => {
  vi.clearAllMocks();
  m.fetchAbout.mockResolvedValue(INFO);
  m.probeEnabled.mockResolvedValue(false);
  m.probeRendered.mockResolvedValue(undefined);
});

function renderDialog() {
  const onClose = vi.fn();
  const user = userEvent.setup();
  render(<AboutDialog open onClose={onClose} />);
  return { onClose, user };
}

describe('AboutDialog', () => {
  it('shows the version, platform and where the files are', async () => {
    renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'usagedash' });
    const version = await within(dialog).findByText('Version 1.4.0-rc.2+abc123');
    expect(version).toHaveAttribute('data-metric', 'app_version');
    expect(version).toHaveAttribute('data-exact', '1.4.0-rc.2+abc123');
    expect(dialog).toHaveTextContent('Anthropic API token usage and cost for your agent workflows');
    expect(screen.getByTestId('about-platform')).toHaveTextContent('linux/amd64 · Go 1.24.5');
    expect(within(dialog).getByRole('heading', { name: 'Where your files are' })).toBeInTheDocument();
    expect(screen.getByLabelText('Settings & connections')).toHaveTextContent(INFO.config_dir);
    expect(screen.getByLabelText('Report history')).toHaveTextContent(INFO.data_dir);
    expect(screen.getByLabelText('Alert state')).toHaveTextContent(INFO.state_dir);
    expect(m.fetchAbout).toHaveBeenCalledTimes(1);
  });

  it('copies each path to the clipboard', async () => {
    const { user } = renderDialog();
    // user-event installs its own clipboard stub in setup(); spy on it afterwards.
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(await screen.findByRole('button', { name: 'Copy Settings & connections path' }));
    await user.click(screen.getByRole('button', { name: 'Copy Report history path' }));
    await user.click(screen.getByRole('button', { name: 'Copy Alert state path' }));
    expect(writeText.mock.calls).toEqual([[INFO.config_dir], [INFO.data_dir], [INFO.state_dir]]);
  });

  it('ignores a refusing clipboard', async () => {
    const { user } = renderDialog();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    await user.click(await screen.findByRole('button', { name: 'Copy Report history path' }));
    expect(writeText).toHaveBeenCalledWith(INFO.data_dir);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('shows a failure and closes with Esc', async () => {
    m.fetchAbout.mockRejectedValue(new ApiError('internal', 'No about for you.'));
    const { onClose, user } = renderDialog();
    expect(await screen.findByRole('alert')).toHaveTextContent('No about for you.');
    expect(document.querySelector('[data-metric]')).toBeNull();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });

  it('opens from the top bar and closes with Esc', async () => {
    const user = userEvent.setup();
    render(
      <TopBar
        presets={[{ id: 'today', label: 'Today' }]}
        period={{ preset: 'today', from: '', to: '', utc: false }}
        onPeriodChange={vi.fn()}
        onRefresh={vi.fn()}
        busy={false}
        themeSetting="system"
        onThemeCycle={vi.fn()}
      />,
    );
    expect(m.fetchAbout).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'About usagedash' }));
    const dialog = await screen.findByRole('dialog', { name: 'usagedash' });
    expect(await within(dialog).findByText('Version 1.4.0-rc.2+abc123')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('opens from the connect screen before connecting', async () => {
    const user = userEvent.setup();
    render(
      <ConnectScreen
        state={makeState([])}
        theme={{ setting: 'system', cycle: vi.fn() }}
        onConnect={vi.fn()}
        onAdd={vi.fn()}
        onEdit={vi.fn()}
        onDelete={vi.fn()}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'About' }));
    const dialog = await screen.findByRole('dialog', { name: 'usagedash' });
    expect(await within(dialog).findByLabelText('Settings & connections')).toHaveTextContent(INFO.config_dir);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
