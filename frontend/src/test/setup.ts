import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { notifyManager } from '@tanstack/react-query';

// findBy* and waitFor wait on a condition, never on time: give them a deadline
// a busy machine (both cores taken by other work) still meets.
configure({ asyncUtilTimeout: 30_000 });

// TanStack Query tells components of new data on a later timer tick; tests
// resolve a fetch inside act() and expect the screen updated when act ends, so
// the notifications run as microtasks, which act() flushes.
notifyManager.setScheduler(queueMicrotask);

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});
