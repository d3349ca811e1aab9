import { useEffect, useRef } from 'react';

/** Calls `onRefresh` on F5 and Ctrl+R / Cmd+R (instead of reloading the page). */
export function useRefreshShortcut(onRefresh: () => void): void {
  const ref = useRef(onRefresh);
  ref.current = onRefresh;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const isR = e.key === 'r' || e.key === 'R';
      if (e.key === 'F5' || (isR && (e.ctrlKey || e.metaKey) && !e.altKey)) {
        e.preventDefault();
        if (!e.repeat) ref.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
