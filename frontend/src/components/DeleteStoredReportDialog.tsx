import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { deleteStoredReport, toApiError, type StoredEntry } from '../api';
import { useSticky } from '../hooks/useSticky';
import { formatDateTime } from '../utils/format';

export interface DeleteStoredReportDialogProps {
  /** The stored report to delete; the dialog is open while set. */
  entry?: StoredEntry;
  onClose: () => void;
  onDeleted: (id: string) => void;
}

/** Asks before deleting a stored report, then deletes it. */
export function DeleteStoredReportDialog({ entry, onClose, onDeleted }: DeleteStoredReportDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const id = entry?.id;

  useEffect(() => {
    setBusy(false);
    setError('');
  }, [id]);

  async function confirm() {
    if (!id) return;
    setBusy(true);
    setError('');
    try {
      await deleteStoredReport(id);
      onDeleted(id);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  }

  const shown = useSticky(entry);
  return (
    <Dialog open={!!entry} onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="delete-stored-title">
      <DialogTitle id="delete-stored-title">Delete this stored report?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          The {shown?.period?.label ?? ''} report of {shown?.profile_name || 'this connection'} fetched{' '}
          {formatDateTime(shown?.fetched_at)} is removed from this computer. The data source is not affected.
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
