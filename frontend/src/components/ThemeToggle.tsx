import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import DarkModeOutlined from '@mui/icons-material/DarkModeOutlined';
import LightModeOutlined from '@mui/icons-material/LightModeOutlined';
import SettingsBrightnessOutlined from '@mui/icons-material/SettingsBrightnessOutlined';
import type { ThemeSetting } from '../api';

const LABELS: Record<ThemeSetting, string> = {
  system: 'Theme: follow system',
  light: 'Theme: light',
  dark: 'Theme: dark',
};

/** Cycles the theme setting: system → light → dark. */
export function ThemeToggle({ setting, onCycle }: { setting: ThemeSetting; onCycle: () => void }) {
  const icon =
    setting === 'light' ? (
      <LightModeOutlined />
    ) : setting === 'dark' ? (
      <DarkModeOutlined />
    ) : (
      <SettingsBrightnessOutlined />
    );
  return (
    <Tooltip title={`${LABELS[setting]} (click to change)`}>
      <IconButton onClick={onCycle} aria-label={LABELS[setting]}>
        {icon}
      </IconButton>
    </Tooltip>
  );
}
