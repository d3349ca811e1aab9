import type { PeriodRequest } from '../api';
import { DAY_MS, formatDayLong, formatDayShort, keyToUTC, utcToKey } from './days';

/** The preset id of a range of whole days chosen by the user. */
export const CUSTOM_PRESET = 'custom';
const DEFAULT_PRESET = 'last_30_days';
export const ALL_TIME_PRESET = 'all_time';

/** The request of a preset (not custom), in UTC or the user's time zone. */
export function presetRequest(preset: string, utc = false): PeriodRequest {
  return { preset, from: '', to: '', utc };
}

/** The request of a custom range of whole days, `from`..`to` inclusive. */
export function customRequest(from: string, to: string, utc = false): PeriodRequest {
  return { preset: CUSTOM_PRESET, from, to, utc };
}

export const DEFAULT_REQUEST: PeriodRequest = presetRequest(DEFAULT_PRESET);

/** A value key of a request: equal requests have equal keys. */
export function requestKey(r: PeriodRequest): string {
  return JSON.stringify([r.preset, r.from, r.to, r.utc === true]);
}

/** "YYYY-MM-DD" naming a real calendar day (no 2025-02-30). */
export function isDayKey(s: string): boolean {
  const ms = keyToUTC(s);
  return ms !== undefined && utcToKey(ms) === s;
}

/** Today as "YYYY-MM-DD", in UTC or this computer's time zone. */
export function todayKey(utc: boolean, now: Date = new Date()): string {
  if (utc) return utcToKey(now.getTime());
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The day `days` after (or before, when negative) a "YYYY-MM-DD" day. */
export function addDays(key: string, days: number): string {
  return utcToKey((keyToUTC(key) ?? NaN) + days * DAY_MS);
}

export interface RangeErrors {
  from?: string;
  to?: string;
}

function dayError(value: string, today: string): string | undefined {
  if (!value.trim()) return 'Enter a date as YYYY-MM-DD.';
  if (!isDayKey(value.trim())) return 'Not a date: use YYYY-MM-DD, e.g. 2026-11-03.';
  if (value.trim() > today) return `Must not be after today (${today}).`;
  return undefined;
}

/**
 * What is wrong with a custom range, per field (an empty object when it is
 * fine): each a real YYYY-MM-DD day not after `today`, and from ≤ to.
 */
export function validateRange(from: string, to: string, today: string): RangeErrors {
  const errors: RangeErrors = { from: dayError(from, today), to: dayError(to, today) };
  if (!errors.from && !errors.to && from.trim() > to.trim()) errors.to = 'Must be on or after the From date.';
  return Object.fromEntries(Object.entries(errors).filter(([, v]) => v)) as RangeErrors;
}

/** "Nov 3, 2025", "Nov 3 – Nov 10, 2025" or "Dec 28, 2025 – Jan 3, 2026". */
export function rangeLabel(from: string, to: string): string {
  if (from === to) return formatDayLong(from);
  const start = from.slice(0, 4) === to.slice(0, 4) ? formatDayShort(from) : formatDayLong(from);
  return `${start} – ${formatDayLong(to)}`;
}

/**
 * A request read back from storage, or undefined when it is not one this app
 * could have written (`presetIds` are the presets it may name besides custom).
 */
export function parseRequest(raw: unknown, presetIds: readonly string[]): PeriodRequest | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const o = raw as Record<string, unknown>;
  if (typeof o.preset !== 'string' || typeof o.utc !== 'boolean') return undefined;
  if (o.preset === CUSTOM_PRESET) {
    const { from, to } = o;
    if (typeof from !== 'string' || typeof to !== 'string' || !isDayKey(from) || !isDayKey(to) || from > to) {
      return undefined;
    }
    return customRequest(from, to, o.utc);
  }
  return presetIds.includes(o.preset) ? presetRequest(o.preset, o.utc) : undefined;
}
