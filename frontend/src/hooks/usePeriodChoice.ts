import { useCallback, useState } from 'react';
import type { PeriodRequest } from '../api';
import { DEFAULT_REQUEST, parseRequest, requestKey } from '../utils/period';
import { FALLBACK_PRESETS } from './useAppInfo';

/** Where the last period and time-zone choice are kept. */
export const PERIOD_STORAGE_KEY = 'usagedash.period';

const KNOWN_PRESETS = FALLBACK_PRESETS.map((p) => p.id);

/** The stored choice, or the default (last 30 days, local time) when none or garbage is stored. */
function loadPeriodChoice(): PeriodRequest {
  try {
    const raw = window.localStorage.getItem(PERIOD_STORAGE_KEY);
    return (raw && parseRequest(JSON.parse(raw), KNOWN_PRESETS)) || DEFAULT_REQUEST;
  } catch {
    return DEFAULT_REQUEST;
  }
}

function savePeriodChoice(r: PeriodRequest): void {
  try {
    window.localStorage.setItem(PERIOD_STORAGE_KEY, JSON.stringify(r));
  } catch {
    /* storage full or disabled: the choice lasts this session only */
  }
}

/**
 * The period the dashboard shows, remembered across starts. `setRequest`
 * keeps the same object when given an equal request, so nothing refetches.
 */
export function usePeriodChoice(): [PeriodRequest, (r: PeriodRequest) => void] {
  const [request, setState] = useState<PeriodRequest>(loadPeriodChoice);
  const setRequest = useCallback((r: PeriodRequest) => {
    setState((old) => (requestKey(old) === requestKey(r) ? old : r));
    savePeriodChoice(r);
  }, []);
  return [request, setRequest];
}
