import { useCallback, useEffect, useRef, useState } from 'react';
import { listHistory, toApiError, type ApiError, type History } from '../api';

export interface HistoryState {
  /** The last listing (kept while reloading). */
  history?: History;
  error?: ApiError;
  loading: boolean;
  reload: () => void;
}

/**
 * The stored reports of `profileId` ("" = every connection), listed again
 * when it or `reloadKey` changes or on reload().
 */
export function useHistory(profileId: string, reloadKey: unknown = 0): HistoryState {
  const [history, setHistory] = useState<History>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [nonce, setNonce] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const id = ++latest.current;
    setLoading(true);
    listHistory(profileId).then(
      (h) => {
        if (id !== latest.current) return;
        setHistory(h);
        setError(undefined);
        setLoading(false);
      },
      (err: unknown) => {
        if (id !== latest.current) return;
        setError(toApiError(err));
        setLoading(false);
      },
    );
  }, [profileId, reloadKey, nonce]);

  useEffect(
    () => () => {
      latest.current++;
    },
    [],
  );

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { history, error, loading, reload };
}
