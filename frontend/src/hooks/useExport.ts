import { useCallback } from 'react';
import { useMutation } from '@tanstack/react-query';
import { exportReport, type ApiError, type ExportFormat, type Report } from '../api';

/** What the last export came to: saved (with the path) or failed (with the message). */
export interface ExportOutcome {
  ok: boolean;
  message: string;
}

export interface ExportState {
  /** A save dialog is open or the file is being written. */
  busy: boolean;
  /** Set after an export saved or failed (not after a cancel) until dismissed. */
  outcome?: ExportOutcome;
  /** Exports `report` (the one on screen) in `format` through the native save dialog. */
  run: (report: Report, format: ExportFormat) => void;
  dismiss: () => void;
}

/** Exports reports one at a time and keeps what the last one came to. */
export function useExport(): ExportState {
  const m = useMutation<string, ApiError, { report: Report; format: ExportFormat }>({
    mutationFn: ({ report, format }) => exportReport(report, format),
  });
  const { mutate, reset } = m;
  const run = useCallback((report: Report, format: ExportFormat) => mutate({ report, format }), [mutate]);
  let outcome: ExportOutcome | undefined;
  if (m.isError) outcome = { ok: false, message: m.error.message };
  else if (m.isSuccess && m.data) outcome = { ok: true, message: `Saved to ${m.data}` }; // "": cancelled
  return { busy: m.isPending, outcome, run, dismiss: reset };
}
