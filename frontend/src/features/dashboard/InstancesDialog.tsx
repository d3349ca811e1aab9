import { useMemo } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import type { Report, UsageRow } from '../../api';
import { sumRows } from '../../utils/breakdowns';
import { pricingOf } from '../../utils/pricing';
import { computedColumn, costColumn, logsColumn, tokenColumn } from '../../utils/usageColumns';
import { UsageTable } from './UsageTable';

export interface InstancesDialogProps {
  open: boolean;
  onClose: () => void;
  report: Report;
  /** report.breakdowns.by_instance */
  rows: readonly UsageRow[];
}

/** Every instance of the period in a table sortable by reported cost, cost at API prices, tokens and logs, with the totals. */
export function InstancesDialog({ open, onClose, report, rows }: InstancesDialogProps) {
  // Stable columns, so UsageTable sorts again only when the rows or the order change.
  const columns = useMemo(() => {
    const pricing = pricingOf(report);
    return [
      costColumn('Reported', report.total_cost_usd),
      ...(pricing ? [computedColumn(pricing)] : []),
      tokenColumn('tokens', 'Tokens', (r) => r.tokens?.total_tokens, report.total_tokens),
      logsColumn(sumRows(rows, (r) => r.logs)),
    ];
  }, [report, rows]);
  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth scroll="paper" aria-labelledby="instances-title">
      <DialogTitle id="instances-title">All instances ({rows.length})</DialogTitle>
      <DialogContent dividers sx={{ px: 0 }}>
        <UsageTable
          rows={rows}
          nameLabel="Instance"
          columns={columns}
          labelledBy="instances-title"
          rowKeyAttr="data-instance-key"
          initialSort="cost"
          footerTestId="instances-total"
          minWidth={560}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
