import { useState } from 'react';
import type { Report, UsageRow } from '../../api';
import { modeLabel } from '../../utils/breakdowns';
import { pricingOf } from '../../utils/pricing';
import { BreakdownCard, BreakdownTotal } from './BreakdownCard';
import { GridArea } from './DashboardGrid';
import { InstancesDialog } from './InstancesDialog';
import { ComputedDetail, ModeDetail } from './RowDetails';

/** How many workflows and instances the "Top …" cards list. */
const TOP = 5;

/** A row's share of the report's tokens, 0..1 (the billing-mode bars). */
function tokenShare(total: number | undefined) {
  return (row: UsageRow) => {
    const t = row.tokens?.total_tokens ?? 0;
    return total && total > 0 && t > 0 ? Math.min(1, t / total) : 0;
  };
}

/**
 * The MongoDB report's breakdowns as cells of DashboardGrid: by model and
 * workflow (with each row's cost at API prices when the report was priced),
 * by billing mode (billed, plan-covered with what it would have cost, unknown;
 * with the total), and the top instances with all of them in a sortable
 * table. Nothing when the report has no breakdowns. The model and mode rows
 * (all of them, summing to the headline) carry data-metric model_cost_usd and
 * mode_cost_usd; the top-N lists none.
 */
export function BreakdownCards({ report }: { report: Report }) {
  const [allInstances, setAllInstances] = useState(false);
  const b = report.breakdowns;
  if (!b) return null;
  const total = report.total_cost_usd;
  const priced = !!pricingOf(report);
  const computed = priced ? (row: UsageRow) => <ComputedDetail row={row} /> : undefined;
  const instances = b.by_instance ?? [];
  return (
    <>
      <GridArea area="third">
        <BreakdownCard
          title="By model"
          subtitle={priced ? 'Reported cost, and the same tokens at API prices' : undefined}
          rows={b.by_model}
          totalCostUSD={total}
          detailOf={computed}
          testId="breakdown-model"
          costMetric="model_cost_usd"
        />
      </GridArea>
      <GridArea area="third">
        <BreakdownCard
          title="By billing mode"
          subtitle="Billable vs plan-covered; bars show the share of tokens"
          rows={b.by_mode}
          totalCostUSD={total}
          labelOf={modeLabel}
          detailOf={(row) => <ModeDetail row={row} priced={priced} />}
          shareOf={tokenShare(report.total_tokens)}
          footer={<BreakdownTotal tokens={report.total_tokens} costUSD={total} />}
          testId="breakdown-mode"
          costMetric="mode_cost_usd"
        />
      </GridArea>
      <GridArea area="thirdWide">
        <BreakdownCard
          title="Top workflows"
          rows={b.by_workflow}
          totalCostUSD={total}
          detailOf={computed}
          limit={TOP}
          testId="breakdown-workflow"
        />
      </GridArea>
      {instances.length > 0 && (
        <GridArea area="full">
          <BreakdownCard
            title="Top instances"
            rows={instances}
            totalCostUSD={total}
            detailOf={computed}
            limit={TOP}
            onShowAll={() => setAllInstances(true)}
            testId="breakdown-instance"
          />
          <InstancesDialog open={allInstances} onClose={() => setAllInstances(false)} report={report} rows={instances} />
        </GridArea>
      )}
    </>
  );
}
