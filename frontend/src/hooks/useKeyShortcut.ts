import { useEffect, useEffectEvent } from 'react';

export interface KeyShortcutOptions {
  /** Listen only while true (default true). */
  enabled?: boolean;
  /** Ignore the shortcut (still preventing the default) inside a dialog (default false). */
  ignoreInDialog?: boolean;
}

/**
 * Calls `callback` on a keydown that `match` accepts, preventing the browser's
 * default action; key repeats are ignored, as are presses inside a dialog when
 * `ignoreInDialog` is set.
 */
export function useKeyShortcut(
  match: (e: KeyboardEvent) => boolean,
  callback: () => void,
  { enabled = true, ignoreInDialog = false }: KeyShortcutOptions = {},
): void {
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (!match(e)) return;
    e.preventDefault();
    const inDialog = ignoreInDialog && e.target instanceof Element && e.target.closest('[role="dialog"]');
    if (!e.repeat && !inDialog) callback();
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled]);
}

/** Ctrl/Cmd + `key` without Alt or Shift. */
export function isModKey(e: KeyboardEvent, ...keys: string[]): boolean {
  return keys.includes(e.key) && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
}
