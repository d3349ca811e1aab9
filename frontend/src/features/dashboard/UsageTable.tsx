import { useMemo, useState, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableFooter from '@mui/material/TableFooter';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Typography from '@mui/material/Typography';
import type { UsageRow } from '../../api';
import { rowLabel, sortRows, type SortOrder } from '../../utils/breakdowns';
import type { Figure } from '../../utils/pricing';
import { ExactText } from '../../components/ExactText';
import type { MetricId } from '../../utils/metricIds';
import { visuallyHidden } from '../../utils/visuallyHidden';

/** One figure column of a UsageTable. */
export interface UsageColumn {
  key: string;
  label: string;
  /** The row's figure: what the column sorts by. */
  value: (r: UsageRow) => number | undefined;
  /** How a row's figure reads (rounded text, exact on hover). */
  figure: (r: UsageRow) => Figure;
  /** The footer's figure (the report's own total); no footer cell text without it. */
  total?: Figure;
  /** data-metric (with data-exact) on each body cell, for the render probe. */
  metric?: MetricId;
  /** Set in bold (the headline figure of the table). */
  strong?: boolean;
}

/** The sort key of the name column. */
const NAME = 'name';

export interface UsageTableProps {
  rows: readonly UsageRow[];
  /** The name column's header, e.g. "User" or "Instance". */
  nameLabel: string;
  /** The row header cell (a <th scope="row">); the row's label by default. */
  nameCell?: (row: UsageRow) => ReactNode;
  columns: readonly UsageColumn[];
  /** id of the element that names the table. */
  labelledBy: string;
  /** The attribute that carries each body row's key, e.g. "data-user-key". */
  rowKeyAttr: `data-${string}`;
  /** The column sorted by at first (descending); the first figure column by default. */
  initialSort?: string;
  /** data-testid of the footer ("Total" row), shown when a column has a total. */
  footerTestId?: string;
  /** The table's minimum width in px (it scrolls sideways below it). */
  minWidth?: number;
}

function DefaultNameCell({ row }: { row: UsageRow }) {
  const label = rowLabel(row);
  return (
    <TableCell component="th" scope="row" sx={{ maxWidth: 260 }}>
      <Typography variant="body2" noWrap title={label} sx={{ fontWeight: 500 }}>
        {label}
      </Typography>
    </TableCell>
  );
}

const figureText = (f: Figure) => <ExactText text={f.text} exact={f.exact} fontWeight="inherit" />;

/**
 * A breakdown's rows as a table sortable by every column (click or Enter /
 * Space on a header; aria-sort tells which), figures rounded with exact values
 * on hover, and an optional "Total" footer with the report's own totals.
 */
export function UsageTable(props: UsageTableProps) {
  const { rows, nameLabel, nameCell, columns, labelledBy, rowKeyAttr, initialSort, footerTestId, minWidth = 640 } = props;
  const [orderBy, setOrderBy] = useState<string>(initialSort ?? columns[0]?.key ?? NAME);
  const [order, setOrder] = useState<SortOrder>('desc');
  const sorted = useMemo(() => {
    const col = columns.find((c) => c.key === orderBy);
    return sortRows(rows, col ? col.value : 'label', order);
  }, [rows, columns, orderBy, order]);

  const sortBy = (key: string) => {
    if (key === orderBy) setOrder((o) => (o === 'asc' ? 'desc' : 'asc'));
    else {
      setOrderBy(key);
      setOrder(key === NAME ? 'asc' : 'desc');
    }
  };

  const header = (key: string, label: string, numeric: boolean) => {
    const active = orderBy === key;
    return (
      <TableCell
        key={key}
        align={numeric ? 'right' : 'left'}
        sortDirection={active ? order : false}
        sx={{ color: 'text.secondary', fontWeight: 600 }}
      >
        <TableSortLabel active={active} direction={active ? order : numeric ? 'desc' : 'asc'} onClick={() => sortBy(key)}>
          {label}
          {active && (
            <Box component="span" sx={visuallyHidden}>
              {order === 'desc' ? 'sorted descending' : 'sorted ascending'}
            </Box>
          )}
        </TableSortLabel>
      </TableCell>
    );
  };

  const hasFooter = columns.some((c) => c.total);
  return (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table
        size="small"
        aria-labelledby={labelledBy}
        sx={{
          minWidth,
          '& td, & th': { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
          '& tr > :first-of-type': { pl: 2.5 },
          '& tr > :last-child': { pr: 2.5 },
        }}
      >
        <TableHead>
          <TableRow>
            {header(NAME, nameLabel, false)}
            {columns.map((c) => header(c.key, c.label, true))}
          </TableRow>
        </TableHead>
        <TableBody>
          {sorted.map((row) => (
            <TableRow key={row.key} hover {...{ [rowKeyAttr]: row.key }}>
              {nameCell ? nameCell(row) : <DefaultNameCell row={row} />}
              {columns.map((c) => {
                const f = c.figure(row);
                return (
                  <TableCell
                    key={c.key}
                    align="right"
                    {...(c.metric && { 'data-metric': c.metric, 'data-exact': f.exact })}
                    sx={c.strong ? { fontWeight: 600 } : undefined}
                  >
                    {figureText(f)}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
        {hasFooter && (
          <TableFooter
            data-testid={footerTestId}
            sx={(theme) => ({
              '& td, & th': {
                ...theme.typography.body2,
                color: 'text.primary',
                fontWeight: 600,
                borderTop: `1px solid ${theme.palette.divider}`,
                borderBottom: 'none',
              },
            })}
          >
            <TableRow>
              <TableCell component="th" scope="row">
                Total
              </TableCell>
              {columns.map((c) => (
                <TableCell key={c.key} align="right" data-total={c.key}>
                  {c.total ? figureText(c.total) : null}
                </TableCell>
              ))}
            </TableRow>
          </TableFooter>
        )}
      </Table>
    </TableContainer>
  );
}
