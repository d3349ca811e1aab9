/**
 * Formatting for every figure usagedash shows. This file is the contract the
 * Go end-to-end test checks (`text` = visible text, `exact` = data-exact and
 * tooltip). All number formatting is `Intl.NumberFormat('en-US')`, so it does
 * not depend on the machine's locale.
 *
 * Rounding: a number is rounded from its SHORTEST round-trip decimal form
 * (what JS `String(x)` / Go `strconv.FormatFloat(x, 'f', -1, 64)` print),
 * HALF AWAY FROM ZERO: 1.005 → "1.01", 0.125 → "0.13", 1.25 → "1.3".
 * (Not Go's `FormatFloat(x, 'f', 2, 64)`, which rounds the binary value and
 * breaks exact ties to even.) Percentages shift that decimal form by two
 * places before rounding (0.57 → "57.0%", no float multiply).
 *
 * Missing values (undefined, null, NaN, ±Infinity) render as "—" (U+2014).
 * Negative values are not expected; they format with a leading "-".
 *
 * | formatter             | text (visible)                        | exact (data-exact / hover)      |
 * |-----------------------|---------------------------------------|---------------------------------|
 * | USD cost              | "$1,234.57" (2 decimals)              | "$1,234.5678" (4 decimals)      |
 * | cost per 1K tokens    | < $1: 4 decimals "$0.0123";           | "$0.0123" (4 decimals)          |
 * |                       | ≥ $1: 2 decimals "$1.50"              |                                 |
 * | token count           | compact: 950 → "950", 1234 → "1.2K",  | "1,234,567" (integer, grouped)  |
 * |                       | 2_500_000 → "2.5M", 1e9 → "1B",        |                                 |
 * |                       | 999_950 → "1M" (see compact below)    |                                 |
 * | workflows / instances | "1,234" (integer, grouped)            | "1,234"                         |
 * | avg tokens / instance | compact (may be "12.5" below 1000)    | "12,345.7" (1 decimal, grouped) |
 * | token share (0..1)    | "42.5%" (1 decimal, always shown)     | "42.53%" (2 decimals)           |
 * | budget used (0..)     | "62%" (integer)                       | "62.34%" (2 decimals)           |
 * | execution time (ms)   | duration: "850 ms", "45s", "12m 5s",  | "12,345 ms" (integer, grouped)  |
 * |                       | "3h 25m", "2d 4h"                     |                                 |
 *
 * Compact numbers: the unit is K (10^3), M (10^6), B (10^9) or T (10^12),
 * the largest whose value n / unit is ≥ 1 in magnitude. n / unit (a float64
 * division) is rounded to one decimal with the rule above and a trailing ".0"
 * is dropped. If rounding reaches 1000 the next unit is used (999_950 → "1M",
 * not "1000K"; 999.96 → "1K"). Below 1000 there is no unit (950 → "950").
 * Values ≥ 1000T stay in T ("1,500T").
 *
 * Durations truncate (never round up): ms < 1000 → "<ms> ms" (ms rounded to an
 * integer first); < 1 min → "<s>s"; < 1 h → "<m>m <s>s"; < 1 day → "<h>h <m>m";
 * otherwise "<d>d <h>h". The second component is dropped when it is 0
 * ("12m", "3h", "2d").
 */

export const DASH = '—';

type Maybe = number | null | undefined;

function isNum(v: Maybe): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function nf(min: number, max: number, extra: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const base: Intl.NumberFormatOptions = { minimumFractionDigits: min, maximumFractionDigits: max, ...extra };
  try {
    // halfExpand is the default; signDisplay "negative" avoids "-$0.00".
    return new Intl.NumberFormat('en-US', { ...base, roundingMode: 'halfExpand', signDisplay: 'negative' } as Intl.NumberFormatOptions);
  } catch {
    // Older WebKit without Intl.NumberFormat v3 rejects "negative".
    return new Intl.NumberFormat('en-US', base);
  }
}

const usd2 = nf(2, 2, { style: 'currency', currency: 'USD' });
const usd4 = nf(4, 4, { style: 'currency', currency: 'USD' });
const int = nf(0, 0);
const dec1 = nf(1, 1);
const upTo1 = nf(0, 1, { useGrouping: false });
const upTo1Grouped = nf(0, 1);
const pct1 = nf(1, 1, { style: 'percent' });
const pct0 = nf(0, 0, { style: 'percent' });
const pct2 = nf(2, 2, { style: 'percent' });
const usd0 = nf(0, 0, { style: 'currency', currency: 'USD' });

