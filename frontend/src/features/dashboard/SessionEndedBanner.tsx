import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';

export interface SessionEndedBannerProps {
  /** The backend's message, e.g. "Your session expired." */
  message: string;
  /** Which report stays on screen, when one does. */
  staleNote?: string;
  onSignIn?: () => void;
  /** The profile has no session at all (never signed in or signed out), rather than an ended one. */
  signedOut?: boolean;
}

/** Fetch was refused because the platform session ended; the last report stays below. */
export function SessionEndedBanner({ message, staleNote, onSignIn, signedOut = false }: SessionEndedBannerProps) {
  return (
    <Alert
      severity="warning"
      role="alert"
      data-testid="session-ended"
      action={
        onSignIn && (
          <Button color="inherit" size="small" variant="outlined" onClick={onSignIn} sx={{ whiteSpace: 'nowrap' }}>
            {signedOut ? 'Sign in' : 'Sign in again'}
          </Button>
        )
      }
    >
      <AlertTitle>{signedOut ? 'You are signed out' : 'Your session has ended'}</AlertTitle>
      {[message, staleNote].filter(Boolean).join(' ')}
    </Alert>
  );
}
