/**
 * Wording for a report's cost check at API prices (report.pricing and each
 * breakdown row's computed_usd / unpriced_tokens). Every figure comes from the
 * backend; this file only decides how it reads. A cost with unpriced tokens is
 * a lower bound ("≥ $12.34"), and a model without any price never reads "$0.00".
 */
import type { Report, UsageRow } from '../api';
import { formatCompact, formatInteger, formatSignedShare, formatSignedShareExact, formatSignedUSD, formatSignedUSDExact, formatUSD, formatUSDExact } from './format';

/** backend.PricingSummary, as the report carries it. */
export type Pricing = NonNullable<Report['pricing']>;

/** A figure as shown (`text`) and exact (`exact`, for tooltips and data-exact). */
export interface Figure {
  text: string;
  exact: string;
}

/** The report's cost check, when its source priced the logs (MongoDB reports from this version on). */
export function pricingOf(report: Report): Pricing | undefined {
  return report.pricing ?? undefined;
}

/** Whether the report came from the platform's API (totals only: no per-log models or modes). */
export function isPlatformReport(report: Report): boolean {
  return report.source?.kind === 'platform';
}

/** Whether some tokens had no known price (the computed cost is then a lower bound). */
export function hasUnpriced(p: Pick<Pricing, 'unpriced_tokens'> | Pick<UsageRow, 'unpriced_tokens'>): boolean {
  return (p.unpriced_tokens ?? 0) > 0;
}

/**
 * A cost at API prices: "$12.34"; "≥ $12.34" when some tokens have no price;
 * "No price" when none of them has one (never "$0.00").
 */
export function computedFigure(usd: number | undefined, unpricedTokens: number | undefined): Figure {
  if ((unpricedTokens ?? 0) <= 0) return { text: formatUSD(usd), exact: formatUSDExact(usd) };
  const tokens = `${formatInteger(unpricedTokens)} tokens without a price`;
  if (!usd) return { text: 'No price', exact: tokens };
  return { text: `≥ ${formatUSD(usd)}`, exact: `≥ ${formatUSDExact(usd)}; ${tokens}` };
}

/** "34.6K tokens unpriced" */
export function unpricedText(tokens: number | undefined): string {
  return `${formatCompact(tokens)} tokens unpriced`;
}

/** Whether any log had both a reported cost and a known price, so the two can be compared. */
export function hasComparison(p: Pricing): boolean {
  return p.reported_compared_usd !== 0 || p.computed_compared_usd !== 0;
}

/** The drift as a fraction of the computed cost it is measured against, or undefined when there is none. */
function driftFraction(p: Pricing): number | undefined {
  return p.computed_compared_usd > 0 ? p.drift_usd / p.computed_compared_usd : undefined;
}

/** Below this relative drift (0.1%) the reported cost is said to match API prices. */
const MATCH_TOLERANCE = 0.001;

export type DriftDirection = 'match' | 'higher' | 'lower';

/** Whether the reported cost is above, below or (within 0.1% or half a cent) at the computed one. */
export function driftDirection(p: Pricing): DriftDirection {
  const f = driftFraction(p);
  if (Math.abs(p.drift_usd) < 0.005 || (f !== undefined && Math.abs(f) < MATCH_TOLERANCE)) return 'match';
  return p.drift_usd > 0 ? 'higher' : 'lower';
}

/** The drift, e.g. "+$32.25 (+2.8%)", with its exact form. */
export function driftFigure(p: Pricing): Figure {
  const f = driftFraction(p);
  const pct = f === undefined ? '' : ` (${formatSignedShare(f)})`;
  const pctExact = f === undefined ? '' : ` (${formatSignedShareExact(f)})`;
  return { text: `${formatSignedUSD(p.drift_usd)}${pct}`, exact: `${formatSignedUSDExact(p.drift_usd)}${pctExact}` };
}

const DRIFT_WORDS: Record<DriftDirection, string> = {
  match: 'matches API prices',
  higher: 'reported is higher than API prices',
  lower: 'reported is lower than API prices',
};

/** "matches API prices", "reported is higher than API prices", … */
export function driftWords(p: Pricing): string {
  return DRIFT_WORDS[driftDirection(p)];
}

/** A price table's source without its links and notes: the text before the first " (" or ";". */
export function shortSource(source: string): string {
  return source.split(/ \(|;/)[0].trim();
}

/** "Prices as of 2026-02-17, <short source>" (the full source belongs in a tooltip). */
export function priceTableLine(version: string | undefined, source: string | undefined): string {
  const v = version ? `Prices as of ${version}` : 'Prices of an unnamed table';
  return source ? `${v}, ${shortSource(source)}` : v;
}

/** Standard multipliers of the input rate for cache rates left empty (1.25x, 2x, 0.1x). */
const CACHE_FACTORS = { cache_write_5m: 1.25, cache_write_1h: 2, cache_read: 0.1 } as const;

export type CacheRateKey = keyof typeof CACHE_FACTORS;

/** A cache rate derived from the input rate, in USD per million tokens (rounded to 4 decimals), or undefined. */
export function derivedCacheRate(input: number, key: CacheRateKey): number | undefined {
  if (!Number.isFinite(input) || input <= 0) return undefined;
  return Math.round(input * CACHE_FACTORS[key] * 10_000) / 10_000;
}
