import { describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  compareStoredReports,
  exportReport,
  type ExportFormat,
  fetchAbout,
  fetchProfiles,
  fetchReport,
  fetchStoredReport,
  getStoredReport,
  listHistory,
  fetchTheme,
  listUsers,
  probeEnabled,
  probeRendered,
  saveProfile,
  signIn,
  testConnection,
  toApiError,
} from '.';
import { makeReport } from '../test/fixtures';
import { customRequest, presetRequest } from '../utils/period';

vi.mock('@wails/go/app/ReportService', () => ({
  Fetch: vi.fn((req: { preset: string }) =>
    req.preset === 'bad' ? Promise.reject({ code: 'invalid', message: 'Unknown period "bad".' }) : Promise.resolve({ req }),
  ),
  Presets: vi.fn(),
  Source: vi.fn(),
  Stored: vi.fn((req: { preset: string }) =>
    req.preset === 'none'
      ? Promise.reject('{"code":"not_found","message":"No stored report."}')
      : Promise.resolve({ report: { req }, entry: { id: 'r1' } }),
  ),
}));
vi.mock('@wails/go/app/ExportService', () => ({
  Export: vi.fn((_report: unknown, format: string) =>
    format === 'csv'
      ? Promise.resolve('/home/me/usage.csv')
      : format === 'json'
        ? Promise.resolve(null)
        : Promise.reject({ code: 'invalid', message: 'Unknown export format "xml".' }),
  ),
}));
vi.mock('@wails/go/app/HistoryService', () => ({
  List: vi.fn((id: string) =>
    Promise.resolve(id ? { entries: [{ id: 'r1' }, null], warnings: null } : { entries: null, warnings: [{ file: 'f', reason: 'r' }] }),
  ),
  Get: vi.fn(() => Promise.resolve({ entry: { id: 'r1' } })),
  Delete: vi.fn(),
  Compare: vi.fn(() => Promise.reject({ code: 'unavailable', message: 'The report history could not be opened.' })),
}));
vi.mock('@wails/go/app/ProfileService', () => ({
  State: vi.fn(() =>
    Promise.resolve({ profiles: [{ profile: { id: 'a', name: 'A', kind: 'platform' } }, null], active_id: 'a' }),
  ),
  Save: vi.fn((p: { id: string }) => Promise.resolve({ ...p, id: 'new' })),
  Delete: vi.fn(),
  Activate: vi.fn(),
}));
vi.mock('@wails/go/app/AuthService', () => ({
  SignIn: vi.fn(() => Promise.reject('{"code":"unauthorized","message":"Wrong username/email or password."}')),
  SignOut: vi.fn(),
}));
vi.mock('@wails/go/app/DatabaseService', () => ({
  TestConnection: vi.fn((p: { mongo_uri?: string }) =>
    p.mongo_uri
      ? Promise.resolve({ version: '7.0.77', database: 'cw', platform_schema: true, users: 2, logs: -1 })
      : Promise.reject({ code: 'invalid', message: 'Enter the MongoDB connection string.' }),
  ),
  ListUsers: vi.fn(() => Promise.resolve(null)),
}));
vi.mock('@wails/go/app/AboutService', () => ({
  About: vi.fn(() => Promise.resolve({ version: '1.2.3', go_version: 'go1.24.5', platform: 'darwin/arm64', config_dir: '/c' })),
}));
vi.mock('@wails/go/app/SettingsService', () => ({ Theme: vi.fn(() => Promise.resolve('weird')) }));
vi.mock('@wails/go/app/RenderProbe', () => ({
  Enabled: vi.fn(() => Promise.reject(new Error('no runtime'))),
  Rendered: vi.fn(() => Promise.resolve()),
}));

describe('toApiError', () => {
  it.each([
    [{ code: 'unavailable', message: 'Down.' }, 'unavailable', 'Down.'],
    [{ code: 'nonsense', message: 'Odd.' }, 'internal', 'Odd.'],
    [{ code: 'invalid' }, 'invalid', 'Something went wrong.'],
    ['plain text failure', 'internal', 'plain text failure'],
    ['{"code":"not_found","message":"No such user."}', 'not_found', 'No such user.'],
    [new TypeError("Cannot read properties of undefined (reading 'app')"), 'internal', "Cannot read properties of undefined (reading 'app')"],
    [undefined, 'internal', 'Something went wrong.'],
    [42, 'internal', 'Something went wrong.'],
  ])('%j', (input, code, message) => {
    const e = toApiError(input);
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
  });
});