/** "$1,234.57" */
export function formatUSD(v: Maybe): string {
  return isNum(v) ? usd2.format(v) : DASH;
}

/** "$1,234.5678" — exact cost for data-exact and tooltips. */
export function formatUSDExact(v: Maybe): string {
  return isNum(v) ? usd4.format(v) : DASH;
}

/** A budget: "$100" when whole dollars, "$99.50" otherwise. */
export function formatBudgetUSD(v: Maybe): string {
  if (!isNum(v)) return DASH;
  return Number.isInteger(v) ? usd0.format(v) : usd2.format(v);
}

/** Cost per 1K tokens: 4 decimals under $1 ("$0.0123"), 2 decimals otherwise ("$1.50"). */
export function formatUnitCost(v: Maybe): string {
  if (!isNum(v)) return DASH;
  return Math.abs(v) < 1 ? usd4.format(v) : usd2.format(v);
}

/** "1,234,567" — integers (token counts, workflows, instances), grouped. */
export function formatInteger(v: Maybe): string {
  return isNum(v) ? int.format(v) : DASH;
}

/** "12,345.7" — one fixed decimal, grouped. */
export function formatDecimal1(v: Maybe): string {
  return isNum(v) ? dec1.format(v) : DASH;
}

const UNITS = ['', 'K', 'M', 'B', 'T'] as const;

/** Compact counts: 950 → "950", 1234 → "1.2K", 999_950 → "1M", 1e9 → "1B". */
export function formatCompact(v: Maybe): string {
  if (!isNum(v)) return DASH;
  const abs = Math.abs(v);
  let unit = 0;
  while (unit < UNITS.length - 1 && abs >= 1000 ** (unit + 1)) unit++;
  for (;;) {
    const scaled = unit === 0 ? v : v / 1000 ** unit;
    const text = unit === UNITS.length - 1 ? upTo1Grouped.format(scaled) : upTo1.format(scaled);
    // Rounding reached the next unit (e.g. 999.95K → "1000"): move up one.
    const digits = text.replace(/^-/, '').replace(/,/g, '');
    if (unit < UNITS.length - 1 && Number(digits) >= 1000) {
      unit++;
      continue;
    }
    return text + UNITS[unit];
  }
}

/** Share 0..1 as "42.5%". */
export function formatShare(v: Maybe): string {
  return isNum(v) ? pct1.format(v) : DASH;
}

/** A fraction as a whole percentage: 0.6234 → "62%", 1.25 → "125%". */
export function formatPercent(v: Maybe): string {
  return isNum(v) ? pct0.format(v) : DASH;
}

/** Share 0..1 as "42.53%" — exact value for data-exact and tooltips. */
export function formatShareExact(v: Maybe): string {
  return isNum(v) ? pct2.format(v) : DASH;
}

