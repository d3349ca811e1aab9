import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { deleteProfile, toApiError, type ProfileView } from '../api';
import { useSticky } from '../hooks/useSticky';

export interface ConfirmDeleteDialogProps {
  /** The profile to delete; the dialog is open while set. */
  view?: ProfileView;
  onClose: () => void;
  onDeleted: (id: string) => void;
}

/** Asks before deleting a profile, then deletes it. */
export function ConfirmDeleteDialog({ view, onClose, onDeleted }: ConfirmDeleteDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const id = view?.profile.id;

  useEffect(() => {
    setBusy(false);
    setError('');
  }, [id]);

  async function confirm() {
    if (!id) return;
    setBusy(true);
    setError('');
    try {
      await deleteProfile(id);
      onDeleted(id);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  }

  const shown = useSticky(view);
  const platform = shown?.profile.kind === 'platform';
  return (
    <Dialog open={!!view} onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="delete-profile-title">
      <DialogTitle id="delete-profile-title">Delete “{shown?.profile.name}”?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {platform
            ? 'The connection and its session are removed from this computer. Your account on the platform is not affected.'
            : 'The connection and its stored database password are removed from this computer. The database is not affected.'}
        </DialogContentText>
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} autoFocus>
          Cancel
        </Button>
        <Button color="error" variant="contained" onClick={confirm} disabled={busy}>
          {busy ? 'Deleting…' : 'Delete'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
