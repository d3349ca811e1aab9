import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchGlance, refreshGlance, type Glance } from '../api';
import { queryKeys } from './queryKeys';

/**
 * The tray's glance of `profileId` (today's and this month's cost, budget,
 * forecast): the latest one, then each glance event (useBackendEvents puts
 * them in the cache). When the latest is another connection's (the window
 * switched since the last background refresh), a refresh is asked for and
 * its event brings the figures.
 */
export function useGlance(profileId: string): Glance | undefined {
  const qc = useQueryClient();
  const key = queryKeys.glance(profileId);
  const { data } = useQuery<Glance | null>({
    queryKey: key,
    queryFn: async () => {
      const asked = Date.now();
      const g = await fetchGlance();
      // An event that came while asking is newer than this answer.
      const state = qc.getQueryState(key);
      if (state && state.dataUpdatedAt >= asked) return (state.data as Glance | null | undefined) ?? null;
      if (g.profile_id === profileId) return g;
      refreshGlance().catch(() => {});
      return null;
    },
    enabled: profileId !== '',
    // Events keep it fresh: a remount shows the cached glance without asking again.
    staleTime: Infinity,
  });
  return data ?? undefined;
}
