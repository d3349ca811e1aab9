import { useEffect } from 'react';
import { onProfileChanged } from '../api';
import { useLatest } from './useLatest';

/** Calls `cb` with the new active profile id each time the tray menu switches profile. */
export function useProfileChanged(cb: (profileId: string) => void): void {
  const ref = useLatest(cb);
  useEffect(() => onProfileChanged((id) => ref.current(id)), [ref]);
}
