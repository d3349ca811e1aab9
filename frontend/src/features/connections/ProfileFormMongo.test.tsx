import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../api';
import { ApiError } from '../../api';
import { mongoView } from '../../test/fixtures';
import { ProfileForm } from './ProfileForm';

vi.mock('../../api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../api')>();
  return { ...actual, saveProfile: vi.fn(), testConnection: vi.fn(), listUsers: vi.fn() };
});

const m = vi.mocked(api);

const USERS: api.UserSummary[] = [
  { id: 'u1', username: 'alice', email: 'alice@example.com', full_name: 'Alice Liddell', is_active: true },
  { id: 'u2', username: 'bob', email: 'bob@example.com', full_name: 'Robert Tables', is_active: true },
  { id: 'u3', username: 'old', email: 'old@example.com', full_name: 'Former Colleague', is_active: false },
];

const INFO: api.ServerInfo = {
  version: '7.0.77 (FerretDB v1.24.2)',
  database: 'claude_workflows',
  platform_schema: true,
  users: 4,
  logs: 3994,
};

beforeEach(() => {
  vi.clearAllMocks();
  m.saveProfile.mockImplementation(async (p) => ({ ...p, id: p.id || 'new-id' }));
  m.testConnection.mockResolvedValue(INFO);
  m.listUsers.mockResolvedValue(USERS);
});

function renderForm(editing?: ReturnType<typeof mongoView>) {
  const onSaved = vi.fn();
  render(<ProfileForm open editing={editing} onClose={vi.fn()} onSaved={onSaved} />);
  return { onSaved, user: userEvent.setup() };
}

/** A new MongoDB profile with a name and connection string typed in. */
async function newMongo(user: ReturnType<typeof userEvent.setup>, uri = 'mongodb://u:s3cret@db:27017') {
  await user.click(screen.getByRole('button', { name: 'MongoDB' }));
  await user.type(screen.getByRole('textbox', { name: /Name/ }), 'Prod');
  await user.type(screen.getByRole('textbox', { name: /Connection string/ }), uri);
}

const picker = () => screen.getByRole('combobox', { name: /Whose usage/ });

