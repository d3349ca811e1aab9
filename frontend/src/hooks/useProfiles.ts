import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { fetchProfiles, type ApiError, type ProfilesState } from '../api';
import { queryKeys } from './queryKeys';

export interface ProfilesHook {
  /** The last state loaded (kept while reloading). */
  state?: ProfilesState;
  /** Set when the last load failed. */
  error?: ApiError;
  /** Loads State() again; resolves with it (undefined on failure). */
  reload: () => Promise<ProfilesState | undefined>;
}

/** ProfileService.State(): the saved connections, loaded once and on reload(). */
export function useProfiles(): ProfilesHook {
  const { data, error, refetch } = useQuery<ProfilesState, ApiError>({ queryKey: queryKeys.profiles, queryFn: fetchProfiles });
  const reload = useCallback(async () => {
    const r = await refetch();
    return r.isError ? undefined : r.data;
  }, [refetch]);
  return { state: data, error: error ?? undefined, reload };
}
