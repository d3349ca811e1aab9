import { describe, expect, it, vi } from 'vitest';
import { EventsOn } from '@wails/runtime';
import * as SettingsService from '@wails/go/app/SettingsService';
import { EVENTS, fetchGlance, fetchPriceTable, fetchSettings, onGlance, onConnectionChanged, saveSettings } from '.';

vi.mock('@wails/go/app/GlanceService', () => ({
  Latest: vi.fn()
    .mockResolvedValueOnce({ profile_id: 'p1', profile_name: 'P', month_usd: 3, level: '', as_of: '2025-11-20T10:00:00Z' })
    .mockRejectedValueOnce({ code: 'not_found', message: 'No figures yet.' }),
  RefreshNow: vi.fn(),
}));
vi.mock('@wails/go/app/SettingsService', () => ({
  Theme: vi.fn(),
  Get: vi.fn(() =>
    Promise.resolve({
      refresh_minutes: 0,
      tray_shows: '',
      budgets: { p1: { monthly_usd: 10, alert_percents: null } },
      model_aliases: { 'claude-opus-4-7': 'claude-opus-4-6', bad: 7 },
      custom_prices: { 'my-model': { input: 2, output: 8 } },
    }),
  ),
  Save: vi.fn((s: unknown) => Promise.resolve(s)),
  PriceTable: vi.fn(() =>
    Promise.resolve({
      version: '2026-02-17',
      source: 'Anthropic pricing page',
      models: [
        { family: 'claude-sonnet-4-5', name: 'Claude Sonnet 4.5', from: '2025-09-29', input: 3, output: 15, cache_write_5m: 3.75, cache_write_1h: 6, cache_read: 0.3, long_context: { threshold_tokens: 200000 }, custom: false },
        { family: 'claude-haiku-4-5', name: '', from: '2025-10-15', input: 1, output: 5, custom: false },
      ],
    }),
  ),
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
      check_prices_daily: false,
      price_list_url: '',
      cache_ttl: {},
      budgets: { p1: { monthly_usd: 10, alert_percents: [] } },
      model_aliases: { 'claude-opus-4-7': 'claude-opus-4-6' },
      custom_prices: { 'my-model': { input: 2, output: 8, cache_write_5m: 0, cache_write_1h: 0, cache_read: 0 } },
    });
    const prices = { 'x-1': { input: 1, output: 2, cache_write_5m: 0, cache_write_1h: 0, cache_read: 0.05 } };
    await saveSettings({ ...s, budgets: { p1: { monthly_usd: 20, alert_percents: [50, 100] } }, custom_prices: prices });
    expect(vi.mocked(SettingsService.Save).mock.calls[0][0]).toMatchObject({
      budgets: { p1: { monthly_usd: 20, alert_percents: [50, 100] } },
      model_aliases: { 'claude-opus-4-7': 'claude-opus-4-6' },
      custom_prices: prices,
    });
    // The generated class converted a copy, not the caller's map.
    expect(Object.getPrototypeOf(prices['x-1'])).toBe(Object.prototype);
  });

  it('reads the price table with plain models', async () => {
    const t = await fetchPriceTable();
    expect(t.version).toBe('2026-02-17');
    expect(t.source).toBe('Anthropic pricing page');
    expect(t.models).toEqual([
      { family: 'claude-sonnet-4-5', name: 'Claude Sonnet 4.5', from: '2025-09-29', input: 3, output: 15, cache_write_5m: 3.75, cache_write_1h: 6, cache_read: 0.3, long_context: true, custom: false },
      { family: 'claude-haiku-4-5', name: 'claude-haiku-4-5', from: '2025-10-15', input: 1, output: 5, cache_write_5m: 0, cache_write_1h: 0, cache_read: 0, long_context: false, custom: false },
    ]);
  });

  it('listens to the glance and connection window events', () => {
    const glances: unknown[] = [];
    const ids: string[] = [];
    onGlance((g) => glances.push(g));
    onConnectionChanged((id) => ids.push(id));
    const calls = vi.mocked(EventsOn).mock.calls;
    expect(calls.map((c) => c[0])).toEqual([EVENTS.glanceUpdated, EVENTS.connectionChanged]);
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