describe('ProfileForm (MongoDB)', () => {
  it('tests the connection with the typed values and shows what answered', async () => {
    const { user } = renderForm();
    await newMongo(user);
    await user.type(screen.getByRole('textbox', { name: /Database/ }), 'cw');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const result = await screen.findByRole('status');
    expect(result).toHaveTextContent(
      'Connected: MongoDB 7.0.77 (FerretDB v1.24.2) · claude_workflows · 4 users · 3,994 logs',
    );
    expect(m.testConnection).toHaveBeenCalledWith({
      id: '',
      name: 'Prod',
      kind: 'mongodb',
      mongo_uri: 'mongodb://u:s3cret@db:27017',
      database: 'cw',
      account: '',
    });
    expect(m.saveProfile).not.toHaveBeenCalled();
    // The picker replaces the text field once the users are listed.
    await waitFor(() => expect(picker()).toBeInTheDocument());
    expect(m.listUsers).toHaveBeenCalledWith(expect.objectContaining({ mongo_uri: 'mongodb://u:s3cret@db:27017' }));
    // A changed connection string makes the answer stale.
    await user.type(screen.getByRole('textbox', { name: /Connection string/ }), '0');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows progress, omits an unknown log count and warns about a database without the platform', async () => {
    let answer!: (i: api.ServerInfo) => void;
    m.testConnection.mockReturnValueOnce(new Promise((res) => (answer = res)));
    const { user } = renderForm();
    await newMongo(user);
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(screen.getByRole('button', { name: 'Testing…' })).toBeDisabled();
    answer({ ...INFO, version: '8.0.4', database: 'wrong', platform_schema: false, users: 0, logs: -1 });
    const result = await screen.findByRole('status');
    expect(result).toHaveTextContent('Connected: MongoDB 8.0.4 · wrong · 0 users');
    expect(result).not.toHaveTextContent(/\d logs/);
    expect(result).toHaveTextContent('This database has no platform users or logs — check the database name');
    expect(screen.getByRole('button', { name: 'Test connection' })).toBeEnabled();
    expect(m.listUsers).not.toHaveBeenCalled();
  });

  it('shows why a test failed', async () => {
    m.testConnection.mockRejectedValueOnce(
      new ApiError('unavailable', 'Cannot reach MongoDB db:27017 / claude_workflows. Check the host.'),
    );
    const { user } = renderForm();
    await newMongo(user);
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Cannot reach MongoDB db:27017 / claude_workflows. Check the host.',
    );
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('textbox', { name: /Whose usage/ })).toBeInTheDocument();
  });

  it('asks for a valid connection string before testing', async () => {
    const { user } = renderForm();
    await user.click(screen.getByRole('button', { name: 'MongoDB' }));
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(screen.getByText('Enter the connection string.')).toBeInTheDocument();
    expect(screen.queryByText('Give the connection a name.')).toBeNull();
    expect(m.testConnection).not.toHaveBeenCalled();
  });

  it('picks Everyone after a test and saves "*"', async () => {
    const { user, onSaved } = renderForm();
    await newMongo(user);
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(picker()).toBeInTheDocument());
    await user.click(picker());
    const list = await screen.findByRole('listbox');
    const names = within(list).getAllByRole('option').map((o) => o.textContent);
    expect(names).toEqual([
      'Everyone (team totals)',
      'alice — alice@example.comAlice Liddell',
      'bob — bob@example.comRobert Tables',
      'old — old@example.comFormer Colleagueinactive',
    ]);
    await user.click(within(list).getByRole('option', { name: /Everyone/ }));
    expect(picker()).toHaveValue('Everyone (team totals)');
    await user.click(screen.getByRole('button', { name: 'Save and connect' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(m.saveProfile).toHaveBeenCalledWith(expect.objectContaining({ account: '*', name: 'Prod' }));
  });

  it('lists the users of a saved profile, filters by email or full name and saves the username', async () => {
    const { user, onSaved } = renderForm(mongoView({ account: '*' }));
    await waitFor(() => expect(m.listUsers).toHaveBeenCalledWith(expect.objectContaining({ id: 'p-mongo', account: '*' })));
    expect(picker()).toHaveValue('Everyone (team totals)');
    await user.clear(picker());
    await user.type(picker(), 'tables');
    let options = within(await screen.findByRole('listbox')).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['bob — bob@example.comRobert Tables']);
    await user.clear(picker());
    await user.type(picker(), 'ALICE@');
    options = within(await screen.findByRole('listbox')).getAllByRole('option');
    expect(options).toHaveLength(1);
    await user.click(options[0]);
    expect(picker()).toHaveValue('alice');
    await user.click(screen.getByRole('button', { name: 'Save and connect' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(m.saveProfile).toHaveBeenCalledWith(expect.objectContaining({ id: 'p-mongo', account: 'alice' }));
  });

  it('keeps a typed username or email that is not in the list', async () => {
    m.listUsers.mockRejectedValueOnce(new ApiError('unavailable', 'Cannot reach MongoDB'));
    const { user, onSaved } = renderForm(mongoView());
    expect(await screen.findByText(/Could not list the users \(Cannot reach MongoDB\)/)).toBeInTheDocument();
    expect(picker()).toHaveValue('alice');
    await user.clear(picker());
    await user.click(screen.getByRole('button', { name: 'Save and connect' }));
    expect(screen.getByText('Enter whose usage to show: a username or email.')).toBeInTheDocument();
    await user.type(picker(), 'carol@example.com{Enter}');
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(m.saveProfile).toHaveBeenCalledWith(expect.objectContaining({ account: 'carol@example.com' }));
  });
});
