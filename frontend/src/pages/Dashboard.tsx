import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Snackbar from '@mui/material/Snackbar';
import { refreshGlance, type PeriodRequest, type Report, type StoredReport } from '../api';
import { isEmptyReport, LiveReport } from '../features/dashboard/LiveReport';
import { MonthCard } from '../features/dashboard/MonthCard';
import type { ProfileSwitcherProps } from '../features/connections/ProfileSwitcher';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { StoredReportView } from '../features/history/StoredReportView';
import { TopBar } from '../features/dashboard/TopBar';
import { useAppInfo } from '../hooks/useAppInfo';
import { useGlance } from '../hooks/useGlance';
import { useHistoryShortcut } from '../hooks/useHistoryShortcut';
import { useNow } from '../hooks/useNow';
import { usePeriodChoice } from '../hooks/usePeriodChoice';
import { usePeriodShortcuts } from '../hooks/usePeriodShortcuts';
import { useRefreshShortcut } from '../hooks/useRefreshShortcut';
import { useReport } from '../hooks/useReport';
import { useSettingsShortcut } from '../hooks/useSettingsShortcut';
import type { ThemeModeState } from '../hooks/useThemeMode';
import { ALL_TIME_PRESET, presetRequest } from '../utils/period';
import { HistoryPage } from './HistoryPage';

/**
 * What the dashboard shows, as its data-state: a report, an empty one, an
 * error, or nothing settled yet ("loading", also while a report fetched
 * before is refetched) or the history.
 */
export type DashboardState = 'report' | 'empty' | 'error' | 'loading' | 'history';

const stateOf = (r: Report): DashboardState => (isEmptyReport(r) ? 'empty' : 'report');

export interface DashboardProps {
  theme: Pick<ThemeModeState, 'setting' | 'cycle'>;
  /** The connection switcher in the top bar. */
  connection?: ProfileSwitcherProps;
  /** The active platform profile has no session at all (not an ended one). */
  signedOut?: boolean;
  /** Opens the sign-in dialog for the active profile. */
  onSignIn?: () => void;
  /** Fetch was refused with "unauthorized": the session ended. */
  onSessionEnded?: () => void;
}

/**
 * The active profile's dashboard: the live report of the chosen period (the
 * stored one first, then the fetched one), the history of stored reports, or
 * one stored report opened from it.
 */
