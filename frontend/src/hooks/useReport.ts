import { useCallback, useState } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  fetchReport,
  fetchStoredReport,
  toApiError,
  type ApiError,
  type PeriodRequest,
  type Report,
  type StoredEntry,
} from '../api';
import { queryKeys } from './queryKeys';

export type ReportStatus = 'loading' | 'ready' | 'error';

/** A streak of fetches refused with "unavailable". */
export interface OfflineState {
  /** ISO time the first fetch of the streak failed. */
  since: string;
  /** The last failure of the streak. */
  error: ApiError;
}

export interface ReportState {
  /** loading while a fetch is in flight; otherwise how the last fetch ended. */
  status: ReportStatus;
  /**
   * The report on screen: the one fetched for the period, or the newest
   * stored one of the period while the fetch is in flight or failed, or (until
   * either answers) the report shown before. Kept while refetching or after an error.
   */
  report?: Report;
  /** Set while `report` is a stored report rather than one fetched now. */
  storedEntry?: StoredEntry;
  /** The error of the last fetch, while status is 'error'. */
  error?: ApiError;
  /** Set from the first "unavailable" fetch until a fetch ends otherwise (kept while retrying). */
  offline?: OfflineState;
  /** Fetches the current period (and its stored report) again. */
  refresh: () => void;
}

const storedOptions = (profileId: string, req: PeriodRequest) => ({
  queryKey: queryKeys.storedReport(profileId, req),
  queryFn: () => fetchStoredReport(req),
});

/**
 * Fetches the live report; a failure first waits for the stored report of the
 * period (so it is painted before the failure is told) and extends or ends the
 * connection's offline streak, as a success ends it.
 */
async function fetchLive(qc: QueryClient, profileId: string, req: PeriodRequest): Promise<Report> {
  const offlineKey = queryKeys.offline(profileId);
  try {
    const r = await fetchReport(req);
    qc.setQueryData<OfflineState | null>(offlineKey, null);
    void qc.invalidateQueries({ queryKey: queryKeys.histories }); // the Go side stored it
    return r;
  } catch (err) {
    const e = toApiError(err);
    const failedAt = new Date().toISOString();
    await qc.fetchQuery(storedOptions(profileId, req)).catch(() => {
      /* nothing stored */
    });
    qc.setQueryData<OfflineState | null>(offlineKey, (o) =>
      e.code === 'unavailable' ? { since: o?.since ?? failedAt, error: e } : null,
    );
    throw e;
  }
}

/**
 * The report of `profileId` for the period `req`, fetched when it changes (by
 * value: a new object with the same fields fetches nothing) or on refresh().
 * The newest stored report of the period is asked for at the same time and
 * painted when it comes first, until the fetch answers; a report fetched for
 * the period beats any stored one.
 */
export function useReport(req: PeriodRequest, profileId = ''): ReportState {
  const qc = useQueryClient();
  const live = useQuery<Report, ApiError>({
    queryKey: queryKeys.report(profileId, req),
    queryFn: () => fetchLive(qc, profileId, req),
  });
  const stored = useQuery({ ...storedOptions(profileId, req), enabled: live.data === undefined });
  // Client state the fetches keep in the cache: enabled false, so never fetched.
  const offline = useQuery<OfflineState | null>({
    queryKey: queryKeys.offline(profileId),
    queryFn: () => null,
    enabled: false,
    initialData: null,
  });

  const current = live.data ?? stored.data?.report;
  // The report shown before stays until the new period's report (or its stored one) comes.
  const [shown, setShown] = useState<Report>();
  if (current && current !== shown) setShown(current);

  const refresh = useCallback(() => {
    void qc.invalidateQueries({ queryKey: queryKeys.report(profileId, req) });
  }, [qc, profileId, req]);

  const loading = live.isFetching || live.isPending;
  const status: ReportStatus = loading ? 'loading' : live.isError ? 'error' : 'ready';
  return {
    status,
    report: current ?? shown,
    storedEntry: live.data === undefined ? stored.data?.entry : undefined,
    error: status === 'error' ? (live.error ?? undefined) : undefined,
    offline: offline.data ?? undefined,
    refresh,
  };
}
