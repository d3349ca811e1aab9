import { useEffect, useState } from 'react';
import { fetchGlance, onGlance, refreshGlance, type Glance } from '../api';

/**
 * The tray's glance of `profileId` (today's and this month's cost, budget,
 * forecast): the latest one on mount, then each "glance" event. A glance of
 * another profile is not shown; when the latest is one, a refresh is asked
 * for (the window switched profile since the last background refresh).
 */
export function useGlance(profileId: string): Glance | undefined {
  const [glance, setGlance] = useState<Glance>();

  useEffect(() => {
    setGlance(undefined);
    if (!profileId) return;
    let alive = true;
    let heard = false;
    const off = onGlance((g) => {
      if (!alive) return;
      heard = true;
      // null: nothing to show (no active profile, or offline with no history).
      if (!g) setGlance(undefined);
      else if (g.profile_id === profileId) setGlance(g);
    });
    fetchGlance().then(
      (g) => {
        if (!alive || heard) return; // an event since is newer
        if (g.profile_id === profileId) setGlance(g);
        else refreshGlance().catch(() => {});
      },
      () => {
        /* not_found before the first refresh: the event will come */
      },
    );
    return () => {
      alive = false;
      off();
    };
  }, [profileId]);

  return glance;
}
