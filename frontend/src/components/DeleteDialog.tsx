import { useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { toApiError } from '../api';

export interface DeleteDialogProps {
  /** The id of what to delete; the dialog is open while set. */
  id?: string;
  /** Stable id of the title element, for aria-labelledby. */
  titleId: string;
  title: ReactNode;
  text: ReactNode;
  /** Deletes the item; a rejection is shown in the dialog. */
  remove: (id: string) => Promise<void>;
  onClose: () => void;
  onDeleted: (id: string) => void;
}

/** Asks before deleting something, deletes it, and shows why if that failed. */
export function DeleteDialog({ id, titleId, title, text, remove, onClose, onDeleted }: DeleteDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  // Another item starts afresh.
  const [shownFor, setShownFor] = useState(id);
  if (shownFor !== id) {
    setShownFor(id);
    setBusy(false);
    setError('');
  }

  async function confirm() {
    if (!id) return;
    setBusy(true);
    setError('');
    try {
      await remove(id);
      onDeleted(id);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={!!id} onClose={onClose} maxWidth="xs" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{text}</DialogContentText>
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
