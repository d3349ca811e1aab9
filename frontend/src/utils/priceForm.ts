// The settings' prices section as a form: one entry per model id without a
// shipped price, either mapped to a known model (an alias) or given custom
// prices in USD per million tokens. Checked inline with the same rules as the
// Go side's pricing.ValidateOverrides, which has the last word.
import type { ModelRates, Settings } from '../api';
import { derivedCacheRate, type CacheRateKey } from './pricing';

export const RATE_KEYS = ['input', 'output', 'cache_write_5m', 'cache_write_1h', 'cache_read'] as const;
export type RateKey = (typeof RATE_KEYS)[number];

export const RATE_LABELS: Record<RateKey, string> = {
  input: 'Input',
  output: 'Output',
  cache_write_5m: 'Cache write (5 min)',
  cache_write_1h: 'Cache write (1 hour)',
  cache_read: 'Cache read',
};

/** Rates as typed; "" for a cache rate = derived from the input rate. */
export type RatesForm = Record<RateKey, string>;

export type PriceEntryKind = 'alias' | 'custom';

export interface PriceEntry {
  /** The model id as the logs name it. */
  id: string;
  kind: PriceEntryKind;
  /** With kind "alias": the known model (family id) whose price applies. */
  target: string;
  /** With kind "custom". */
  rates: RatesForm;
}

export type PriceEntryErrors = Partial<Record<RateKey | 'target', string>>;

const EMPTY_RATES: RatesForm = { input: '', output: '', cache_write_5m: '', cache_write_1h: '', cache_read: '' };

const clean = (id: string) => id.trim().toLowerCase();

function ratesForm(r: ModelRates): RatesForm {
  const text = (v: number, optional: boolean) => (optional && !v ? '' : String(v));
  return {
    input: text(r.input, false),
    output: text(r.output, false),
    cache_write_5m: text(r.cache_write_5m, true),
    cache_write_1h: text(r.cache_write_1h, true),
    cache_read: text(r.cache_read, true),
  };
}

/** A new entry for `id`, to be mapped to a known model. */
export function newPriceEntry(id: string): PriceEntry {
  return { id: id.trim(), kind: 'alias', target: '', rates: { ...EMPTY_RATES } };
}

/**
 * The entries for `s`: its aliases and custom prices (sorted by id), then
 * the report's models without a price that have neither yet.
 */
export function entriesFromSettings(s: Settings, unpricedModels: readonly string[] = []): PriceEntry[] {
  const entries: PriceEntry[] = [];
  for (const [id, target] of Object.entries(s.model_aliases ?? {})) entries.push({ ...newPriceEntry(id), target });
  for (const [id, r] of Object.entries(s.custom_prices ?? {})) {
    entries.push({ id, kind: 'custom', target: '', rates: ratesForm(r) });
  }
  entries.sort((a, b) => a.id.localeCompare(b.id));
  const known = new Set(entries.map((e) => clean(e.id)));
  for (const id of unpricedModels) {
    if (!known.has(clean(id))) {
      known.add(clean(id));
      entries.push(newPriceEntry(id));
    }
  }
  return entries;
}

/** A price as typed, allowing "$", commas and spaces; NaN when it is not a number. */
export function parseRate(text: string): number {
  const t = text.replace(/[\s,$]/g, '');
  return t === '' || !/^\d*\.?\d*$/.test(t) ? NaN : Number(t);
}

/** Not filled in at all: left out when saving (a model from the report nobody mapped yet). */
function isBlankEntry(e: PriceEntry): boolean {
  return e.kind === 'alias' ? !e.target : RATE_KEYS.every((k) => !e.rates[k].trim());
}

/** Why an entry cannot be saved, by field; {} when it can (or is blank). */
export function priceEntryErrors(e: PriceEntry): PriceEntryErrors {
  if (isBlankEntry(e)) return {};
  if (e.kind === 'alias') {
    return clean(e.target) === clean(e.id) ? { target: 'A model cannot take its own price: choose another.' } : {};
  }
  const errors: PriceEntryErrors = {};
  for (const k of RATE_KEYS) {
    const text = e.rates[k].trim();
    const required = k === 'input' || k === 'output';
    if (!text) {
      if (required) errors[k] = `Enter the ${RATE_LABELS[k].toLowerCase()} price per million tokens.`;
    } else if (Number.isNaN(parseRate(text))) {
      errors[k] = 'Enter a price in dollars, such as 3 or 0.30.';
    }
  }
  if (!errors.input && !errors.output && parseRate(e.rates.input) === 0 && parseRate(e.rates.output) === 0) {
    errors.input = 'The input or output price must be above zero.';
  }
  return errors;
}

/** Whether any entry has an error. */
export function hasPriceErrors(entries: readonly PriceEntry[]): boolean {
  return entries.some((e) => Object.keys(priceEntryErrors(e)).length > 0);
}

/** Why `id` cannot be added to `entries`, or undefined. */
export function addModelIdError(id: string, entries: readonly PriceEntry[]): string | undefined {
  if (!id.trim()) return 'Enter a model id, such as claude-opus-4-7.';
  if (entries.some((e) => clean(e.id) === clean(id))) return `${id.trim()} is already listed.`;
  return undefined;
}

/** The placeholder of a cache rate left empty: the rate derived from the typed input price. */
export function cacheRatePlaceholder(rates: RatesForm, key: CacheRateKey): string {
  const v = derivedCacheRate(parseRate(rates.input), key);
  return v === undefined ? 'From input' : String(v);
}

/** The settings' model_aliases and custom_prices for the entries (blank ones left out; empty cache rates 0 = derived). */
export function pricesFromEntries(entries: readonly PriceEntry[]): Pick<Settings, 'model_aliases' | 'custom_prices'> {
  const model_aliases: Record<string, string> = {};
  const custom_prices: Record<string, ModelRates> = {};
  for (const e of entries) {
    if (isBlankEntry(e)) continue;
    if (e.kind === 'alias') model_aliases[e.id] = e.target;
    else {
      const rate = (k: RateKey) => (e.rates[k].trim() ? parseRate(e.rates[k]) : 0);
      custom_prices[e.id] = {
        input: rate('input'),
        output: rate('output'),
        cache_write_5m: rate('cache_write_5m'),
        cache_write_1h: rate('cache_write_1h'),
        cache_read: rate('cache_read'),
      };
    }
  }
  return { model_aliases, custom_prices };
}
