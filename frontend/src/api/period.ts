// The shapes of a period request and an export, as plain types.

/**
 * The period to report (backend.PeriodRequest as a plain shape): a preset id
 * from fetchPresets(), or "custom" with `from`/`to` as inclusive YYYY-MM-DD
 * days; `utc` resolves it in UTC instead of the user's time zone.
 */
export interface PeriodRequest {
  preset: string;
  from: string;
  to: string;
  utc: boolean;
}

/** The file formats ExportService.Export writes. */
export type ExportFormat = 'csv' | 'json';
