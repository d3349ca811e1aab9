import { useEffect, useRef } from 'react';
import { onProfileChanged } from '../api';

/** Calls `cb` with the new active profile id each time the tray menu switches profile. */
export function useProfileChanged(cb: (profileId: string) => void): void {
  const ref = useRef(cb);
  ref.current = cb;
  useEffect(() => onProfileChanged((id) => ref.current(id)), []);
}
