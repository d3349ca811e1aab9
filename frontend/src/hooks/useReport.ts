import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchReport, toApiError, type ApiError, type Report } from '../api';

export type ReportStatus = 'loading' | 'ready' | 'error';

export interface ReportState {
  /** loading while a fetch is in flight; otherwise how the last fetch ended. */
  status: ReportStatus;
  /** The last report fetched successfully (kept while refetching or after an error). */
  report?: Report;
  /** The error of the last fetch, while status is 'error'. */
  error?: ApiError;
  /** Fetches the current preset again. */
  refresh: () => void;
}

/**
 * Fetches the report for `preset`, refetching when it or `reloadKey` changes
 * or on refresh(). The last report stays while refetching.
 */
export function useReport(preset: string, reloadKey: unknown = 0): ReportState {
  const [status, setStatus] = useState<ReportStatus>('loading');
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<ApiError>();
  const [nonce, setNonce] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const id = ++latest.current;
    setStatus('loading');
    fetchReport(preset).then(
      (r) => {
        if (id !== latest.current) return;
        setReport(r);
        setError(undefined);
        setStatus('ready');
      },
      (err: unknown) => {
        if (id !== latest.current) return;
        setError(toApiError(err));
        setStatus('error');
      },
    );
  }, [preset, nonce, reloadKey]);

  useEffect(
    () => () => {
      latest.current++; // ignore answers that arrive after unmount
    },
    [],
  );

  const refresh = useCallback(() => setNonce((n) => n + 1), []);

  return { status, report, error: status === 'error' ? error : undefined, refresh };
}
