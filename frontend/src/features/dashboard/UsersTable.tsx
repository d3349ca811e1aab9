import { useMemo } from 'react';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { Report, UsageRow } from '../../api';
import { pricingOf } from '../../utils/pricing';
import { computedColumn, costColumn, logsColumn, tokenColumn } from '../../utils/usageColumns';
import { UsageTable, type UsageColumn } from './UsageTable';
import { UserNameCell } from './UserNameCell';

/** The users table's columns; "At API prices" only when the report was priced. */
function userColumns(report: Report): UsageColumn[] {
  const pricing = pricingOf(report);
  return [
    costColumn('Cost', report.total_cost_usd, 'user_cost_usd'),
    ...(pricing ? [computedColumn(pricing)] : []),
    tokenColumn('tokens', 'Tokens', (r) => r.tokens?.total_tokens, report.total_tokens),
    tokenColumn('input', 'Input', (r) => r.tokens?.input_tokens, report.total_input_tokens),
    tokenColumn('output', 'Output', (r) => r.tokens?.output_tokens, report.total_output_tokens),
    tokenColumn('cacheWrite', 'Cache write', (r) => r.tokens?.cache_creation_input_tokens, report.total_cache_creation_tokens),
    tokenColumn('cacheRead', 'Cache read', (r) => r.tokens?.cache_read_input_tokens, report.total_cache_read_tokens),
    logsColumn(),
  ];
}

export interface UsersTableProps {
  /** The everyone report; its totals fill the footer. */
  report: Report;
  /** report.breakdowns.by_user */
  rows: readonly UsageRow[];
}

/** The team's usage per user, sortable by every column, with the report's totals underneath. */
export function UsersTable({ report, rows }: UsersTableProps) {
  // Stable columns, so UsageTable sorts again only when the rows or the order change.
  const columns = useMemo(() => userColumns(report), [report]);
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
      <UsageTable
        rows={rows}
        nameLabel="User"
        nameCell={(row) => <UserNameCell row={row} />}
        columns={columns}
        labelledBy="users-table-title"
        rowKeyAttr="data-user-key"
        initialSort="cost"
        footerTestId="users-total"
        minWidth={760}
      />
    </Card>
  );
}
