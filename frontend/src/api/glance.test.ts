import { describe, expect, it, vi } from 'vitest';
import { EventsOn } from '@wails/runtime';
import * as SettingsService from '@wails/go/app/SettingsService';
import { fetchGlance, fetchSettings, onGlance, onProfileChanged, saveSettings } from '.';

vi.mock('@wails/go/app/GlanceService', () => ({
  Latest: vi.fn()
    .mockResolvedValueOnce({ profile_id: 'p1', profile_name: 'P', month_usd: 3, level: '', as_of: '2025-11-20T10:00:00Z' })
    .mockRejectedValueOnce({ code: 'not_found', message: 'No figures yet.' }),
  RefreshNow: vi.fn(),
}));
vi.mock('@wails/go/app/SettingsService', () => ({
  Theme: vi.fn(),
  Get: vi.fn(() => Promise.resolve({ refresh_minutes: 0, tray_shows: '', budgets: { p1: { monthly_usd: 10, alert_percents: null } } })),
  Save: vi.fn((s: unknown) => Promise.resolve(s)),
}));
vi.mock('@wails/runtime', () => ({ EventsOn: vi.fn(() => () => {}) }));

describe('glance and settings api', () => {
  it('normalises the latest glance and passes on not_found', async () => {
    await expect(fetchGlance()).resolves.toMatchObject({ profile_id: 'p1', month_usd: 3, today_usd: 0, level: 'none', stale: false });
    await expect(fetchGlance()).rejects.toMatchObject({ name: 'ApiError', code: 'not_found', message: 'No figures yet.' });
  });

  it('fills the settings’ defaults and saves them as backend.Settings', async () => {
    const s = await fetchSettings();
    expect(s).toEqual({
      refresh_minutes: 5,
      close_to_tray: true,
      tray_shows: 'today',
      alerts_paused: false,
      budgets: { p1: { monthly_usd: 10, alert_percents: [] } },
    });
    await saveSettings({ ...s, budgets: { p1: { monthly_usd: 20, alert_percents: [50, 100] } } });
    expect(vi.mocked(SettingsService.Save).mock.calls[0][0]).toMatchObject({
      budgets: { p1: { monthly_usd: 20, alert_percents: [50, 100] } },
    });
  });

  it('listens to the "glance" and "profile-changed" window events', () => {
    const glances: unknown[] = [];
    const ids: string[] = [];
    onGlance((g) => glances.push(g));
    onProfileChanged((id) => ids.push(id));
    const calls = vi.mocked(EventsOn).mock.calls;
    expect(calls.map((c) => c[0])).toEqual(['glance', 'profile-changed']);
    calls[0][1]({ profile_id: 'p2', month_usd: 1 });
    calls[0][1](null);
    calls[1][1]('p2');
    expect(glances).toEqual([expect.objectContaining({ profile_id: 'p2', month_usd: 1 }), null]);
    expect(ids).toEqual(['p2']);
  });

  it('does nothing outside the Wails window', () => {
    vi.mocked(EventsOn).mockImplementationOnce(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'EventsOnMultiple')");
    });
    const off = onGlance(() => {});
    expect(off).toBeTypeOf('function');
    expect(() => off()).not.toThrow();
  });
});
