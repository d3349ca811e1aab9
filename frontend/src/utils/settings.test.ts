import { describe, expect, it } from 'vitest';
import { makeSettings } from '../test/glanceFixtures';
import { alertPercentError, budgetError, formFromSettings, parseBudget, settingsFromForm } from './settings';

describe('settings form', () => {
  it('reads the active profile’s budget, with the default alert levels', () => {
    const s = makeSettings({ budgets: { a: { monthly_usd: 250, alert_percents: [100, 50] }, b: { monthly_usd: 0, alert_percents: [] } } });
    expect(formFromSettings(s, 'a')).toMatchObject({ budget: '250', alertPercents: [50, 100] });
    expect(formFromSettings(s, 'b')).toMatchObject({ budget: '', alertPercents: [80, 100] });
    expect(formFromSettings(s, 'none')).toMatchObject({ budget: '', alertPercents: [80, 100], refreshMinutes: 5 });
    expect(formFromSettings(makeSettings({ tray_shows: 'weird' })).trayShows).toBe('today');
  });

  it('parses and checks budgets', () => {
    expect(parseBudget('')).toBe(0);
    expect(parseBudget(' $1,250.50 ')).toBe(1250.5);
    expect(budgetError('')).toBeUndefined();
    expect(budgetError('0')).toBeUndefined();
    expect(budgetError('abc')).toMatch(/amount in dollars/);
    expect(budgetError('-5')).toMatch(/amount in dollars/);
    expect(budgetError('2000000000')).toMatch(/at most/);
  });

  it('checks alert levels', () => {
    expect(alertPercentError('50', [80, 100])).toBeUndefined();
    expect(alertPercentError('50%', [80, 100])).toBeUndefined();
    expect(alertPercentError('0', [])).toMatch(/between 1 and 1000/);
    expect(alertPercentError('1001', [])).toMatch(/between 1 and 1000/);
    expect(alertPercentError('x', [])).toMatch(/between 1 and 1000/);
    expect(alertPercentError('80', [80, 100])).toBe('80% is already a level.');
  });

  it('writes the budget under the profile id and keeps the other profiles’ budgets', () => {
    const base = makeSettings({ budgets: { other: { monthly_usd: 10, alert_percents: [90] } } });
    const form = { ...formFromSettings(base, 'p1'), budget: '', trayShows: 'month' as const, refreshMinutes: 30 };
    expect(settingsFromForm(base, form, 'p1')).toEqual({
      refresh_minutes: 30,
      close_to_tray: true,
      tray_shows: 'month',
      alerts_paused: false,
      check_prices_daily: false,
      price_list_url: '',
      cache_ttl: {},
      budgets: { other: { monthly_usd: 10, alert_percents: [90] }, p1: { monthly_usd: 0, alert_percents: [80, 100] } },
      model_aliases: {},
      custom_prices: {},
    });
    expect(settingsFromForm(base, form).budgets).toEqual(base.budgets);
  });
});
