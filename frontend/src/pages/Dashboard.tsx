import { useCallback, useEffect, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { RenderState, Report } from '../api';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import type { ProfileSwitcherProps } from '../components/ProfileSwitcher';
import { ReportView } from '../components/ReportView';
import { SessionEndedBanner } from '../components/SessionEndedBanner';
import { TopBar } from '../components/TopBar';
import { useAppInfo } from '../hooks/useAppInfo';
import { useNow } from '../hooks/useNow';
import { useRefreshShortcut } from '../hooks/useRefreshShortcut';
import { useRenderProbe } from '../hooks/useRenderProbe';
import { useReport } from '../hooks/useReport';
import type { ThemeModeState } from '../hooks/useThemeMode';
import { formatDateTime, formatPeriodRange, formatRelativeTime } from '../utils/format';

export const DEFAULT_PRESET = 'last_30_days';
export const ALL_TIME_PRESET = 'all_time';

/** No usage at all in the period (the backend's Report.IsEmpty). */
export function isEmptyReport(r: Report): boolean {
  return !r.total_tokens && !r.total_cost_usd && !r.total_execution_time_ms;
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
  /** Changing it refetches the report, keeping the current one visible (e.g. after signing in). */
  reloadKey?: unknown;
  /** False while something else (a dialog) owns the render probe. */
  probeActive?: boolean;
  /** The connection switcher in the top bar. */
  connection?: ProfileSwitcherProps;
  /** The active platform profile has no session at all (not an ended one). */
  signedOut?: boolean;
  /** Opens the sign-in dialog for the active profile. */
  onSignIn?: () => void;
  /** Fetch was refused with "unauthorized": the session ended. */
  onSessionEnded?: () => void;
}

export function Dashboard(props: DashboardProps) {
  const { theme, reloadKey, probeActive = true, connection, signedOut, onSignIn, onSessionEnded } = props;
  const { presets, source } = useAppInfo();
  const [preset, setPreset] = useState(DEFAULT_PRESET);
  const { status, report, error, refresh } = useReport(preset, reloadKey);
  const now = useNow();
  useRefreshShortcut(refresh);

  const loading = status === 'loading';
  const empty = report ? isEmptyReport(report) : false;
  const probeState: RenderState | undefined =
    loading || !probeActive ? undefined : error ? 'error' : empty ? 'empty' : 'report';
  useRenderProbe(probeState, report, error);

  const sessionEnded = error?.code === 'unauthorized';
  const onSessionEndedRef = useRef(onSessionEnded);
  onSessionEndedRef.current = onSessionEnded;
  useEffect(() => {
    if (sessionEnded) onSessionEndedRef.current?.();
  }, [sessionEnded, error]);

  const showAllTime = useCallback(() => setPreset(ALL_TIME_PRESET), []);
  const activeProfile = connection?.profiles.find((v) => v.profile.id === connection.activeId)?.profile;
  const account = activeProfile?.kind === 'mongodb' ? activeProfile.account : undefined;

  let body;
  if (!report) {
    if (error && sessionEnded) body = <SessionEndedBanner message={error.message} onSignIn={onSignIn} signedOut={signedOut} />;
    else body = error ? <ErrorState error={error} onRetry={refresh} /> : <LoadingState />;
  } else {
    const staleNote =
      error && `Showing ${report.period?.label ?? 'the previous report'} as of ${formatDateTime(report.generated_at)}.`;
    body = (
      <Stack spacing={2}>
        {error &&
          (sessionEnded ? (
            <SessionEndedBanner
              message={error.message}
              staleNote={staleNote || ''}
              onSignIn={onSignIn}
              signedOut={signedOut}
            />
          ) : (
            <ErrorState error={error} onRetry={refresh} staleNote={staleNote || ''} />
          ))}
        <PeriodHeader report={report} now={now} />
        {empty ? (
          <EmptyState
            periodLabel={report.period?.label ?? ''}
            preset={report.period?.preset ?? preset}
            onShowAllTime={showAllTime}
          />
        ) : (
          <ReportView report={report} account={account} />
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
        connection={connection}
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
