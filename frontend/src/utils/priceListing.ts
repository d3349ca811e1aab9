// Wording for the price table in force (PriceService.Table) and its
// updates (PriceService.Status / CheckNow) as Settings → Prices shows them.
import type { PriceListing, PriceRow, PriceStatus } from '../api';

/** The mark on a row known only from secondary sources, wherever it shows. */
export const SECONDARY_MARK = 'price from a secondary source';

/** A row's start date ("2026-11-09"), or "Always" for a row without one (a custom price). */
export function rowFrom(r: Pick<PriceRow, 'from'>): string {
  const d = (r.from ?? '').slice(0, 10);
  return !d || d.startsWith('0001-') ? 'Always' : d;
}

/** Where a row of the table in force came from, in words. */
export function rowOrigin(r: PriceRow): string {
  const p = r.provenance;
  let origin = 'Shipped with usagedash';
  if (r.custom || p?.origin === 'custom') origin = 'Entered by you';
  else if (p?.origin === 'litellm') origin = 'From the price download';
  const check = { confirmed: 'confirmed by the download', kept: 'kept over the download', added: 'added by the download' }[p?.check ?? ''];
  const parts = [origin, check, p?.note].filter(Boolean);
  return parts.join('; ');
}

/**
 * What the download in force changed: "Added 2 models and 1 new price." (a
 * model: a family only the download knows; a price: a dated row it added to
 * a family the shipped table has), or that it only confirmed the table.
 */
export function downloadSummary(l: PriceListing): string {
  let models = 0;
  let prices = 0;
  for (const f of l.families) {
    const added = f.rows.filter((r) => r.provenance?.origin === 'litellm').length;
    if (added === 0) continue;
    if (added === f.rows.length) models++;
    else prices += added;
  }
  if (models === 0 && prices === 0) return 'The download added nothing: the shipped prices stand.';
  const parts = [];
  if (models) parts.push(models === 1 ? '1 model' : `${models} models`);
  if (prices) parts.push(prices === 1 ? '1 new price' : `${prices} new prices`);
  return `The download added ${parts.join(' and ')}.`;
}

/** "Prices checked 3 days ago from https://…." or the backend's "not checked yet" sentence. */
export function checkedLine(s: PriceStatus): string {
  const text = s.checked_text.replace(/\.$/, '');
  return s.update ? `${text} from ${s.update.url}.` : `${text}.`;
}
