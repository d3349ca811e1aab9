import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableFooter from '@mui/material/TableFooter';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Typography from '@mui/material/Typography';
import type { Report, UsageRow } from '../api';
import { sortUserRows, type SortOrder, type UserSortKey } from '../utils/breakdowns';
import { formatCompact, formatInteger, formatUSD, formatUSDExact } from '../utils/format';
import { ExactText } from './ExactText';
import { UserNameCell } from './UserNameCell';
import type { MetricId } from './metricIds';

interface Column {
  key: UserSortKey;
  label: string;
  /** The figure of a row; undefined for the user column. */
  value?: (r: UsageRow) => number | undefined;
  /** The report's own total for the footer. */
  total?: (r: Report) => number | undefined;
}

const COLUMNS: Column[] = [
  { key: 'user', label: 'User' },
  { key: 'cost', label: 'Cost', value: (r) => r.cost_usd, total: (r) => r.total_cost_usd },
  { key: 'tokens', label: 'Tokens', value: (r) => r.tokens?.total_tokens, total: (r) => r.total_tokens },
  { key: 'input', label: 'Input', value: (r) => r.tokens?.input_tokens, total: (r) => r.total_input_tokens },
  { key: 'output', label: 'Output', value: (r) => r.tokens?.output_tokens, total: (r) => r.total_output_tokens },
  {
    key: 'cacheWrite',
    label: 'Cache write',
    value: (r) => r.tokens?.cache_creation_input_tokens,
    total: (r) => r.total_cache_creation_tokens,
  },
  {
    key: 'cacheRead',
    label: 'Cache read',
    value: (r) => r.tokens?.cache_read_input_tokens,
    total: (r) => r.total_cache_read_tokens,
  },
  { key: 'logs', label: 'Logs', value: (r) => r.logs },
];

const visuallyHidden = {
  border: 0,
  clip: 'rect(0 0 0 0)',
  height: 1,
  margin: -1,
  overflow: 'hidden',
  padding: 0,
  position: 'absolute',
  whiteSpace: 'nowrap',
  width: 1,
} as const;

const USER_COST: MetricId = 'user_cost_usd';

/** A figure cell: cost as "$12.34" (exact to 4 decimals on hover), counts compact (exact on hover). */
function figure(col: Column, v: number | undefined) {
  if (col.key === 'cost') return <ExactText text={formatUSD(v)} exact={formatUSDExact(v)} fontWeight="inherit" />;
  if (col.key === 'logs') return <ExactText text={formatInteger(v)} exact={formatInteger(v)} fontWeight="inherit" />;
  return <ExactText text={formatCompact(v)} exact={formatInteger(v)} fontWeight="inherit" />;
}

export interface UsersTableProps {
  /** The everyone report; its totals fill the footer. */
  report: Report;
  /** report.breakdowns.by_user */
  rows: readonly UsageRow[];
}

/** The team's usage per user, sortable by every column, with the report's totals underneath. */
export function UsersTable({ report, rows }: UsersTableProps) {
  const [orderBy, setOrderBy] = useState<UserSortKey>('cost');
  const [order, setOrder] = useState<SortOrder>('desc');
  const sorted = useMemo(() => sortUserRows(rows, orderBy, order), [rows, orderBy, order]);

  const sortBy = (key: UserSortKey) => {
    if (key === orderBy) setOrder((o) => (o === 'asc' ? 'desc' : 'asc'));
    else {
      setOrderBy(key);
      setOrder(key === 'user' ? 'asc' : 'desc');
    }
  };

  return (
    <Card component="section" aria-labelledby="users-table-title" data-testid="users-table">
      <CardContent sx={{ pb: 1 }}>
        <Typography variant="h6" component="h2" id="users-table-title">
          Users
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Usage of each user in this period
        </Typography>
      </CardContent>
      <TableContainer sx={{ overflowX: 'auto' }}>
        <Table
          size="small"
          aria-labelledby="users-table-title"
          sx={{
            minWidth: 760,
            '& td, & th': { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
            '& tr > :first-of-type': { pl: 2.5 },
            '& tr > :last-child': { pr: 2.5 },
          }}
        >
          <TableHead>
            <TableRow>
              {COLUMNS.map((col) => {
                const active = orderBy === col.key;
                return (
                  <TableCell
                    key={col.key}
                    align={col.value ? 'right' : 'left'}
                    sortDirection={active ? order : false}
                    sx={{ color: 'text.secondary', fontWeight: 600 }}
                  >
                    <TableSortLabel
                      active={active}
                      direction={active ? order : col.value ? 'desc' : 'asc'}
                      onClick={() => sortBy(col.key)}
                    >
                      {col.label}
                      {active && (
                        <Box component="span" sx={visuallyHidden}>
                          {order === 'desc' ? 'sorted descending' : 'sorted ascending'}
                        </Box>
                      )}
                    </TableSortLabel>
                  </TableCell>
                );
              })}
            </TableRow>
          </TableHead>
          <TableBody>
            {sorted.map((row) => (
              <TableRow key={row.key} hover data-user-key={row.key}>
                <UserNameCell row={row} />
                {COLUMNS.slice(1).map((col) => {
                  const v = col.value?.(row);
                  const cost = col.key === 'cost';
                  return (
                    <TableCell
                      key={col.key}
                      align="right"
                      {...(cost && { 'data-metric': USER_COST, 'data-exact': formatUSDExact(v) })}
                      sx={cost ? { fontWeight: 600 } : undefined}
                    >
                      {figure(col, v)}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
          <TableFooter
            data-testid="users-total"
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
              {COLUMNS.slice(1).map((col) => (
                <TableCell key={col.key} align="right" data-total={col.key}>
                  {col.total ? figure(col, col.total(report)) : null}
                </TableCell>
              ))}
            </TableRow>
          </TableFooter>
        </Table>
      </TableContainer>
    </Card>
  );
}
