// Settings, the price table, the tray's glance (today's and this month's
// cost, the budget) and the window events about them, read defensively: a
// missing field reads as its empty value. Re-exported by './index': import
// from '../api', never from here.
import { backend } from '@wails/go/models';
import * as GlanceService from '@wails/go/app/GlanceService';
import * as SettingsService from '@wails/go/app/SettingsService';
import { ApiError, call } from './errors';
import { EVENTS, listen } from './events';
import type { Budget, Glance, ModelRates, PriceTable, Settings } from './models';

/** The alert levels of a budget without its own (backend's default; not bound yet). */
export const DEFAULT_ALERT_PERCENTS: readonly number[] = [80, 100];
/** The background refresh interval when none is set (backend's default; not bound yet). */
export const DEFAULT_REFRESH_MINUTES = 5;

const num = (v: unknown, fallback = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

function normaliseBudget(b: Partial<Budget> | null | undefined): Budget {
  return {
    monthly_usd: num(b?.monthly_usd),
    alert_percents: Array.isArray(b?.alert_percents) ? b.alert_percents.filter((p) => num(p) > 0) : [],
  };
}

function normaliseRates(r: Partial<ModelRates> | null | undefined): ModelRates {
  return {
    input: num(r?.input),
    output: num(r?.output),
    cache_write_5m: num(r?.cache_write_5m),
    cache_write_1h: num(r?.cache_write_1h),
    cache_read: num(r?.cache_read),
  };
}

function normaliseSettings(s: Partial<Settings> | null | undefined): Settings {
  const budgets: Record<string, Budget> = {};
  for (const [id, b] of Object.entries(s?.budgets ?? {})) budgets[id] = normaliseBudget(b);
  const model_aliases: Record<string, string> = {};
  for (const [id, target] of Object.entries(s?.model_aliases ?? {})) {
    if (typeof target === 'string') model_aliases[id] = target;
  }
  const custom_prices: Record<string, ModelRates> = {};
  for (const [id, r] of Object.entries(s?.custom_prices ?? {})) custom_prices[id] = normaliseRates(r);
  return {
    ...s, // fields this window does not edit go back as they came
    refresh_minutes: num(s?.refresh_minutes) || DEFAULT_REFRESH_MINUTES,
    close_to_tray: s?.close_to_tray !== false,
    tray_shows: s?.tray_shows || 'today',
    alerts_paused: s?.alerts_paused === true,
    budgets,
    model_aliases,
    custom_prices,
    check_prices_daily: s?.check_prices_daily === true,
    price_list_url: s?.price_list_url ?? '',
    cache_ttl: { ...(s?.cache_ttl ?? {}) },
  };
}

export async function fetchSettings(): Promise<Settings> {
  return normaliseSettings(await call(() => SettingsService.Get()));
}

/**
 * Validates and stores the settings (the generated class converts the budgets
 * and custom prices maps in place, hence the copies); rejects with "invalid"
 * and a sentence for a bad value, e.g. an alias to a model without a price.
 */
export async function saveSettings(s: Settings): Promise<Settings> {
  const payload = {
    ...s,
    budgets: { ...s.budgets },
    model_aliases: { ...(s.model_aliases ?? {}) },
    custom_prices: { ...(s.custom_prices ?? {}) },
  };
  return normaliseSettings(await call(() => SettingsService.Save(backend.Settings.createFrom(payload))));
}

/** The shipped price table (version, source, models), to offer known models to map an unknown one to. */
export async function fetchPriceTable(): Promise<PriceTable> {
  const t = await call(() => SettingsService.PriceTable());
  return {
    version: t?.version ?? '',
    source: t?.source ?? '',
    models: (t?.models ?? []).map((m) => ({
      ...normaliseRates(m),
      family: m.family ?? '',
      name: m.name || m.family || '',
      from: m.from ?? '',
      custom: m.custom === true,
      long_context: !!m.long_context,
    })),
  };
}

function normaliseGlance(g: Partial<Glance> | null | undefined): Glance | null {
  if (!g || typeof g !== 'object' || !g.profile_id) return null;
  return {
    profile_id: g.profile_id,
    profile_name: g.profile_name ?? '',
    today_usd: num(g.today_usd),
    month_usd: num(g.month_usd),
    budget_usd: num(g.budget_usd),
    budget_fraction: num(g.budget_fraction),
    forecast_usd: num(g.forecast_usd),
    level: g.level || 'none',
    as_of: g.as_of ?? '',
    stale: g.stale === true,
  };
}

/** The last glance of the active profile; rejects with "not_found" before the first refresh. */
export async function fetchGlance(): Promise<Glance> {
  const g = normaliseGlance(await call(() => GlanceService.Latest()));
  if (!g) throw new ApiError('not_found', 'No figures yet.');
  return g;
}

/** Asks the backend to refresh the glance at once (the answer comes as a "glance" event). */
export function refreshGlance(): Promise<void> {
  return call(() => GlanceService.RefreshNow());
}

/** Calls `cb` with each glance the background refresh publishes (null: nothing to show). Returns the unsubscribe. */
export function onGlance(cb: (g: Glance | null) => void): () => void {
  return listen<Partial<Glance> | null>(EVENTS.glanceUpdated, (g) => cb(normaliseGlance(g)));
}

/** Calls `cb` with the new active connection's id when it changed (e.g. from the tray menu). Returns the unsubscribe. */
export function onConnectionChanged(cb: (profileId: string) => void): () => void {
  return listen<unknown>(EVENTS.connectionChanged, (id) => cb(typeof id === 'string' ? id : ''));
}

/** Calls `cb` when the settings were saved (from the window or the tray). Returns the unsubscribe. */
export function onSettingsChanged(cb: () => void): () => void {
  return listen<unknown>(EVENTS.settingsChanged, () => cb());
}

/** Calls `cb` with the connection's id when its platform session ended. Returns the unsubscribe. */
export function onSessionEnded(cb: (profileId: string) => void): () => void {
  return listen<{ profile_id?: unknown } | null>(EVENTS.sessionEnded, (d) =>
    cb(typeof d?.profile_id === 'string' ? d.profile_id : ''),
  );
}
