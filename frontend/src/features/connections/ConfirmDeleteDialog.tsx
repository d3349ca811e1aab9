import { deleteProfile, type ProfileView } from '../../api';
import { useSticky } from '../../hooks/useSticky';
import { DeleteDialog } from '../../components/DeleteDialog';

export interface ConfirmDeleteDialogProps {
  /** The profile to delete; the dialog is open while set. */
  view?: ProfileView;
  onClose: () => void;
  onDeleted: (id: string) => void;
}

/** Asks before deleting a profile, then deletes it. */
export function ConfirmDeleteDialog({ view, onClose, onDeleted }: ConfirmDeleteDialogProps) {
  const shown = useSticky(view);
  const platform = shown?.profile.kind === 'platform';
  return (
    <DeleteDialog
      id={view?.profile.id}
      titleId="delete-profile-title"
      title={<>Delete “{shown?.profile.name}”?</>}
      text={
        platform
          ? 'The connection and its session are removed from this computer. Your account on the platform is not affected.'
          : 'The connection and its stored database password are removed from this computer. The database is not affected.'
      }
      remove={deleteProfile}
      onClose={onClose}
      onDeleted={onDeleted}
    />
  );
}
