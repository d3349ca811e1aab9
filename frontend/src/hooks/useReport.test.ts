import { waitFor } from '@testing-library/react';
import { renderHook } from '../test/render';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../api';
import { ApiError } from '../api';
import { makeReport } from '../test/fixtures';
import { customRequest, presetRequest } from '../utils/period';
import { useReport } from './useReport';

vi.mock('../api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../api')>();
  return { ...actual, fetchReport: vi.fn(), fetchStoredReport: vi.fn() };
});

const m = vi.mocked(api);

beforeEach(() => {
  vi.clearAllMocks();
  m.fetchReport.mockResolvedValue(makeReport());
  m.fetchStoredReport.mockRejectedValue(new ApiError('not_found', 'None.'));
});

describe('useReport', () => {
  it('refetches when the request changes by value, not when a new equal object comes', async () => {
    const { result, rerender } = renderHook(({ req }) => useReport(req), {
      initialProps: { req: presetRequest('today') },
    });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    rerender({ req: presetRequest('today') });
    rerender({ req: { ...presetRequest('today') } });
    expect(m.fetchReport).toHaveBeenCalledTimes(1);

    rerender({ req: presetRequest('today', true) });
    await waitFor(() => expect(m.fetchReport).toHaveBeenCalledTimes(2));
    expect(m.fetchReport).toHaveBeenLastCalledWith(presetRequest('today', true));
    expect(m.fetchStoredReport).toHaveBeenLastCalledWith(presetRequest('today', true));

    rerender({ req: customRequest('2025-11-01', '2025-11-02', true) });
    await waitFor(() => expect(m.fetchReport).toHaveBeenCalledTimes(3));
    expect(m.fetchReport).toHaveBeenLastCalledWith(customRequest('2025-11-01', '2025-11-02', true));
  });
});
