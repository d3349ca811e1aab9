import { useEffect, useRef } from 'react';

/** Calls `onOpen` on Ctrl+, / Cmd+, except from inside a dialog. */
export function useSettingsShortcut(onOpen: () => void, enabled = true): void {
  const ref = useRef(onOpen);
  ref.current = onOpen;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === ',' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) {
        e.preventDefault();
        const inDialog = e.target instanceof Element && e.target.closest('[role="dialog"]');
        if (!e.repeat && !inDialog) ref.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
