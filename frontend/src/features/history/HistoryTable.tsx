import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CompareArrowsOutlined from '@mui/icons-material/CompareArrowsOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import OpenInNewOutlined from '@mui/icons-material/OpenInNewOutlined';
import type { StoredEntry } from '../../api';
import { compareTarget } from '../../utils/history';
import { formatDateTime, formatPeriodRange, formatRelativeTime } from '../../utils/format';
import { ExactText } from '../../components/ExactText';
import { compactFigure, usdFigure } from '../../utils/figures';
import { visuallyHidden } from '../../utils/visuallyHidden';

export interface HistoryTableProps {
  /** Newest first. */
  entries: StoredEntry[];
  now: number;
  /** The stored report on screen, which "Compare with current" compares with. */
  current?: StoredEntry;
  /** A row whose report is being opened. */
  openingId?: string;
  onOpen: (e: StoredEntry) => void;
  onCompare: (from: StoredEntry, to: StoredEntry) => void;
  onDelete: (e: StoredEntry) => void;
}

/** The stored reports, one row each, with Open, Compare with current and Delete. */
export function HistoryTable({ entries, now, current, openingId, onOpen, onCompare, onDelete }: HistoryTableProps) {
  return (
    <TableContainer>
      <Table size="small" aria-label="Stored reports">
        <TableHead>
          <TableRow>
            <TableCell>Fetched at</TableCell>
            <TableCell>Connection</TableCell>
            <TableCell>Period</TableCell>
            <TableCell align="right">Total cost</TableCell>
            <TableCell align="right">Tokens</TableCell>
            <TableCell align="right">
              <Box component="span" sx={visuallyHidden}>
                Actions
              </Box>
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map((e) => {
            const target = compareTarget(e, entries, current);
            return (
              <TableRow key={e.id} hover data-entry-id={e.id} selected={current?.id === e.id}>
                <TableCell>
                  <Typography variant="body2">{formatDateTime(e.fetched_at)}</Typography>
                  <Typography variant="caption" color="text.secondary">
                    {formatRelativeTime(e.fetched_at, now)}
                  </Typography>
                </TableCell>
                <TableCell>
                  <Typography variant="body2">{e.profile_name || e.profile_id}</Typography>
                  <Typography variant="caption" color="text.secondary">
                    {e.source?.account ? `${e.source.label} · ${e.source.account}` : e.source?.label}
                  </Typography>
                </TableCell>
                <TableCell>
                  <Typography variant="body2">{e.period?.label}</Typography>
                  <Typography variant="caption" color="text.secondary">
                    {formatPeriodRange(e.period?.start, e.period?.end, e.period?.time_zone)}
                  </Typography>
                </TableCell>
                <TableCell align="right">
                  <ExactText {...usdFigure(e.total_cost_usd)} />
                </TableCell>
                <TableCell align="right">
                  <ExactText {...compactFigure(e.total_tokens)} />
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Stack direction="row" spacing={0.25} sx={{ justifyContent: 'flex-end' }}>
                    <Tooltip title="Open">
                      <span>
                        <IconButton size="small" aria-label="Open" onClick={() => onOpen(e)} disabled={openingId === e.id}>
                          <OpenInNewOutlined fontSize="small" />
                        </IconButton>
                      </span>
                    </Tooltip>
                    <Tooltip title={target ? 'Compare with current' : 'This is the newest stored report'}>
                      <span>
                        <IconButton
                          size="small"
                          aria-label="Compare with current"
                          onClick={() => target && onCompare(e, target)}
                          disabled={!target}
                        >
                          <CompareArrowsOutlined fontSize="small" />
                        </IconButton>
                      </span>
                    </Tooltip>
                    <Tooltip title="Delete">
                      <IconButton size="small" aria-label="Delete" onClick={() => onDelete(e)}>
                        <DeleteOutlined fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </Stack>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
