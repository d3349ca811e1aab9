import { useEffect, useState } from 'react';
import { fetchPresets, fetchSource, type Preset, type SourceInfo } from '../api';

/** Used when Presets() fails, so the selector stays usable. */
export const FALLBACK_PRESETS: Preset[] = [
  { id: 'today', label: 'Today' },
  { id: 'yesterday', label: 'Yesterday' },
  { id: 'last_7_days', label: 'Last 7 days' },
  { id: 'last_30_days', label: 'Last 30 days' },
  { id: 'this_month', label: 'This month' },
  { id: 'last_month', label: 'Last month' },
  { id: 'all_time', label: 'All time' },
];

/** The period presets and the data source description, fetched once. */
export function useAppInfo(): { presets: Preset[]; source?: SourceInfo } {
  const [presets, setPresets] = useState<Preset[]>(FALLBACK_PRESETS);
  const [source, setSource] = useState<SourceInfo>();

  useEffect(() => {
    let alive = true;
    fetchPresets().then(
      (p) => {
        if (alive && Array.isArray(p) && p.length > 0) setPresets(p);
      },
      () => {},
    );
    fetchSource().then(
      (s) => {
        if (alive && s) setSource(s);
      },
      () => {},
    );
    return () => {
      alive = false;
    };
  }, []);

  return { presets, source };
}
