import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../api';
import { ApiError } from '../../api';
import { mongoView, platformView } from '../../test/fixtures';
import { ProfileForm } from './ProfileForm';

vi.mock('../../api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../api')>();
  return { ...actual, saveProfile: vi.fn(), testConnection: vi.fn(), listUsers: vi.fn() };
});

const m = vi.mocked(api);

beforeEach(() => {
  vi.clearAllMocks();
  m.saveProfile.mockImplementation(async (p) => ({ ...p, id: p.id || 'new-id' }));
  m.listUsers.mockResolvedValue([]);
});

function renderForm(editing?: ReturnType<typeof mongoView>) {
  const onSaved = vi.fn();
  const onClose = vi.fn();
  render(<ProfileForm open editing={editing} onClose={onClose} onSaved={onSaved} />);
  return { onSaved, onClose };
}

describe('ProfileForm', () => {
  it('asks for the required platform fields before saving', async () => {
    renderForm();
    const user = userEvent.setup();
    expect(screen.getByRole('heading', { name: 'Add connection' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Name/ })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Save and sign in' }));
    expect(screen.getByText('Give the connection a name.')).toBeInTheDocument();
    expect(screen.getByText('Enter the platform’s address.')).toBeInTheDocument();
    expect(screen.getByText('Enter the username or email you sign in with.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Name/ })).toHaveAttribute('aria-invalid', 'true');
    await user.type(screen.getByRole('textbox', { name: /Address/ }), 'agents.example.com');
    expect(screen.getByText('Start the address with https://')).toBeInTheDocument();
    expect(m.saveProfile).not.toHaveBeenCalled();
  });

  it('saves a platform profile on Enter', async () => {
    const { onSaved } = renderForm();
    const user = userEvent.setup();
    expect(screen.getByPlaceholderText('https://agents.example.com')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /Name/ }), ' Work ');
    await user.type(screen.getByRole('textbox', { name: /Address/ }), 'http://10.0.0.5:8080');
    await user.type(screen.getByRole('textbox', { name: /Username or email/ }), 'bob@example.com');
    expect(screen.queryByText(/travel unencrypted/)).toBeNull();
    await user.click(screen.getByRole('switch', { name: 'Allow plain HTTP' }));
    expect(screen.getByText(/travel unencrypted/)).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /Username or email/ }), '{Enter}');
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(m.saveProfile).toHaveBeenCalledWith({
      id: '',
      name: 'Work',
      kind: 'platform',
      base_url: 'http://10.0.0.5:8080',
      login: 'bob@example.com',
      allow_insecure_http: true,
    });
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 'new-id', kind: 'platform' }), true);
  });

  it('validates and saves a MongoDB profile', async () => {
    const { onSaved } = renderForm();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'MongoDB' }));
    expect(screen.getByPlaceholderText('mongodb://user:password@host:27017/?authSource=admin')).toBeInTheDocument();
    expect(screen.getByPlaceholderText('claude_workflows')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save and connect' }));
    expect(screen.getByText('Enter the connection string.')).toBeInTheDocument();
    expect(screen.getByText('Enter whose usage to show: a username or email.')).toBeInTheDocument();
    expect(m.saveProfile).not.toHaveBeenCalled();

    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'Prod');
    await user.type(screen.getByRole('textbox', { name: /Connection string/ }), 'mongodb://u:s3cret@db:27017');
    await user.type(screen.getByRole('textbox', { name: /Whose usage/ }), 'alice');
    await user.click(screen.getByRole('button', { name: 'Save and connect' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 'new-id' }), true));
    expect(m.saveProfile).toHaveBeenCalledWith({
      id: '',
      name: 'Prod',
      kind: 'mongodb',
      mongo_uri: 'mongodb://u:s3cret@db:27017',
      database: '',
      account: 'alice',
    });
  });

  it('edits a profile keeping its id and shows server errors inline', async () => {
    m.saveProfile.mockRejectedValueOnce(new ApiError('invalid', 'That database does not exist.'));
    const { onSaved } = renderForm(mongoView());
    const user = userEvent.setup();
    expect(screen.getByRole('heading', { name: 'Edit Production DB' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Platform API' })).toBeDisabled();
    expect(screen.getByText(/Leave it out to keep it/)).toBeInTheDocument();
    const db = screen.getByRole('textbox', { name: /Database/ });
    await user.clear(db);
    await user.type(db, 'other');
    await user.click(screen.getByRole('button', { name: 'Save and connect' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That database does not exist.');
    expect(onSaved).not.toHaveBeenCalled();
    expect(m.saveProfile).toHaveBeenCalledWith(expect.objectContaining({ id: 'p-mongo', database: 'other' }));
  });

  it('shows a rejection of onSaved (e.g. Activate) inline', async () => {
    const onSaved = vi.fn().mockRejectedValue(new ApiError('unavailable', 'The MongoDB server is not reachable.'));
    render(<ProfileForm open editing={platformView()} onClose={vi.fn()} onSaved={onSaved} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The MongoDB server is not reachable.');
  });

  it('closes on Escape', async () => {
    const { onClose } = renderForm();
    await userEvent.setup().keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });
});
