import { describe, expect, it, vi } from 'vitest';
import { ApiError, fetchReport, fetchTheme, probeEnabled, probeRendered, toApiError } from '.';

vi.mock('@wails/go/app/ReportService', () => ({
  Fetch: vi.fn((preset: string) =>
    preset === 'bad' ? Promise.reject({ code: 'invalid', message: 'Unknown period "bad".' }) : Promise.resolve({ preset }),
  ),
  Presets: vi.fn(),
  Source: vi.fn(),
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
    await expect(fetchReport('bad')).rejects.toMatchObject({ code: 'invalid', message: 'Unknown period "bad".' });
    await expect(fetchReport('today')).resolves.toEqual({ preset: 'today' });
  });

  it('treats unknown theme values as system', async () => {
    await expect(fetchTheme()).resolves.toBe('system');
  });

  it('treats a failing probe as disabled', async () => {
    await expect(probeEnabled()).resolves.toBe(false);
    await expect(probeRendered('report', [{ id: 'a', text: 'b', exact: 'c' }])).resolves.toBeUndefined();
  });
});
