import { useQuery } from '@tanstack/react-query';
import { listHistory, type ApiError, type History } from '../api';
import { queryKeys } from './queryKeys';

export interface HistoryState {
  /** The last listing (kept while reloading). */
  history?: History;
  error?: ApiError;
  loading: boolean;
  reload: () => void;
}

/**
 * The stored reports of `profileId` ("" = every connection), listed again
 * when it changes, when a report was fetched (which stores it) or on reload().
 */
export function useHistory(profileId: string): HistoryState {
  const q = useQuery<History, ApiError>({ queryKey: queryKeys.history(profileId), queryFn: () => listHistory(profileId) });
  return {
    history: q.data,
    error: q.error ?? undefined,
    loading: q.isFetching,
    reload: () => void q.refetch(),
  };
}
