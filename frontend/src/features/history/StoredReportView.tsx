import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import type { StoredReport } from '../../api';
import { formatDateTime } from '../../utils/format';
import { EmptyState } from '../../components/EmptyState';
import { isEmptyReport } from '../dashboard/LiveReport';
import { PeriodHeader } from '../period/PeriodHeader';
import { ReportView } from '../dashboard/ReportView';

export interface StoredReportViewProps {
  stored: StoredReport;
  now: number;
  /** The account ("*" = everyone) of the report's profile, when known. */
  account?: string;
  onBackToLive: () => void;
  onShowHistory: () => void;
  /** Opens the settings at the prices section. */
  onSetPrices?: () => void;
}

/** A stored report opened from the history, read-only, under a header saying so. */
export function StoredReportView({ stored, now, account, onBackToLive, onShowHistory, onSetPrices }: StoredReportViewProps) {
  const { report, entry } = stored;
  return (
    <Stack spacing={2} data-testid="stored-report">
      <Alert
        severity="info"
        icon={<HistoryOutlined />}
        action={
          <Stack direction="row" spacing={1}>
            <Button color="inherit" size="small" onClick={onShowHistory} sx={{ whiteSpace: 'nowrap' }}>
              Back to history
            </Button>
            <Button color="inherit" size="small" variant="outlined" onClick={onBackToLive} sx={{ whiteSpace: 'nowrap' }}>
              Back to live
            </Button>
          </Stack>
        }
      >
        <AlertTitle component="h2">Stored report from {formatDateTime(entry.fetched_at)}</AlertTitle>
        {entry.profile_name ? `${entry.profile_name} · ` : ''}Read-only: this is the report as it was fetched then.
      </Alert>
      <PeriodHeader report={report} now={now} storedEntry={entry} />
      {isEmptyReport(report) ? (
        <EmptyState periodLabel={report.period?.label ?? ''} preset={report.period?.preset ?? ''} />
      ) : (
        <ReportView report={report} account={account} onSetPrices={onSetPrices} />
      )}
    </Stack>
  );
}
