import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import CloudOffOutlined from '@mui/icons-material/CloudOffOutlined';
import { formatRelativeTime, formatSince } from '../../utils/format';
import { shortcutLabel } from '../../utils/shortcutLabel';

/** "Offline since 3:04 PM — showing the report from 2 hours ago" */
export function offlineTitle(since: string, reportTime: string, now: number): string {
  return `Offline since ${formatSince(since, now)} — showing the report from ${formatRelativeTime(reportTime, now)}`;
}

export interface OfflineBannerProps {
  /** ISO time the first fetch of the offline streak failed. */
  since: string;
  /** ISO time the report on screen was fetched. */
  reportTime: string;
  /** The backend's message, e.g. "The MongoDB server at db:27017 is not reachable." */
  message: string;
  now: number;
  onRetry: () => void;
  /** A retry is in flight. */
  retrying?: boolean;
}

/** The data source cannot be reached; an earlier report stays on screen below. */
export function OfflineBanner({ since, reportTime, message, now, onRetry, retrying = false }: OfflineBannerProps) {
  return (
    <Alert
      severity="info"
      role="status"
      icon={<CloudOffOutlined />}
      data-testid="offline-banner"
      action={
        <Button color="inherit" size="small" variant="outlined" onClick={onRetry} disabled={retrying} sx={{ whiteSpace: 'nowrap' }}>
          {retrying ? 'Retrying…' : 'Retry'}
        </Button>
      }
    >
      <AlertTitle data-metric="offline_banner" data-exact={since}>
        {offlineTitle(since, reportTime, now)}
      </AlertTitle>
      {message} Retry with the button or {shortcutLabel('R')}.
    </Alert>
  );
}
