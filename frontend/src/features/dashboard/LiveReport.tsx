import type { ReactNode } from 'react';
import Stack from '@mui/material/Stack';
import type { Report } from '../../api';
import type { ReportState } from '../../hooks/useReport';
import { formatDateTime } from '../../utils/format';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from './LoadingState';
import { OfflineBanner } from './OfflineBanner';
import { PeriodHeader } from '../period/PeriodHeader';
import { ReportView } from './ReportView';
import { SessionEndedBanner } from './SessionEndedBanner';

/** No usage at all in the period (the backend's Report.IsEmpty). */
export function isEmptyReport(r: Report): boolean {
  return !r.total_tokens && !r.total_cost_usd && !r.total_execution_time_ms;
}

export interface LiveReportProps {
  state: Omit<ReportState, 'refresh'>;
  preset: string;
  now: number;
  /** The active profile's account ("*" = everyone), when known. */
  account?: string;
  onRefresh: () => void;
  onShowAllTime: () => void;
  onSignIn?: () => void;
  signedOut?: boolean;
  /** The "This month" card, shown with the report (under the empty state when it has no usage). */
  monthCard?: ReactNode;
  /** Opens the settings at the prices section. */
  onSetPrices?: () => void;
}

/**
 * The dashboard's body: the report of the chosen period (a stored one until
 * the fetch answers), with a banner when the fetch failed; skeletons or the
 * error when there is nothing to show.
 */
export function LiveReport(props: LiveReportProps) {
  const { state, preset, now, account, onRefresh, onShowAllTime, onSignIn, signedOut, monthCard, onSetPrices } = props;
  const { status, report, storedEntry, error, offline } = state;
  const sessionEnded = error?.code === 'unauthorized';

  if (!report) {
    if (error && sessionEnded) return <SessionEndedBanner message={error.message} onSignIn={onSignIn} signedOut={signedOut} />;
    return error ? <ErrorState error={error} onRetry={onRefresh} /> : <LoadingState />;
  }

  const reportTime = storedEntry?.fetched_at ?? report.generated_at;
  const staleNote = `Showing ${report.period?.label ?? 'the previous report'} as of ${formatDateTime(reportTime)}.`;
  let banner = null;
  if (offline) {
    banner = (
      <OfflineBanner
        since={offline.since}
        reportTime={reportTime}
        message={offline.error.message}
        now={now}
        onRetry={onRefresh}
        retrying={status === 'loading'}
      />
    );
  } else if (error) {
    banner = sessionEnded ? (
      <SessionEndedBanner message={error.message} staleNote={staleNote} onSignIn={onSignIn} signedOut={signedOut} />
    ) : (
      <ErrorState error={error} onRetry={onRefresh} staleNote={staleNote} />
    );
  }

  return (
    <Stack spacing={2}>
      {banner}
      <PeriodHeader report={report} now={now} storedEntry={storedEntry} />
      {isEmptyReport(report) ? (
        <>
          <EmptyState periodLabel={report.period?.label ?? ''} preset={report.period?.preset ?? preset} onShowAllTime={onShowAllTime} />
          {monthCard}
        </>
      ) : (
        <ReportView report={report} account={account} monthCard={monthCard} onSetPrices={onSetPrices} />
      )}
    </Stack>
  );
}
