import { useKeyShortcut } from './useKeyShortcut';

const isRefreshKey = (e: KeyboardEvent) =>
  e.key === 'F5' || ((e.key === 'r' || e.key === 'R') && (e.ctrlKey || e.metaKey) && !e.altKey);

/** Calls `onRefresh` on F5 and Ctrl+R / Cmd+R (instead of reloading the page). */
export function useRefreshShortcut(onRefresh: () => void): void {
  useKeyShortcut(isRefreshKey, onRefresh);
}
