import { useRef } from 'react';

/**
 * The last defined value of `value`: keeps a closing dialog's content on
 * screen while it fades out after its subject was cleared.
 */
export function useSticky<T>(value: T | undefined): T | undefined {
  const last = useRef(value);
  if (value !== undefined) last.current = value;
  return last.current;
}
