import { useCallback, useState } from 'react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AccountTreeOutlined from '@mui/icons-material/AccountTreeOutlined';
import DataUsageOutlined from '@mui/icons-material/DataUsageOutlined';
import LayersOutlined from '@mui/icons-material/LayersOutlined';
import type { RenderState, Report } from '../api';
import { CostHero } from '../components/CostHero';
import { DashboardGrid, GridArea } from '../components/DashboardGrid';
import { EfficiencyCard } from '../components/EfficiencyCard';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { StatCard } from '../components/StatCard';
import { TokenBreakdownCard } from '../components/TokenBreakdownCard';
import { TopBar } from '../components/TopBar';
import { useAppInfo } from '../hooks/useAppInfo';
import { useNow } from '../hooks/useNow';
import { useRefreshShortcut } from '../hooks/useRefreshShortcut';
import { useRenderProbe } from '../hooks/useRenderProbe';
import { useReport } from '../hooks/useReport';
import type { ThemeModeState } from '../hooks/useThemeMode';
import { formatCompact, formatDateTime, formatInteger, formatPeriodRange, formatRelativeTime } from '../utils/format';

export const DEFAULT_PRESET = 'last_30_days';
export const ALL_TIME_PRESET = 'all_time';

/** No usage at all in the period (the backend's Report.IsEmpty). */
export function isEmptyReport(r: Report): boolean {
  return !r.total_tokens && !r.total_cost_usd && !r.total_execution_time_ms;
}

function ReportView({ report }: { report: Report }) {
  return (
    <DashboardGrid>
      <GridArea area="hero">
        <CostHero costUSD={report.total_cost_usd} caption="Anthropic API spend in this period" />
      </GridArea>
      <GridArea area="stats">
        <StatCard
          label="Total tokens"
          icon={<DataUsageOutlined fontSize="small" />}
          metric="total_tokens"
          text={formatCompact(report.total_tokens)}
          exact={formatInteger(report.total_tokens)}
          caption="All token kinds"
        />
        <StatCard
          label="Workflows"
          icon={<AccountTreeOutlined fontSize="small" />}
          metric="total_workflows"
          text={formatInteger(report.total_workflows)}
          exact={formatInteger(report.total_workflows)}
          caption="Owned, all time"
        />
        <StatCard
          label="Instances"
          icon={<LayersOutlined fontSize="small" />}
          metric="total_instances"
          text={formatInteger(report.total_instances)}
          exact={formatInteger(report.total_instances)}
          caption="Claude Code runs, all time"
        />
      </GridArea>
      <GridArea area="breakdown">
        <TokenBreakdownCard report={report} />
      </GridArea>
      <GridArea area="efficiency">
        <EfficiencyCard report={report} />
      </GridArea>
    </DashboardGrid>
  );
}

function PeriodHeader({ report, now }: { report: Report; now: number }) {
  return (
    <Stack
      direction={{ xs: 'column', sm: 'row' }}
      sx={{ alignItems: { xs: 'flex-start', sm: 'baseline' }, justifyContent: 'space-between', columnGap: 2, rowGap: 0.5 }}
    >
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'baseline', flexWrap: 'wrap', minWidth: 0 }}>
        <Typography variant="h6" component="h2">
          {report.period?.label}
        </Typography>
        <Typography variant="body2" color="text.secondary" data-testid="period-range">
          {formatPeriodRange(report.period?.start, report.period?.end)}
        </Typography>
      </Stack>
      <Tooltip title={`Generated ${formatDateTime(report.generated_at)}`}>
        <Typography variant="body2" color="text.secondary" tabIndex={0} data-testid="updated-at">
          Updated {formatRelativeTime(report.generated_at, now)}
        </Typography>
      </Tooltip>
    </Stack>
  );
}

export interface DashboardProps {
  theme: Pick<ThemeModeState, 'setting' | 'cycle'>;
}

export function Dashboard({ theme }: DashboardProps) {
  const { presets, source } = useAppInfo();
  const [preset, setPreset] = useState(DEFAULT_PRESET);
  const { status, report, error, refresh } = useReport(preset);
  const now = useNow();
  useRefreshShortcut(refresh);

  const loading = status === 'loading';
  const empty = report ? isEmptyReport(report) : false;
  const probeState: RenderState | undefined = loading ? undefined : error ? 'error' : empty ? 'empty' : 'report';
  useRenderProbe(probeState, report, error);

  const showAllTime = useCallback(() => setPreset(ALL_TIME_PRESET), []);

  let body;
  if (!report) {
    body = error ? <ErrorState error={error} onRetry={refresh} /> : <LoadingState />;
  } else {
    const staleNote =
      error && `Showing ${report.period?.label ?? 'the previous report'} as of ${formatDateTime(report.generated_at)}.`;
    body = (
      <Stack spacing={2}>
        {error && <ErrorState error={error} onRetry={refresh} staleNote={staleNote || ''} />}
        <PeriodHeader report={report} now={now} />
        {empty ? (
          <EmptyState
            periodLabel={report.period?.label ?? ''}
            preset={report.period?.preset ?? preset}
            onShowAllTime={showAllTime}
          />
        ) : (
          <ReportView report={report} />
        )}
      </Stack>
    );
  }

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <TopBar
        source={source ?? report?.source}
        presets={presets}
        preset={preset}
        onPresetChange={setPreset}
        onRefresh={refresh}
        busy={loading}
        themeSetting={theme.setting}
        onThemeCycle={theme.cycle}
      />
      <Box
        component="main"
        aria-busy={loading}
        sx={{ flex: 1, width: '100%', maxWidth: 1440, mx: 'auto', px: { xs: 2, sm: 3 }, py: { xs: 2, sm: 3 } }}
      >
        {body}
      </Box>
    </Box>
  );
}
