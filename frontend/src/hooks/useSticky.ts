import { useState } from 'react';

/**
 * The last defined value of `value`: keeps a closing dialog's content on
 * screen while it fades out after its subject was cleared.
 */
export function useSticky<T>(value: T | undefined): T | undefined {
  const [last, setLast] = useState(value);
  if (value !== undefined && value !== last) setLast(value);
  return value ?? last;
}