describe('bindings', () => {
  it('normalises rejections', async () => {
    await expect(fetchReport(presetRequest('bad'))).rejects.toMatchObject({ code: 'invalid', message: 'Unknown period "bad".' });
    // Exactly the four fields of backend.PeriodRequest go over the bridge.
    const custom = { ...customRequest('2026-11-01', '2026-11-07', true), extra: 1 };
    await expect(fetchReport(custom)).resolves.toEqual({
      req: { preset: 'custom', from: '2026-11-01', to: '2026-11-07', utc: true },
    });
    await expect(fetchReport(presetRequest('today'))).resolves.toEqual({
      req: { preset: 'today', from: '', to: '', utc: false },
    });
  });

  it('exports a report: the saved path, "" on cancel, the error otherwise', async () => {
    const report = makeReport();
    await expect(exportReport(report, 'csv')).resolves.toBe('/home/me/usage.csv');
    await expect(exportReport(report, 'json')).resolves.toBe('');
    await expect(exportReport(report, 'xml' as ExportFormat)).rejects.toMatchObject({
      code: 'invalid',
      message: 'Unknown export format "xml".',
    });
  });

  it('treats unknown theme values as system', async () => {
    await expect(fetchTheme()).resolves.toBe('system');
  });

  it('fills in missing about fields', async () => {
    await expect(fetchAbout()).resolves.toEqual({
      version: '1.2.3',
      go_version: 'go1.24.5',
      platform: 'darwin/arm64',
      config_dir: '/c',
      data_dir: '',
      state_dir: '',
    });
  });

  it('treats a failing probe as disabled', async () => {
    await expect(probeEnabled()).resolves.toBe(false);
    await expect(probeRendered('report', [{ id: 'a', text: 'b', exact: 'c' }])).resolves.toBeUndefined();
  });

  it('normalises the profiles state', async () => {
    await expect(fetchProfiles()).resolves.toEqual({
      profiles: [
        {
          profile: { id: 'a', name: 'A', kind: 'platform' },
          session: { signed_in: false, user_id: '', username: '', expires_at: null, expired: false },
          has_password: false,
          insecure: false,
        },
      ],
      active_id: 'a',
      secret_storage: '',
      secret_warning: '',
      demo_login: '',
      demo_password: '',
    });
  });

  it('saves profiles and normalises sign-in rejections', async () => {
    await expect(saveProfile({ id: '', name: 'B', kind: 'mongodb' })).resolves.toMatchObject({ id: 'new', name: 'B' });
    await expect(signIn('a', 'pw')).rejects.toMatchObject({
      code: 'unauthorized',
      message: 'Wrong username/email or password.',
    });
  });

  it('tests MongoDB connections and lists users', async () => {
    const p = { id: '', name: 'P', kind: 'mongodb' as const, mongo_uri: 'mongodb://db', account: '*' };
    await expect(testConnection(p)).resolves.toMatchObject({ users: 2, logs: -1 });
    await expect(testConnection({ ...p, mongo_uri: '' })).rejects.toMatchObject({
      code: 'invalid',
      message: 'Enter the MongoDB connection string.',
    });
    await expect(listUsers(p)).resolves.toEqual([]);
  });

  it('normalises stored reports and the history', async () => {
    await expect(fetchStoredReport(presetRequest('today', true))).resolves.toEqual({
      report: { req: { preset: 'today', from: '', to: '', utc: true } },
      entry: { id: 'r1' },
    });
    await expect(fetchStoredReport(presetRequest('none'))).rejects.toMatchObject({ code: 'not_found' });
    // A stored report without its report counts as none.
    await expect(getStoredReport('r1')).rejects.toMatchObject({ code: 'not_found' });
    await expect(listHistory('p')).resolves.toEqual({ entries: [{ id: 'r1' }], warnings: [] });
    await expect(listHistory('')).resolves.toEqual({ entries: [], warnings: [{ file: 'f', reason: 'r' }] });
    await expect(compareStoredReports('a', 'b')).rejects.toMatchObject({ code: 'unavailable' });
  });
});
