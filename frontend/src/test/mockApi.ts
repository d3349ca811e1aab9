// The api mock of the tests that render the whole App. vi.mock is hoisted
// above the imports, so its factory reaches this module by a dynamic import:
//
//   vi.mock('../api', async (importOriginal) =>
//     (await import('./mockApi')).mockApi(importOriginal, ['exportReport']));
//   const m = vi.mocked(api);
//   beforeEach(() => {
//     vi.clearAllMocks();
//     stubAppStart(m);
//   });
import { vi, type MockedObject } from 'vitest';
import type * as api from '../api';
// Not '../api': this module loads inside that module's mock factory.
import { ApiError } from '../api/errors';
import { makeState, mongoView } from './fixtures';

/** What the App calls as it starts: replaced by vi.fn() in every mockApi module. */
export const APP_START_FNS = [
  'fetchReport',
  'fetchStoredReport',
  'fetchPresets',
  'fetchSource',
  'fetchTheme',
  'fetchProfiles',
  'probeEnabled',
  'probeRendered',
] as const;

/** The real api module with APP_START_FNS and `more` replaced by vi.fn(): a vi.mock factory's result. */
export async function mockApi<T extends object>(importOriginal: () => Promise<T>, more: readonly string[] = []): Promise<T> {
  const actual = await importOriginal();
  return { ...actual, ...Object.fromEntries([...APP_START_FNS, ...more].map((f) => [f, vi.fn()])) };
}

/**
 * The start-up answers most App tests share (override after it): one preset,
 * a MongoDB source for alice, the system theme, one active MongoDB profile,
 * nothing stored, and the render probe off. fetchReport is left to each test.
 */
export function stubAppStart(m: MockedObject<typeof api>): void {
  m.fetchPresets.mockResolvedValue([{ id: 'last_30_days', label: 'Last 30 days' }]);
  m.fetchSource.mockResolvedValue({ kind: 'mongodb', label: 'MongoDB 127.0.0.1:40123 / claude_workflows', account: 'alice' });
  m.fetchTheme.mockResolvedValue('system');
  m.fetchProfiles.mockResolvedValue(makeState([mongoView()], 'p-mongo'));
  m.fetchStoredReport.mockRejectedValue(new ApiError('not_found', 'No stored report.'));
  m.probeEnabled.mockResolvedValue(false);
  m.probeRendered.mockResolvedValue(undefined);
}

/** A promise with its resolve and reject, to answer a mocked call when the test says so. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
