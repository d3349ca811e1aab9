import { useCallback, useEffect, useRef, useState } from 'react';
import { exportReport, toApiError, type ExportFormat, type Report } from '../api';

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
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ExportOutcome>();
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  const run = useCallback((report: Report, format: ExportFormat) => {
    setBusy(true);
    setOutcome(undefined);
    exportReport(report, format).then(
      (path) => {
        if (!alive.current) return;
        setBusy(false);
        if (path) setOutcome({ ok: true, message: `Saved to ${path}` });
      },
      (err: unknown) => {
        if (!alive.current) return;
        setBusy(false);
        setOutcome({ ok: false, message: toApiError(err).message });
      },
    );
  }, []);

  const dismiss = useCallback(() => setOutcome(undefined), []);
  return { busy, outcome, run, dismiss };
}
