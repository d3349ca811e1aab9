import AccountTreeOutlined from '@mui/icons-material/AccountTreeOutlined';
import DataUsageOutlined from '@mui/icons-material/DataUsageOutlined';
import LayersOutlined from '@mui/icons-material/LayersOutlined';
import type { ReactNode } from 'react';
import type { Report } from '../../api';
import { isEveryoneReport } from '../../utils/breakdowns';
import { pricingOf } from '../../utils/pricing';
import { BreakdownCards } from './BreakdownCards';
import { CacheCard } from './CacheCard';
import { CostHero } from './CostHero';
import { DashboardGrid, GridArea } from './DashboardGrid';
import { EfficiencyCard } from './EfficiencyCard';
import { compactFigure, integerFigure } from '../../utils/figures';
import { PricingCard } from './PricingCard';
import { PricingNotice, pricingNoticeText } from './PricingNotice';
import { StatCard } from './StatCard';
import { TokenBreakdownCard } from './TokenBreakdownCard';
import { UsageOverTimeCard } from './UsageOverTimeCard';
import { UsersTable } from './UsersTable';

export interface ReportViewProps {
  report: Report;
  /** The active profile's account ("*" = everyone), when known. */
  account?: string;
  /** The "This month" card, under the headline row (live reports only). */
  monthCard?: ReactNode;
  /** Opens the settings at the prices section ("Set prices…" when some models have no known price). */
  onSetPrices?: () => void;
}

/**
 * A report with usage: the headline cards (the reported cost with its check
 * at API prices), then the usage over time, (MongoDB reports) the pricing and
 * cache cards, (everyone report) the users table and (MongoDB reports) the
 * breakdowns by model, mode, workflow and instance; a platform-API report says
 * once what needs a MongoDB connection.
 */
export function ReportView({ report, account, monthCard, onSetPrices }: ReportViewProps) {
  const everyone = isEveryoneReport(report, account);
  const byUser = everyone ? report.breakdowns?.by_user : undefined;
  const pricing = pricingOf(report);
  const notice = pricingNoticeText(report);
  return (
    <DashboardGrid>
      <GridArea area="hero">
        <CostHero
          costUSD={report.total_cost_usd}
          caption={everyone ? 'The team’s Anthropic API spend in this period' : 'Anthropic API spend in this period'}
          pricing={pricing}
          onSetPrices={onSetPrices}
        />
      </GridArea>
      <GridArea area="stats">
        <StatCard
          label="Total tokens"
          icon={<DataUsageOutlined fontSize="small" />}
          metric="total_tokens"
          {...compactFigure(report.total_tokens)}
          caption="All token kinds"
        />
        <StatCard
          label="Workflows"
          icon={<AccountTreeOutlined fontSize="small" />}
          metric="total_workflows"
          {...integerFigure(report.total_workflows)}
          caption={everyone ? 'All users, all time' : 'Owned, all time'}
        />
        <StatCard
          label="Instances"
          icon={<LayersOutlined fontSize="small" />}
          metric="total_instances"
          {...integerFigure(report.total_instances)}
          caption="Claude Code runs, all time"
        />
      </GridArea>
      {monthCard && <GridArea area="full">{monthCard}</GridArea>}
      <GridArea area="breakdown">
        <TokenBreakdownCard report={report} />
      </GridArea>
      <GridArea area="efficiency">
        <EfficiencyCard report={report} />
      </GridArea>
      <GridArea area="full">
        <UsageOverTimeCard report={report} />
      </GridArea>
      {notice && (
        <GridArea area="full">
          <PricingNotice text={notice} />
        </GridArea>
      )}
      {pricing && (
        <>
          <GridArea area="breakdown">
            <PricingCard
              reportedUSD={report.total_cost_usd}
              pricing={pricing}
              byModel={report.breakdowns?.by_model}
              onSetPrices={onSetPrices}
            />
          </GridArea>
          <GridArea area="efficiency">
            <CacheCard report={report} pricing={pricing} />
          </GridArea>
        </>
      )}
      {byUser && (
        <GridArea area="full">
          <UsersTable report={report} rows={byUser} />
        </GridArea>
      )}
      <BreakdownCards report={report} />
    </DashboardGrid>
  );
}
