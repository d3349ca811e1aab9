import { useCallback, useEffect, useRef, useState } from 'react';
import {
  fetchReport,
  fetchStoredReport,
  toApiError,
  type ApiError,
  type PeriodRequest,
  type Report,
  type StoredEntry,
} from '../api';
import { requestKey } from '../utils/period';
import { useLatest } from './useLatest';

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
   * The report on screen: the last one fetched, or the newest stored one of
   * the period while the fetch is in flight or failed. Kept while refetching
   * or after an error.
   */
  report?: Report;
  /** Set while `report` is a stored report rather than one fetched now. */
  storedEntry?: StoredEntry;
  /** The error of the last fetch, while status is 'error'. */
  error?: ApiError;
  /** Set from the first "unavailable" fetch until a fetch ends otherwise (kept while retrying). */
  offline?: OfflineState;
  /** Fetches the current period again. */
  refresh: () => void;
}

/**
 * Fetches the report for the period `req`, refetching when it changes (by
 * value: a new object with the same fields does not refetch), when
 * `reloadKey` changes or on refresh(). The newest stored report of the period is asked for at the
 * same time and painted when it comes first, until the fetch answers. The
 * last report stays while refetching.
 */
export function useReport(req: PeriodRequest, reloadKey: unknown = 0): ReportState {
  const [status, setStatus] = useState<ReportStatus>('loading');
  const [report, setReport] = useState<Report>();
  const [storedEntry, setStoredEntry] = useState<StoredEntry>();
  const [error, setError] = useState<ApiError>();
  const [offline, setOffline] = useState<OfflineState>();
  const [nonce, setNonce] = useState(0);
  const latest = useRef(0);
  /** The request key of the report fetched last, while it is on screen. */
  const liveKey = useRef<string>(undefined);
  const key = requestKey(req);
  const reqRef = useLatest(req);

  useEffect(() => {
    const id = ++latest.current;
    let fetched = false;
    const request = reqRef.current;
    setStatus('loading');
    const stored = fetchStoredReport(request).then(
      (s) => {
        // A fresh report of this period on screen beats any stored one.
        if (id !== latest.current || fetched || liveKey.current === key) return;
        liveKey.current = undefined;
        setReport(s.report);
        setStoredEntry(s.entry);
      },
      () => {
        /* nothing stored: wait for the fetch */
      },
    );
    fetchReport(request).then(
      (r) => {
        fetched = true;
        if (id !== latest.current) return;
        liveKey.current = key;
        setReport(r);
        setStoredEntry(undefined);
        setError(undefined);
        setOffline(undefined);
        setStatus('ready');
      },
      async (err: unknown) => {
        const e = toApiError(err);
        const failedAt = new Date().toISOString();
        await stored; // paint what is stored before saying the fetch failed
        if (id !== latest.current) return;
        setError(e);
        setOffline((o) => (e.code === 'unavailable' ? { since: o?.since ?? failedAt, error: e } : undefined));
        setStatus('error');
      },
    );
  }, [key, nonce, reloadKey, reqRef]);

  useEffect(
    () => () => {
      latest.current++; // ignore answers that arrive after unmount
    },
    [],
  );

  const refresh = useCallback(() => setNonce((n) => n + 1), []);

  return { status, report, storedEntry, error: status === 'error' ? error : undefined, offline, refresh };
}
