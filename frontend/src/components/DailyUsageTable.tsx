import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Box from '@mui/material/Box';
import { formatDayLong, type DayPoint } from '../utils/days';
import { formatInteger, formatUSDExact } from '../utils/format';

const COLUMNS: readonly { label: string; value: (d: DayPoint) => string }[] = [
  { label: 'Cost', value: (d) => formatUSDExact(d.costUSD) },
  { label: 'Input', value: (d) => formatInteger(d.input) },
  { label: 'Output', value: (d) => formatInteger(d.output) },
  { label: 'Cache write', value: (d) => formatInteger(d.cacheCreation) },
  { label: 'Cache read', value: (d) => formatInteger(d.cacheRead) },
  { label: 'Total tokens', value: (d) => formatInteger(d.total) },
  { label: 'Logs', value: (d) => formatInteger(d.logs) },
];

/** Read by screen readers, not shown (the card's title says it). */
const visuallyHidden = {
  border: 0,
  clip: 'rect(0 0 0 0)',
  height: '1px',
  margin: '-1px',
  overflow: 'hidden',
  padding: 0,
  position: 'absolute',
  whiteSpace: 'nowrap',
  width: '1px',
} as const;

const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** Exact per-day figures, one row a day (copyable text, no rounding). */
export function DailyUsageTable({ days }: { days: readonly DayPoint[] }) {
  return (
    <TableContainer sx={{ maxHeight: 360 }}>
      <Table size="small" stickyHeader>
        <Box component="caption" sx={visuallyHidden}>
          Usage per day
        </Box>
        <TableHead>
          <TableRow>
            <TableCell scope="col">Day</TableCell>
            {COLUMNS.map((c) => (
              <TableCell key={c.label} scope="col" align="right" sx={{ whiteSpace: 'nowrap' }}>
                {c.label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {days.map((d) => (
            <TableRow key={d.key} data-day={d.key} hover>
              <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                {formatDayLong(d.key)}
              </TableCell>
              {COLUMNS.map((c, i) => {
                const text = c.value(d);
                return i === 0 ? (
                  <TableCell key={c.label} align="right" sx={num} data-metric="day_cost_usd" data-exact={text}>
                    {text}
                  </TableCell>
                ) : (
                  <TableCell key={c.label} align="right" sx={num}>
                    {text}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
