import { useState } from 'react';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import RefreshOutlined from '@mui/icons-material/RefreshOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import { EVERYONE_USERNAME, type PeriodRequest, type Preset, type Report, type SourceInfo, type ThemeSetting } from '../../api';
import { AboutDialog } from '../../components/AboutDialog';
import { AppMark } from '../../components/AppMark';
import { ExportMenu } from './ExportMenu';
import { PeriodPicker } from '../period/PeriodPicker';
import { ProfileSwitcher, type ProfileSwitcherProps } from '../connections/ProfileSwitcher';
import { SessionEnds } from './SessionEnds';
import { shortcutLabel } from '../../utils/shortcutLabel';
import { ThemeToggle } from '../../components/ThemeToggle';
import { isEveryoneAccount } from '../../utils/breakdowns';

export interface TopBarProps {
  source?: SourceInfo;
  presets: Preset[];
  /** The period shown: a preset or custom range, local or UTC. */
  period: PeriodRequest;
  onPeriodChange: (period: PeriodRequest) => void;
  /** The report on screen, for Export (disabled without one). */
  report?: Report;
  onRefresh: () => void;
  /** A fetch is in flight: shows a thin progress bar under the bar. */
  busy: boolean;
  themeSetting: ThemeSetting;
  onThemeCycle: () => void;
  /** The connection switcher; hidden when not given. */
  connection?: ProfileSwitcherProps;
  /** Opens or closes the history of stored reports; the button is hidden when not given. */
  onHistory?: () => void;
  /** The history is open. */
  historyOpen?: boolean;
  /** Opens the settings; the button is hidden when not given. */
  onSettings?: () => void;
}

/**
 * "MongoDB db:27017 / claude_workflows · alice", or for the whole team
 * (`everyone`, or a source whose account is "*") "Everyone · MongoDB db:27017 / claude_workflows".
 */
function sourceLine(source?: SourceInfo, everyone = false): string {
  if (!source) return '';
  if (everyone || isEveryoneAccount(source.account)) {
    return [EVERYONE_USERNAME, source.label].filter((s) => s && s.trim()).join(' · ');
  }
  return [source.label, source.account].filter((s) => s && s.trim()).join(' · ');
}

/**
 * The app bar: the data source, the connection switcher, the period controls,
 * Export, Refresh, History, theme, Settings and About.
 */
export function TopBar(props: TopBarProps) {
  const { source, presets, period, onPeriodChange, report, onRefresh, busy, themeSetting, onThemeCycle, connection } = props;
  const { onHistory, historyOpen = false, onSettings } = props;
  const active = connection?.profiles.find((v) => v.profile.id === connection.activeId);
  const everyone = active?.profile.kind === 'mongodb' && isEveryoneAccount(active.profile.account);
  const line = sourceLine(source, everyone);
  const [aboutOpen, setAboutOpen] = useState(false);
  return (
    <AppBar position="sticky">
      <Toolbar sx={{ gap: 2, flexWrap: 'wrap', py: 1, minHeight: { xs: 64 } }}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flex: '1 1 200px', minWidth: 0 }}>
          <AppMark />
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="h6" component="h1" sx={{ lineHeight: 1.2 }}>
              usagedash
            </Typography>
            <Typography variant="caption" color="text.secondary" noWrap component="p" title={line} data-testid="source-line">
              {line || 'Connecting to data source…'}
            </Typography>
          </Box>
        </Stack>
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', ml: 'auto', flexWrap: 'wrap', rowGap: 1 }}>
          {connection && (
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mr: 1.5, minWidth: 0 }}>
              {active?.profile.kind === 'platform' && <SessionEnds session={active.session} />}
              <ProfileSwitcher {...connection} />
            </Stack>
          )}
          <PeriodPicker presets={presets} value={period} onChange={onPeriodChange} />
          <ExportMenu report={report} />
          <Tooltip title={`Refresh (${shortcutLabel('R')} or F5)`}>
            <IconButton onClick={onRefresh} aria-label="Refresh" sx={{ ml: 1 }}>
              <RefreshOutlined />
            </IconButton>
          </Tooltip>
          {onHistory && (
            <Tooltip title={`History (${shortcutLabel('H')})`}>
              <IconButton
                onClick={onHistory}
                aria-label="History"
                aria-pressed={historyOpen}
                color={historyOpen ? 'primary' : 'default'}
              >
                <HistoryOutlined />
              </IconButton>
            </Tooltip>
          )}
          <ThemeToggle setting={themeSetting} onCycle={onThemeCycle} />
          {onSettings && (
            <Tooltip title={`Settings (${shortcutLabel(',')})`}>
              <IconButton onClick={onSettings} aria-label="Settings">
                <SettingsOutlined />
              </IconButton>
            </Tooltip>
          )}
          <Tooltip title="About usagedash">
            <IconButton onClick={() => setAboutOpen(true)} aria-label="About usagedash">
              <InfoOutlined />
            </IconButton>
          </Tooltip>
        </Stack>
      </Toolbar>
      {busy && (
        <LinearProgress
          aria-label="Loading"
          sx={{ position: 'absolute', left: 0, right: 0, bottom: 0, height: 2, borderRadius: 0 }}
        />
      )}
      <AboutDialog open={aboutOpen} onClose={() => setAboutOpen(false)} />
    </AppBar>
  );
}
