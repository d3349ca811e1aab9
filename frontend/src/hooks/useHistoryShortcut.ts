import { useEffect, useRef } from 'react';

/**
 * Calls `onToggle` on Ctrl+H / Cmd+H (instead of the browser's history),
 * except from inside a dialog, which keeps its screen until it closes.
 */
export function useHistoryShortcut(onToggle: () => void, enabled = true): void {
  const ref = useRef(onToggle);
  ref.current = onToggle;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.key === 'h' || e.key === 'H') && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) {
        e.preventDefault();
        const inDialog = e.target instanceof Element && e.target.closest('[role="dialog"]');
        if (!e.repeat && !inDialog) ref.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
