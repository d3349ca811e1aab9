// The settings form: its state, how it is read from and written back to the
// backend's Settings, and its inline validation (the same bounds as the Go
// side's settings.Validate, which has the last word).
import { DEFAULT_ALERT_PERCENTS, DEFAULT_REFRESH_MINUTES, TRAY_SHOWS, type Settings, type TrayShows } from '../api';
import { entriesFromSettings, parseRate, pricesFromEntries, type PriceEntry } from './priceForm';

/** The refresh intervals offered, in minutes. */
export const REFRESH_CHOICES: readonly number[] = [1, 2, 5, 10, 15, 30, 60];
const MAX_BUDGET_USD = 1_000_000_000;
const MIN_ALERT_PERCENT = 1;
const MAX_ALERT_PERCENT = 1000;

export interface SettingsForm {
  /** The monthly budget as typed; "" or 0 = no budget. */
  budget: string;
  /** Sorted, distinct. */
  alertPercents: number[];
  trayShows: TrayShows;
  closeToTray: boolean;
  alertsPaused: boolean;
  refreshMinutes: number;
  /** Models without a shipped price: mapped to a known model or given custom prices. */
  prices: PriceEntry[];
  /** Whether the app checks for new prices once a day. */
  checkPricesDaily: boolean;
  /** The LiteLLM price file checks read, as typed ("" = LiteLLM's main branch). */
  priceListUrl: string;
}

const sorted = (ps: readonly number[]) => [...new Set(ps)].sort((a, b) => a - b);

export function isTrayShows(v: string): v is TrayShows {
  return (TRAY_SHOWS as readonly string[]).includes(v);
}

/**
 * The form for `s`, with the budget of `profileId` and a prices entry for each
 * alias, custom price and model of `unpricedModels` (the current report's).
 */
export function formFromSettings(s: Settings, profileId?: string, unpricedModels: readonly string[] = []): SettingsForm {
  const b = profileId ? s.budgets[profileId] : undefined;
  return {
    budget: b && b.monthly_usd > 0 ? String(b.monthly_usd) : '',
    alertPercents: sorted(b?.alert_percents.length ? b.alert_percents : DEFAULT_ALERT_PERCENTS),
    trayShows: isTrayShows(s.tray_shows) ? s.tray_shows : 'today',
    closeToTray: s.close_to_tray,
    alertsPaused: s.alerts_paused,
    refreshMinutes: s.refresh_minutes > 0 ? s.refresh_minutes : DEFAULT_REFRESH_MINUTES,
    prices: entriesFromSettings(s, unpricedModels),
    checkPricesDaily: s.check_prices_daily,
    priceListUrl: s.price_list_url ?? '',
  };
}

/** A number as typed, allowing "$", "%", thousands commas and spaces; NaN when it is none. */
function parseNumber(text: string): number {
  return parseRate(text.replace(/%/g, ''));
}

/** The budget in dollars: "" = 0; NaN when not a number. */
export function parseBudget(text: string): number {
  return text.trim() === '' ? 0 : parseNumber(text);
}

/** Why the typed budget cannot be saved, or undefined. */
export function budgetError(text: string): string | undefined {
  const v = parseBudget(text);
  if (Number.isNaN(v)) return 'Enter an amount in dollars, such as 100.';
  if (v > MAX_BUDGET_USD) return 'A monthly budget must be at most $1,000,000,000.';
  return undefined;
}

/** Why the typed price list address cannot be saved (it must be https://), or undefined; "" is LiteLLM's default. */
export function priceListUrlError(text: string): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  try {
    const u = new URL(t);
    if (u.protocol === 'https:' && u.host) return undefined;
  } catch {
    /* not a URL */
  }
  return 'The price list address must be an https:// URL.';
}

/** The alert level typed (a percentage), or NaN. */
export function parseAlertPercent(text: string): number {
  return parseNumber(text);
}

/** Why the typed alert level cannot be added to `levels`, or undefined. */
export function alertPercentError(text: string, levels: readonly number[]): string | undefined {
  const v = parseAlertPercent(text);
  if (Number.isNaN(v) || v < MIN_ALERT_PERCENT || v > MAX_ALERT_PERCENT) {
    return `Enter a percentage between ${MIN_ALERT_PERCENT} and ${MAX_ALERT_PERCENT}.`;
  }
  if (levels.includes(v)) return `${v}% is already a level.`;
  return undefined;
}

export function addAlertPercent(levels: readonly number[], v: number): number[] {
  return sorted([...levels, v]);
}

/**
 * The settings to save: `base` (as loaded, keeping the other profiles'
 * budgets) with the form's values, the budget under `profileId`.
 */
export function settingsFromForm(base: Settings, form: SettingsForm, profileId?: string): Settings {
  const budgets = { ...base.budgets };
  if (profileId) {
    budgets[profileId] = { monthly_usd: parseBudget(form.budget) || 0, alert_percents: sorted(form.alertPercents) };
  }
  return {
    ...base,
    refresh_minutes: form.refreshMinutes,
    close_to_tray: form.closeToTray,
    tray_shows: form.trayShows,
    alerts_paused: form.alertsPaused,
    budgets,
    ...pricesFromEntries(form.prices),
    check_prices_daily: form.checkPricesDaily,
    price_list_url: form.priceListUrl.trim(),
  };
}
