import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import { listUsers, testConnection, toApiError, type Profile, type ServerInfo, type UserSummary } from '../api';

export interface MongoCheckState {
  /** A connection test is in flight. */
  testing: boolean;
  /** The last test's answer. */
  info?: ServerInfo;
  /** The last test's failure, a sentence. */
  testError: string;
  /** The platform's users once listed; undefined before. */
  users?: UserSummary[];
  usersLoading: boolean;
  usersError: string;
  /** The user list was asked for: "Whose usage" becomes a picker. */
  picker: boolean;
}

export interface MongoCheck extends MongoCheckState {
  /** Tests the connection; on success lists the users. */
  test: (p: Profile) => Promise<void>;
  /** Lists the users (turns on the picker). */
  loadUsers: (p: Profile) => Promise<void>;
  /** Forgets the last test's answer (e.g. the connection string changed). */
  clearResult: () => void;
  /** Back to nothing tested, nothing listed. */
  reset: () => void;
}

const INITIAL: MongoCheckState = { testing: false, testError: '', usersLoading: false, usersError: '', picker: false };

/**
 * Counts a new call on `seq`; the returned check says whether its answer is
 * still wanted (no reset or unmount, which bump `epoch`, and no newer call since).
 */
function startCall(epoch: MutableRefObject<number>, seq: MutableRefObject<number>): () => boolean {
  const e = epoch.current;
  const id = ++seq.current;
  return () => e === epoch.current && id === seq.current;
}

/**
 * The profile form's connection test and user list for a MongoDB profile.
 * Answers to calls made before the last reset() (or after unmount) are dropped.
 */
export function useMongoCheck(): MongoCheck {
  const [state, setState] = useState<MongoCheckState>(INITIAL);
  const epoch = useRef(0);
  const testSeq = useRef(0);
  const usersSeq = useRef(0);

  useEffect(
    () => () => {
      epoch.current++;
    },
    [],
  );

  const loadUsers = useCallback(async (p: Profile) => {
    const current = startCall(epoch, usersSeq);
    setState((s) => ({ ...s, picker: true, usersLoading: true, usersError: '' }));
    try {
      const users = await listUsers(p);
      if (current()) setState((s) => ({ ...s, users, usersLoading: false }));
    } catch (err) {
      if (current()) setState((s) => ({ ...s, usersLoading: false, usersError: toApiError(err).message }));
    }
  }, []);

  const test = useCallback(
    async (p: Profile) => {
      const current = startCall(epoch, testSeq);
      setState((s) => ({ ...s, testing: true, info: undefined, testError: '' }));
      try {
        const info = await testConnection(p);
        if (!current()) return;
        setState((s) => ({ ...s, testing: false, info }));
        if (info.platform_schema !== false) await loadUsers(p);
      } catch (err) {
        if (current()) setState((s) => ({ ...s, testing: false, testError: toApiError(err).message }));
      }
    },
    [loadUsers],
  );

  const clearResult = useCallback(() => {
    testSeq.current++;
    setState((s) => (s.info || s.testError || s.testing ? { ...s, testing: false, info: undefined, testError: '' } : s));
  }, []);

  const reset = useCallback(() => {
    epoch.current++;
    setState(INITIAL);
  }, []);

  return { ...state, test, loadUsers, clearResult, reset };
}
