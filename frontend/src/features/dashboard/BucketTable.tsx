import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableFooter from '@mui/material/TableFooter';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Box from '@mui/material/Box';
import { BUCKET_COLUMNS, bucketName, totalOf, type BucketKind } from '../../utils/buckets';
import type { BucketPoint } from '../../utils/days';
import type { MetricId } from '../../utils/metricIds';
import { visuallyHidden } from '../../utils/visuallyHidden';

const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** The data-metric of a row's cell in the column of the CSV name `csv`, if it has one. */
function cellMetric(csv: string, bucket: BucketKind): MetricId | undefined {
  if (csv === 'cost_usd') return `${bucket}_cost_usd`;
  if (csv === 'total_tokens') return `${bucket}_tokens`;
  return undefined;
}

export interface BucketTableProps {
  points: readonly BucketPoint[];
  bucket: BucketKind;
  /** The report's total cost, shown in the Total row (see totalOf). */
  totalCostUSD?: number;
}

/** The table's caption (its accessible name). */
const tableCaption = (bucket: BucketKind) => `Usage per ${bucket}`;

/**
 * Exact figures of every day or hour (copyable text, no rounding), with a
 * totals row. Every row's cost cell carries data-metric "day_cost_usd" or
 * "hour_cost_usd" and its total tokens cell "day_tokens" or "hour_tokens",
 * with data-exact = the text shown ("$1,234.5678", "1,234,567").
 */
export function BucketTable({ points, bucket, totalCostUSD }: BucketTableProps) {
  const total = totalOf(points, totalCostUSD);
  // Sticky like the header (same background), so the totals stay in view while scrolling.
  const footer = {
    ...num,
    fontWeight: 600,
    color: 'text.primary',
    fontSize: 'inherit',
    position: 'sticky',
    bottom: 0,
    bgcolor: 'background.default',
    borderTop: 1,
    borderColor: 'divider',
  } as const;
  return (
    <TableContainer sx={{ maxHeight: 360 }}>
      <Table size="small" stickyHeader>
        {/* Read by screen readers, not shown (the card's title says it). */}
        <Box component="caption" sx={visuallyHidden}>
          {tableCaption(bucket)}
        </Box>
        <TableHead>
          <TableRow>
            <TableCell scope="col">{bucket === 'hour' ? 'Hour' : 'Day'}</TableCell>
            {BUCKET_COLUMNS.map((c) => (
              <TableCell key={c.label} scope="col" align="right" sx={{ whiteSpace: 'nowrap' }}>
                {c.label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {points.map((p) => (
            <TableRow key={p.key} data-bucket={p.key} hover>
              <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                {bucketName(p, bucket, true)}
              </TableCell>
              {BUCKET_COLUMNS.map((c) => {
                const text = c.format(c.value(p));
                const metric = cellMetric(c.csv, bucket);
                const exact = metric ? { 'data-metric': metric, 'data-exact': text } : {};
                return (
                  <TableCell key={c.label} align="right" sx={num} {...exact}>
                    {text}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
        <TableFooter>
          <TableRow data-testid="bucket-total">
            <TableCell component="th" scope="row" sx={footer}>
              Total
            </TableCell>
            {BUCKET_COLUMNS.map((c) => (
              <TableCell key={c.label} align="right" sx={footer}>
                {c.format(c.value(total))}
              </TableCell>
            ))}
          </TableRow>
        </TableFooter>
      </Table>
    </TableContainer>
  );
}