/** Duration in ms: "850 ms", "45s", "12m 5s", "3h 25m", "2d 4h". */
export function formatDuration(ms: Maybe): string {
  if (!isNum(ms)) return DASH;
  const sign = ms < 0 ? '-' : '';
  const total = Math.round(Math.abs(ms));
  if (total < 1000) return `${sign}${total} ms`;
  const s = Math.floor(total / 1000);
  const pair = (a: number, au: string, b: number, bu: string) =>
    `${sign}${a}${au}${b > 0 ? ` ${b}${bu}` : ''}`;
  if (s < 60) return `${sign}${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return pair(m, 'm', s % 60, 's');
  const h = Math.floor(m / 60);
  if (h < 24) return pair(h, 'h', m % 60, 'm');
  return pair(Math.floor(h / 24), 'd', h % 24, 'h');
}

/** "12,345 ms" — exact duration for data-exact and tooltips. */
export function formatDurationExact(ms: Maybe): string {
  return isNum(ms) ? `${int.format(ms)} ms` : DASH;
}

// ---------------------------------------------------------------------------
// Dates (local time zone of the window, en-US).

function parseDate(v: string | null | undefined): Date | undefined {
  if (!v) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const dateFmt = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFmt = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

function formatRange(fmt: Intl.DateTimeFormat, a: Date, b: Date): string {
  const withRange = fmt as Intl.DateTimeFormat & { formatRange?: (x: Date, y: Date) => string };
  if (typeof withRange.formatRange === 'function') return withRange.formatRange(a, b);
  const sa = fmt.format(a);
  const sb = fmt.format(b);
  return sa === sb ? sa : `${sa} – ${sb}`;
}

/** The day formatter of an IANA time zone ("" or unknown: the computer's zone). */
function dateFmtIn(timeZone?: string | null): Intl.DateTimeFormat {
  if (!timeZone) return dateFmt;
  try {
    return new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone });
  } catch {
    return dateFmt; // a zone this WebView does not know
  }
}

/**
 * A period's concrete range by day, in the period's time zone (the computer's
 * when not given): "Oct 28 – Nov 26, 2025", "Nov 26, 2025" for one day,
 * "Since …"/"Until …" for open ends, and "All recorded usage" when both ends
 * are open. A UTC period is shown in UTC days, like its series.
 */
export function formatPeriodRange(start?: string | null, end?: string | null, timeZone?: string | null): string {
  const s = parseDate(start);
  const e = parseDate(end);
  const fmt = dateFmtIn(timeZone);
  if (s && e) return formatRange(fmt, s, e);
  if (s) return `Since ${fmt.format(s)}`;
  if (e) return `Until ${fmt.format(e)}`;
  return 'All recorded usage';
}

/** "Nov 26, 2025, 3:04 PM" */
export function formatDateTime(v: string | null | undefined): string {
  const d = parseDate(v);
  return d ? dateTimeFmt.format(d) : DASH;
}

const rtf = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });

/** "just now", "2 minutes ago", "yesterday" — relative to `now` (ms since epoch). */
export function formatRelativeTime(v: string | null | undefined, now: number = Date.now()): string {
  const d = parseDate(v);
  if (!d) return DASH;
  const secs = Math.round((d.getTime() - now) / 1000);
  const abs = Math.abs(secs);
  if (abs < 45) return 'just now';
  if (abs < 3600) return rtf.format(Math.round(secs / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(secs / 3600), 'hour');
  return rtf.format(Math.round(secs / 86400), 'day');
}

const monthDayFmt = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' });

/** The last day of the (local) month of `v`: "Nov 30". */
export function formatMonthEnd(v: string | null | undefined, now: number = Date.now()): string {
  const d = parseDate(v) ?? new Date(now);
  return monthDayFmt.format(new Date(d.getFullYear(), d.getMonth() + 1, 0));
}

const timeFmt = new Intl.DateTimeFormat('en-US', { timeStyle: 'short' });

/** "3:04 PM" when `v` is today (local time), otherwise "Nov 26, 2025, 3:04 PM". */
export function formatSince(v: string | null | undefined, now: number = Date.now()): string {
  const d = parseDate(v);
  if (!d) return DASH;
  return d.toDateString() === new Date(now).toDateString() ? timeFmt.format(d) : dateTimeFmt.format(d);
}

// ---------------------------------------------------------------------------
// Signed differences: "+" before an increase, "-" before a decrease, no sign
// for 0 (or what rounds to it).

function signed(v: Maybe, fmt: (x: Maybe) => string): string {
  if (!isNum(v)) return DASH;
  const text = fmt(v);
  // No "+" on what rounds to zero ("$0.00", not "+$0.00").
  return v > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

/** "+$12.34", "-$3.00", "$0.00" */
export function formatSignedUSD(v: Maybe): string {
  return signed(v, formatUSD);
}

/** "+$12.3400" */
export function formatSignedUSDExact(v: Maybe): string {
  return signed(v, formatUSDExact);
}

/** "+1.2K", "-500", "0" */
export function formatSignedCompact(v: Maybe): string {
  return signed(v, formatCompact);
}

/** "+1,234,567" */
export function formatSignedInteger(v: Maybe): string {
  return signed(v, formatInteger);
}

/** "+2.8%", "-0.4%", "0.0%": a signed share (e.g. a drift against a reference). */
export function formatSignedShare(v: Maybe): string {
  return signed(v, formatShare);
}

/** "+2.76%": the exact signed share for data-exact and tooltips. */
export function formatSignedShareExact(v: Maybe): string {
  return signed(v, formatShareExact);
}
