import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchProfiles, toApiError, type ApiError, type ProfilesState } from '../api';

export interface ProfilesHook {
  /** The last state loaded (kept while reloading). */
  state?: ProfilesState;
  /** Set when the last load failed. */
  error?: ApiError;
  /** Loads State() again; resolves with it (undefined on failure). */
  reload: () => Promise<ProfilesState | undefined>;
}

/** ProfileService.State(), loaded on mount and on reload(). */
export function useProfiles(): ProfilesHook {
  const [state, setState] = useState<ProfilesState>();
  const [error, setError] = useState<ApiError>();
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const id = ++latest.current;
    try {
      const s = await fetchProfiles();
      if (id === latest.current) {
        setState(s);
        setError(undefined);
      }
      return s;
    } catch (err) {
      if (id === latest.current) setError(toApiError(err));
      return undefined;
    }
  }, []);

  useEffect(() => {
    void reload();
    return () => {
      latest.current++;
    };
  }, [reload]);

  return { state, error, reload };
}
