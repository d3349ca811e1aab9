// Settings, the tray's glance (today's and this month's cost, the budget) and
// the window events about them. The shapes mirror backend.Settings,
// backend.Budget and backend.Glance (wailsjs/go/models.ts) as plain types, so
// components and tests need no generated classes. Re-exported by './index':
// import from './', never from here.
import { backend } from '@wails/go/models';
import * as GlanceService from '@wails/go/app/GlanceService';
import * as SettingsService from '@wails/go/app/SettingsService';
import { EventsOn } from '@wails/runtime';
import { ApiError, call } from './errors';

/** What the tray's title shows. */
export type TrayShows = 'today' | 'month' | 'budget';
export const TRAY_SHOWS: readonly TrayShows[] = ['today', 'month', 'budget'];

/** A glance's budget level. */
export type BudgetLevel = 'none' | 'ok' | 'near' | 'over';

/** A profile's monthly budget. */
export interface Budget {
  /** 0 = no budget. */
  monthly_usd: number;
  /** Percentages of the budget that each send one notification; empty = DEFAULT_ALERT_PERCENTS. */
  alert_percents: number[];
}

export const DEFAULT_ALERT_PERCENTS: readonly number[] = [80, 100];
export const DEFAULT_REFRESH_MINUTES = 5;

export interface Settings {
  refresh_minutes: number;
  close_to_tray: boolean;
  /** TrayShows; kept as the backend's string. */
  tray_shows: string;
  alerts_paused: boolean;
  /** By profile id. */
  budgets: Record<string, Budget>;
  /** A model id without a known price → the known model id whose price applies. */
  model_aliases: Record<string, string>;
  /** A model id → prices the user entered (they win over the shipped table). */
  custom_prices: Record<string, ModelRates>;
}

/** Prices in USD per million tokens (backend.ModelRates); a 0 cache rate is derived from `input`. */
export interface ModelRates {
  input: number;
  output: number;
  cache_write_5m: number;
  cache_write_1h: number;
  cache_read: number;
}

/** One model of the shipped price table (pricing.Price without its long-context tier). */
export interface PriceModel extends ModelRates {
  /** The family id, e.g. "claude-sonnet-4-5"; what an alias maps to. */
  family: string;
  /** "Claude Sonnet 4.5" */
  name: string;
  /** The date these prices apply from (YYYY-MM-DD). */
  from: string;
  /** A user's custom price rather than a shipped one. */
  custom: boolean;
  /** Whether requests over a threshold are billed at long-context rates. */
  long_context: boolean;
}

/** The price table the backend prices reports with (app.PriceTableInfo). */
export interface PriceTable {
  version: string;
  source: string;
  models: PriceModel[];
}

/** Today's and this month's cost of one profile, with its budget and forecast. */
export interface Glance {
  profile_id: string;
  profile_name: string;
  today_usd: number;
  month_usd: number;
  /** 0 = no budget. */
  budget_usd: number;
  /** month_usd / budget_usd. */
  budget_fraction: number;
  /** The month-end cost at the month-to-date pace. */
  forecast_usd: number;
  /** BudgetLevel. */
  level: string;
  /** ISO time the figures were fetched. */
  as_of: string;
  /** The figures come from the history: the source could not be reached. */
  stale: boolean;
}

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
    refresh_minutes: num(s?.refresh_minutes) || DEFAULT_REFRESH_MINUTES,
    close_to_tray: s?.close_to_tray !== false,
    tray_shows: s?.tray_shows || 'today',
    alerts_paused: s?.alerts_paused === true,
    budgets,
    model_aliases,
    custom_prices,
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

/** Listens to a window event; a no-op outside the Wails window. */
function listen<T>(name: string, cb: (data: T) => void): () => void {
  try {
    const off = EventsOn(name, (data: T) => cb(data));
    return typeof off === 'function' ? off : () => {};
  } catch {
    return () => {};
  }
}

/** Calls `cb` with each glance the background refresh publishes (null: nothing to show). Returns the unsubscribe. */
export function onGlance(cb: (g: Glance | null) => void): () => void {
  return listen<Partial<Glance> | null>('glance', (g) => cb(normaliseGlance(g)));
}

/** Calls `cb` with the new active profile id when the tray menu switched profile. Returns the unsubscribe. */
export function onProfileChanged(cb: (profileId: string) => void): () => void {
  return listen<unknown>('profile-changed', (id) => cb(typeof id === 'string' ? id : ''));
}
