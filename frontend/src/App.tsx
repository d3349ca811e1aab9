import { useMemo } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { useThemeMode } from './hooks/useThemeMode';
import { Dashboard } from './pages/Dashboard';
import { createAppTheme } from './theme';

export function App() {
  const themeMode = useThemeMode();
  const theme = useMemo(() => createAppTheme(themeMode.mode), [themeMode.mode]);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline enableColorScheme />
      <Dashboard theme={themeMode} />
    </ThemeProvider>
  );
}
