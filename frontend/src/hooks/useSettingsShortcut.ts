import { isModKey, useKeyShortcut } from './useKeyShortcut';

const isSettingsKey = (e: KeyboardEvent) => isModKey(e, ',');

/** Calls `onOpen` on Ctrl+, / Cmd+, except from inside a dialog. */
export function useSettingsShortcut(onOpen: () => void, enabled = true): void {
  useKeyShortcut(isSettingsKey, onOpen, { enabled, ignoreInDialog: true });
}
