import { useRef, type MutableRefObject } from 'react';

/** A ref that always holds the latest `value` (updated on every render). */
export function useLatest<T>(value: T): MutableRefObject<T> {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
