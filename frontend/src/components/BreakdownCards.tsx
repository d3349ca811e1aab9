import type { Report } from '../api';
import { modeLabel } from '../utils/breakdowns';
import { BreakdownCard } from './BreakdownCard';
import { GridArea } from './DashboardGrid';

/** How many workflows the "Top workflows" card lists. */
const TOP_WORKFLOWS = 5;

/**
 * The MongoDB report's breakdowns by model, billing mode and workflow, as
 * three cells of DashboardGrid. Nothing when the report has no breakdowns.
 */
export function BreakdownCards({ report }: { report: Report }) {
  const b = report.breakdowns;
  if (!b) return null;
  const total = report.total_cost_usd;
  return (
    <>
      <GridArea area="third">
        <BreakdownCard title="By model" rows={b.by_model} totalCostUSD={total} testId="breakdown-model" />
      </GridArea>
      <GridArea area="third">
        <BreakdownCard
          title="By billing mode"
          rows={b.by_mode}
          totalCostUSD={total}
          labelOf={modeLabel}
          testId="breakdown-mode"
        />
      </GridArea>
      <GridArea area="thirdWide">
        <BreakdownCard
          title="Top workflows"
          rows={b.by_workflow}
          totalCostUSD={total}
          limit={TOP_WORKFLOWS}
          testId="breakdown-workflow"
        />
      </GridArea>
    </>
  );
}
