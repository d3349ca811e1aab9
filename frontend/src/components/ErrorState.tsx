import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import type { ApiError, ErrorCode } from '../api';

const TITLES: Record<ErrorCode, string> = {
  invalid: 'Invalid request',
  not_found: 'Nothing found',
  unauthorized: 'Not authorized',
  unavailable: 'Data source unavailable',
  locked: 'Keychain locked',
  bad_data: 'Unexpected data',
  internal: 'Something went wrong',
};

function errorTitle(code: ErrorCode): string {
  return TITLES[code] ?? TITLES.internal;
}

export interface ErrorStateProps {
  error: ApiError;
  onRetry: () => void;
  /** While a retry is in flight. */
  retrying?: boolean;
  /**
   * When set, an older report stays on screen below and this is a warning
   * banner saying which one (e.g. "Showing Last 30 days as of Nov 26, 3:04 PM.").
   */
  staleNote?: string;
}

/** The backend's error message with a Retry button. */
export function ErrorState({ error, onRetry, retrying = false, staleNote }: ErrorStateProps) {
  const stale = staleNote !== undefined;
  return (
    <Alert
      severity={stale ? 'warning' : 'error'}
      variant={stale ? 'standard' : 'outlined'}
      role="alert"
      action={
        <Button color="inherit" size="small" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </Button>
      }
      sx={stale ? undefined : { py: 2 }}
    >
      <AlertTitle>{stale ? `Couldn't refresh: ${errorTitle(error.code).toLowerCase()}` : errorTitle(error.code)}</AlertTitle>
      {error.message}
      {stale && ` ${staleNote}`}
    </Alert>
  );
}
