import TableCell from '@mui/material/TableCell';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { UsageRow } from '../../api';
import { isUnassigned } from '../../utils/breakdowns';

const UNASSIGNED_HINT = 'Instances and logs that belong to no user';

/** The row header of a users-table row: the username, or "Unassigned" set apart and explained. */
export function UserNameCell({ row }: { row: UsageRow }) {
  if (!isUnassigned(row)) {
    return (
      <TableCell component="th" scope="row" sx={{ maxWidth: 220 }}>
        <Typography variant="body2" noWrap title={row.label} sx={{ fontWeight: 500 }}>
          {row.label}
        </Typography>
      </TableCell>
    );
  }
  return (
    <TableCell component="th" scope="row">
      <Tooltip title={UNASSIGNED_HINT} describeChild>
        <Typography variant="body2" tabIndex={0} sx={{ fontStyle: 'italic', color: 'text.secondary', width: 'fit-content' }}>
          {row.label || 'Unassigned'}
        </Typography>
      </Tooltip>
    </TableCell>
  );
}
