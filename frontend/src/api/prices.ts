// The prices in force and their updates (PriceService) and the repricing of
// a stored report (RecostService), read defensively: a missing list reads as
// empty. Re-exported by './index': import from '../api', never from here.
import * as PriceService from '@wails/go/app/PriceService';
import * as RecostService from '@wails/go/app/RecostService';
import { ApiError, call } from './errors';
import type { PriceFamily, PriceListing, PriceRow, PriceStatus, PriceUpdate, RecostedReport } from './models';

function normaliseUpdate(u: Partial<PriceUpdate> | null | undefined): PriceUpdate | undefined {
  if (!u || !u.url) return undefined;
  return { url: u.url, fetched_at: u.fetched_at ?? '', sha256: u.sha256 ?? '', families: u.families ?? 0, kept_out: u.kept_out ?? [] };
}

function normaliseRow(r: PriceRow): PriceRow {
  return { ...r, provenance: { ...r.provenance, origin: r.provenance?.origin ?? '', fetched_at: r.provenance?.fetched_at ?? '' } };
}

function normaliseFamily(f: Partial<PriceFamily>): PriceFamily {
  const rows = (f.rows ?? []).map(normaliseRow);
  return {
    family: f.family ?? '',
    name: f.name || f.family || '',
    same_as: f.same_as ?? [],
    litellm_wrong: f.litellm_wrong ?? [],
    rows,
    in_force: typeof f.in_force === 'number' && f.in_force >= 0 && f.in_force < rows.length ? f.in_force : rows.length - 1,
  };
}

/** The price table in force: every family with its dated rows, sources, confidence and provenance. */
export async function fetchPriceListing(): Promise<PriceListing> {
  const l: Partial<PriceListing> | null = await call(() => PriceService.Table());
  return {
    version: l?.version ?? '',
    source: l?.source ?? '',
    update: normaliseUpdate(l?.update),
    families: (l?.families ?? []).map(normaliseFamily).filter((f) => f.family && f.rows.length > 0),
    custom: (l?.custom ?? []).map(normaliseRow),
    cache_ttl: l?.cache_ttl ?? '',
    aliases: { ...(l?.aliases ?? {}) },
  };
}

function normaliseStatus(s: Partial<PriceStatus> | null | undefined): PriceStatus {
  return {
    version: s?.version ?? '',
    update: normaliseUpdate(s?.update),
    checked: s?.checked || null,
    checked_text: s?.checked_text ?? '',
    last_error: s?.last_error ?? '',
    store_error: s?.store_error ?? '',
    checking: s?.checking === true,
    daily_check: s?.daily_check === true,
    url: s?.url ?? '',
  };
}

/** How fresh the prices are ("Prices checked 3 days ago."), the last check's failure, and whether one runs now. */
export async function fetchPriceStatus(): Promise<PriceStatus> {
  return normaliseStatus(await call(() => PriceService.Status()));
}

/**
 * Downloads the price list now ("Check for new prices"). Resolves with the
 * new status; a bad download rejects with the one sentence that says why,
 * and the prices in force stay.
 */
export async function checkPricesNow(): Promise<PriceStatus> {
  return normaliseStatus(await call(() => PriceService.CheckNow()));
}

/**
 * Starts a background check when one is due (`unpricedModels`: a report met a
 * model nobody prices). Answers at once whether one started; never waits for it.
 */
export async function checkPricesIfDue(unpricedModels: boolean): Promise<boolean> {
  return (await call(() => PriceService.CheckIfDue(unpricedModels))) === true;
}

/**
 * Reprices the stored report `id` with today's prices. Rejects with "invalid"
 * for a report without per-model rows (only MongoDB reports keep them).
 */
export async function recostStoredReport(id: string): Promise<RecostedReport> {
  const r = await call(() => RecostService.Recost(id));
  const rc = r?.recost;
  if (!rc || !r.stored?.report || !r.stored.entry) throw new ApiError('internal', 'The repricing came back empty.');
  return {
    stored: { report: r.stored.report, entry: r.stored.entry },
    recost: { ...rc, models: rc.models ?? [], unpriced_models: rc.unpriced_models ?? [] },
  };
}
