import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { fetchTheme, type ThemeSetting } from '../api';
import { queryKeys } from './queryKeys';

export const THEME_STORAGE_KEY = 'usagedash.theme';

function readStored(): ThemeSetting | undefined {
  try {
    const v = window.localStorage.getItem(THEME_STORAGE_KEY);
    return v === 'system' || v === 'light' || v === 'dark' ? v : undefined;
  } catch {
    return undefined;
  }
}

function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

export interface ThemeModeState {
  /** What the user chose: follow the OS, or a fixed mode. */
  setting: ThemeSetting;
  /** The mode in effect. */
  mode: 'light' | 'dark';
  setSetting: (s: ThemeSetting) => void;
  /** system → light → dark → system */
  cycle: () => void;
}

/**
 * The colour mode. Precedence: a fixed mode from the backend (Theme() returns
 * "light" or "dark", e.g. set by a command-line flag) at start-up, else the
 * user's last choice from localStorage, else the OS (prefers-color-scheme).
 * Choosing in the top bar applies at once and is saved in localStorage.
 */
export function useThemeMode(): ThemeModeState {
  const [setting, setSettingState] = useState<ThemeSetting>(() => readStored() ?? 'system');
  const [prefersDark, setPrefersDark] = useState(systemPrefersDark);

  // A fixed mode from the backend applies once, when it is known; the user's choices win after it.
  const { data: fixed } = useQuery({ queryKey: queryKeys.theme, queryFn: fetchTheme, staleTime: Infinity });
  const [fixedSeen, setFixedSeen] = useState(false);
  if (!fixedSeen && fixed !== undefined) {
    setFixedSeen(true);
    if (fixed !== 'system') setSettingState(fixed);
  }

  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setPrefersDark(mq.matches);
    mq.addEventListener?.('change', onChange);
    return () => mq.removeEventListener?.('change', onChange);
  }, []);

  const setSetting = useCallback((s: ThemeSetting) => {
    setSettingState(s);
    try {
      window.localStorage.setItem(THEME_STORAGE_KEY, s);
    } catch {
      /* storage unavailable: keep it for this session only */
    }
  }, []);

  const cycle = useCallback(() => {
    setSetting(setting === 'system' ? 'light' : setting === 'light' ? 'dark' : 'system');
  }, [setting, setSetting]);

  const mode = setting === 'system' ? (prefersDark ? 'dark' : 'light') : setting;
  return useMemo(() => ({ setting, mode, setSetting, cycle }), [setting, mode, setSetting, cycle]);
}