export function Dashboard(props: DashboardProps) {
  const { theme, connection, signedOut, onSignIn, onSessionEnded } = props;
  const activeId = connection?.activeId ?? '';
  const { presets, source } = useAppInfo(activeId);
  const [period, setPeriod] = usePeriodChoice();
  const live = useReport(period, activeId);
  const { status, report, storedEntry, error, offline, refresh: refreshReport } = live;
  const [historyOpen, setHistoryOpen] = useState(false);
  const [opened, setOpened] = useState<StoredReport>();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [settingsSaved, setSettingsSaved] = useState(false);
  const now = useNow();
  // Refreshing asks for a fresh "This month" too (it comes as a "glance" event).
  const refresh = useCallback(() => {
    refreshReport();
    refreshGlance().catch(() => {});
  }, [refreshReport]);
  useRefreshShortcut(refresh);
  const toggleHistory = useCallback(() => setHistoryOpen((o) => !o), []);
  useHistoryShortcut(toggleHistory, !settingsOpen);
  const [settingsSection, setSettingsSection] = useState<'prices'>();
  const openSettings = useCallback(() => {
    setSettingsSection(undefined);
    setSettingsOpen(true);
  }, []);
  const openPrices = useCallback(() => {
    setSettingsSection('prices');
    setSettingsOpen(true);
  }, []);
  useSettingsShortcut(openSettings);

  const glance = useGlance(activeId);
  const loading = status === 'loading';
  let shownState: DashboardState;
  if (historyOpen) shownState = 'history';
  else if (opened) shownState = stateOf(opened.report);
  else if (!report) shownState = loading || !error ? 'loading' : 'error';
  else if (loading && !storedEntry) shownState = 'loading'; // a refetch under the last fetched report
  else shownState = error && !offline ? 'error' : stateOf(report);

  const sessionEnded = error?.code === 'unauthorized';
  const sessionHasEnded = useEffectEvent(() => onSessionEnded?.());
  useEffect(() => {
    if (sessionEnded) sessionHasEnded();
  }, [sessionEnded, error]);

  const changePeriod = useCallback(
    (p: PeriodRequest) => {
      setPeriod(p);
      setHistoryOpen(false);
      setOpened(undefined);
    },
    [setPeriod],
  );
  usePeriodShortcuts(presets, period, changePeriod, !settingsOpen);
  const showAllTime = useCallback(() => changePeriod(presetRequest(ALL_TIME_PRESET, period.utc)), [changePeriod, period.utc]);
  const backToLive = useCallback(() => {
    setHistoryOpen(false);
    setOpened(undefined);
  }, []);
  const openStored = useCallback((s: StoredReport) => {
    setOpened(s);
    setHistoryOpen(false);
  }, []);
  const storedDeleted = useCallback((id: string) => setOpened((o) => (o?.entry.id === id ? undefined : o)), []);

  const activeProfile = connection?.profiles.find((v) => v.profile.id === activeId)?.profile;
  const account = activeProfile?.kind === 'mongodb' ? activeProfile.account : undefined;

  let body;
  if (historyOpen) {
    body = (
      <HistoryPage
        profileId={activeId}
        current={opened?.entry ?? storedEntry}
        now={now}
        onOpen={openStored}
        onClose={() => setHistoryOpen(false)}
        onDeleted={storedDeleted}
      />
    );
  } else if (opened) {
    body = (
      <StoredReportView
        stored={opened}
        now={now}
        account={opened.entry.profile_id === activeId ? account : undefined}
        onBackToLive={backToLive}
        onShowHistory={() => setHistoryOpen(true)}
        onSetPrices={openPrices}
      />
    );
  } else {
    body = (
      <LiveReport
        state={live}
        preset={period.preset}
        now={now}
        account={account}
        onRefresh={refresh}
        onShowAllTime={showAllTime}
        onSignIn={onSignIn}
        signedOut={signedOut}
        onSetPrices={openPrices}
        monthCard={glance && <MonthCard glance={glance} now={now} onSetBudget={openSettings} />}
      />
    );
  }

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <TopBar
        source={source ?? report?.source}
        presets={presets}
        period={period}
        onPeriodChange={changePeriod}
        report={historyOpen ? undefined : (opened?.report ?? report)}
        onRefresh={refresh}
        busy={loading}
        themeSetting={theme.setting}
        onThemeCycle={theme.cycle}
        connection={connection}
        onHistory={toggleHistory}
        historyOpen={historyOpen}
        onSettings={openSettings}
      />
      <Box
        component="main"
        aria-busy={loading}
        data-state={shownState}
        sx={{ flex: 1, width: '100%', maxWidth: 1440, mx: 'auto', px: { xs: 2, sm: 3 }, py: { xs: 2, sm: 3 } }}
      >
        {body}
      </Box>
      <SettingsDialog
        open={settingsOpen}
        profile={activeProfile}
        section={settingsSection}
        unpricedModels={(opened?.report ?? report)?.pricing?.unpriced_models ?? undefined}
        onClose={() => setSettingsOpen(false)}
        onSaved={() => {
          setSettingsOpen(false);
          setSettingsSaved(true);
          refresh(); // saved prices change the computed figures
        }}
      />
      <Snackbar
        open={settingsSaved}
        autoHideDuration={4000}
        onClose={() => setSettingsSaved(false)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        <Alert severity="success" variant="filled" onClose={() => setSettingsSaved(false)} sx={{ width: '100%' }}>
          Settings saved
        </Alert>
      </Snackbar>
    </Box>
  );
}
