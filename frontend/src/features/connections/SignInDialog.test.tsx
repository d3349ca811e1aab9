import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi, onTestFinished } from 'vitest';
import { startRenderProbe } from '../../e2e/renderProbe';
import * as api from '../../api';
import { ApiError } from '../../api';
import { demoView, platformView, signedIn } from '../../test/fixtures';
import { SignInDialog } from './SignInDialog';

vi.mock('../../api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../api')>();
  return { ...actual, signIn: vi.fn(), activateProfile: vi.fn(), probeEnabled: vi.fn(), probeRendered: vi.fn() };
});

const m = vi.mocked(api);
const DEMO = { login: 'demo', password: 'demo-password' };

function renderDialog(v = demoView()) {
  const props = { onClose: vi.fn(), onSignedIn: vi.fn(), onEditProfile: vi.fn() };
  render(<SignInDialog view={v} demo={DEMO} {...props} />);
  return props;
}

const password = () => screen.getByLabelText('Password') as HTMLInputElement;

beforeEach(() => {
  vi.clearAllMocks();
  m.signIn.mockResolvedValue(signedIn('demo'));
  m.activateProfile.mockResolvedValue(undefined);
  m.probeEnabled.mockResolvedValue(false);
  m.probeRendered.mockResolvedValue(undefined);
});

afterEach(() => vi.restoreAllMocks());

describe('SignInDialog', () => {
  it('signs in with the profile id and password, then activates it', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const p = renderDialog();
    expect(screen.getByRole('heading', { name: 'Sign in to Sample platform' })).toBeInTheDocument();
    expect(screen.getByTestId('sign-in-summary')).toHaveTextContent('http://127.0.0.1:8085');
    expect(screen.getByTestId('sign-in-summary')).toHaveTextContent('demo');
    expect(screen.getByText(/sign in as/)).toHaveTextContent('Sample platform — sign in as demo / demo-password');
    expect(password()).toHaveFocus();
    expect(password()).toHaveAttribute('type', 'password');
    const user = userEvent.setup();
    await user.keyboard('demo-password{Enter}');
    await waitFor(() => expect(p.onSignedIn).toHaveBeenCalledWith('p-demo'));
    expect(m.signIn).toHaveBeenCalledWith('p-demo', 'demo-password');
    expect(m.activateProfile).toHaveBeenCalledWith('p-demo');
    expect(m.signIn.mock.invocationCallOrder[0]).toBeLessThan(m.activateProfile.mock.invocationCallOrder[0]);
    expect(password().value).toBe('');
    expect(setItem).not.toHaveBeenCalled();
    expect(JSON.stringify({ ...window.localStorage })).not.toContain('demo-password');
    expect(JSON.stringify({ ...window.sessionStorage })).not.toContain('demo-password');
  });

  it('keeps the dialog open with the message on a wrong password, text selected for retyping', async () => {
    m.signIn.mockRejectedValueOnce(new ApiError('unauthorized', 'Wrong username/email or password.'));
    const p = renderDialog(platformView());
    const user = userEvent.setup();
    await user.type(password(), 'nope');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username/email or password.');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(password()).toHaveFocus();
    expect(password()).toHaveAttribute('aria-invalid', 'true');
    expect([password().selectionStart, password().selectionEnd]).toEqual([0, 4]);
    expect(m.activateProfile).not.toHaveBeenCalled();
    expect(p.onSignedIn).not.toHaveBeenCalled();

    await user.keyboard('right{Enter}');
    await waitFor(() => expect(p.onSignedIn).toHaveBeenCalledWith('p-work'));
    expect(m.signIn).toHaveBeenLastCalledWith('p-work', 'right');
  });

  it('asks for a password instead of sending an empty one', async () => {
    renderDialog();
    await userEvent.setup().keyboard('{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter your password.');
    expect(m.signIn).not.toHaveBeenCalled();
  });

  it('shows and hides the password', async () => {
    renderDialog();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Show password' }));
    expect(password()).toHaveAttribute('type', 'text');
    await user.click(screen.getByRole('button', { name: 'Hide password' }));
    expect(password()).toHaveAttribute('type', 'password');
  });

  it('cancels with Escape and offers to edit the connection', async () => {
    const p = renderDialog();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Edit connection' }));
    expect(p.onEditProfile).toHaveBeenCalledWith(expect.objectContaining({ profile: expect.objectContaining({ id: 'p-demo' }) }));
    await user.keyboard('{Escape}');
    expect(p.onClose).toHaveBeenCalled();
  });

  it('reports "signin" to the render probe while the password field is focused', async () => {
    m.probeEnabled.mockResolvedValue(true);
    onTestFinished(await startRenderProbe()); // as the e2e build starts it
    renderDialog();
    await waitFor(() => expect(m.probeRendered).toHaveBeenCalledWith('signin', []));
  });
});
