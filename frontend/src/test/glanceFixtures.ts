import type { Glance, Settings } from '../api';

/** A glance as the Go side sends it: $62.34 of a $100 budget. */
export function makeGlance(over: Partial<Glance> = {}): Glance {
  return {
    profile_id: 'p-mongo',
    profile_name: 'Production DB',
    today_usd: 4.56789,
    month_usd: 62.3412,
    budget_usd: 100,
    budget_fraction: 0.623412,
    forecast_usd: 95.1,
    level: 'ok',
    as_of: new Date().toISOString(),
    stale: false,
    ...over,
  };
}

export function makeSettings(over: Partial<Settings> = {}): Settings {
  return {
    refresh_minutes: 5,
    close_to_tray: true,
    tray_shows: 'today',
    alerts_paused: false,
    check_prices_daily: false,
    price_list_url: '',
    cache_ttl: {},
    budgets: {},
    model_aliases: {},
    custom_prices: {},
    ...over,
  };
}
