import { isModKey, useKeyShortcut } from './useKeyShortcut';

const isHistoryKey = (e: KeyboardEvent) => isModKey(e, 'h', 'H');

/**
 * Calls `onToggle` on Ctrl+H / Cmd+H (instead of the browser's history),
 * except from inside a dialog, which keeps its screen until it closes.
 */
export function useHistoryShortcut(onToggle: () => void, enabled = true): void {
  useKeyShortcut(isHistoryKey, onToggle, { enabled, ignoreInDialog: true });
}
