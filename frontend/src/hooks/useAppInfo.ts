import { useQuery } from '@tanstack/react-query';
import { fetchPresets, fetchSource, type Preset, type SourceInfo } from '../api';
import { queryKeys } from './queryKeys';

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

/** The period presets (fetched once) and the description of `profileId`'s data source. */
export function useAppInfo(profileId = ''): { presets: Preset[]; source?: SourceInfo } {
  const presets = useQuery({ queryKey: queryKeys.presets, queryFn: fetchPresets, staleTime: Infinity });
  const source = useQuery({ queryKey: queryKeys.source(profileId), queryFn: fetchSource, staleTime: Infinity });
  const list = Array.isArray(presets.data) && presets.data.length > 0 ? presets.data : FALLBACK_PRESETS;
  return { presets: list, source: source.data ?? undefined };
}
