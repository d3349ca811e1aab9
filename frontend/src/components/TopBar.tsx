import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { alpha, styled } from '@mui/material/styles';
import InsightsOutlined from '@mui/icons-material/InsightsOutlined';
import RefreshOutlined from '@mui/icons-material/RefreshOutlined';
import type { Preset, SourceInfo, ThemeSetting } from '../api';
import { PeriodSelect } from './PeriodSelect';
import { ThemeToggle } from './ThemeToggle';

const Logo = styled('span')(({ theme }) => ({
  display: 'inline-flex',
  padding: 6,
  borderRadius: 10,
  color: theme.palette.primary.contrastText,
  backgroundColor: theme.palette.primary.main,
  boxShadow: `0 2px 8px ${alpha(theme.palette.primary.main, 0.35)}`,
}));

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform || navigator.userAgent);

export interface TopBarProps {
  source?: SourceInfo;
  presets: Preset[];
  preset: string;
  onPresetChange: (preset: string) => void;
  onRefresh: () => void;
  /** A fetch is in flight: shows a thin progress bar under the bar. */
  busy: boolean;
  themeSetting: ThemeSetting;
  onThemeCycle: () => void;
}

export function sourceLine(source?: SourceInfo): string {
  if (!source) return '';
  return [source.label, source.account].filter((s) => s && s.trim()).join(' · ');
}

export function TopBar(props: TopBarProps) {
  const { source, presets, preset, onPresetChange, onRefresh, busy, themeSetting, onThemeCycle } = props;
  const line = sourceLine(source);
  return (
    <AppBar position="sticky">
      <Toolbar sx={{ gap: 2, flexWrap: 'wrap', py: 1, minHeight: { xs: 64 } }}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flex: '1 1 200px', minWidth: 0 }}>
          <Logo aria-hidden>
            <InsightsOutlined fontSize="small" />
          </Logo>
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="h6" component="h1" sx={{ lineHeight: 1.2 }}>
              usagedash
            </Typography>
            <Typography variant="caption" color="text.secondary" noWrap component="p" title={line} data-testid="source-line">
              {line || 'Connecting to data source…'}
            </Typography>
          </Box>
        </Stack>
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', ml: 'auto' }}>
          <PeriodSelect presets={presets} value={preset} onChange={onPresetChange} />
          <Tooltip title={`Refresh (${isMac ? '⌘R' : 'Ctrl+R'} or F5)`}>
            <IconButton onClick={onRefresh} aria-label="Refresh" sx={{ ml: 1 }}>
              <RefreshOutlined />
            </IconButton>
          </Tooltip>
          <ThemeToggle setting={themeSetting} onCycle={onThemeCycle} />
        </Stack>
      </Toolbar>
      {busy && (
        <LinearProgress
          aria-label="Loading"
          sx={{ position: 'absolute', left: 0, right: 0, bottom: 0, height: 2, borderRadius: 0 }}
        />
      )}
    </AppBar>
  );
}
