import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { onConnectionChanged, onGlance, onSessionEnded, onSettingsChanged } from '../api';
import { queryKeys } from './queryKeys';

/**
 * Keeps the cached server state in step with the Go side's events: a new
 * glance replaces the cached one, a connection switch (e.g. from the tray)
 * asks for its glance, an ended session reloads the connections, and saved
 * settings are read again. Mounted once, under the QueryClientProvider.
 */
export function useBackendEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const offs = [
      onGlance((g) => {
        // null: nothing to show (no active connection, or offline with no history).
        if (g) qc.setQueryData(queryKeys.glance(g.profile_id), g);
        else qc.setQueriesData({ queryKey: queryKeys.glances }, null);
      }),
      // AppFlow reloads the connections and the reports; the glance is asked for afresh.
      onConnectionChanged(() => void qc.invalidateQueries({ queryKey: queryKeys.glances })),
      onSessionEnded(() => void qc.invalidateQueries({ queryKey: queryKeys.profiles })),
      onSettingsChanged(() => void qc.invalidateQueries({ queryKey: queryKeys.settings })),
    ];
    return () => offs.forEach((off) => off());
  }, [qc]);
}
