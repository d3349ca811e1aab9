import { deleteStoredReport, type StoredEntry } from '../../api';
import { useSticky } from '../../hooks/useSticky';
import { formatDateTime } from '../../utils/format';
import { DeleteDialog } from '../../components/DeleteDialog';

export interface DeleteStoredReportDialogProps {
  /** The stored report to delete; the dialog is open while set. */
  entry?: StoredEntry;
  onClose: () => void;
  onDeleted: (id: string) => void;
}

/** Asks before deleting a stored report, then deletes it. */
export function DeleteStoredReportDialog({ entry, onClose, onDeleted }: DeleteStoredReportDialogProps) {
  const shown = useSticky(entry);
  return (
    <DeleteDialog
      id={entry?.id}
      titleId="delete-stored-title"
      title="Delete this stored report?"
      text={
        <>
          The {shown?.period?.label ?? ''} report of {shown?.profile_name || 'this connection'} fetched{' '}
          {formatDateTime(shown?.fetched_at)} is removed from this computer. The data source is not affected.
        </>
      }
      remove={deleteStoredReport}
      onClose={onClose}
      onDeleted={onDeleted}
    />
  );
}
