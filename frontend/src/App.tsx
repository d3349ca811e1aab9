import { useMemo } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { useThemeMode } from './hooks/useThemeMode';
import { AppFlow } from './AppFlow';
import { createAppTheme } from './theme';

export function App() {
  const themeMode = useThemeMode();
  const theme = useMemo(() => createAppTheme(themeMode.mode), [themeMode.mode]);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline enableColorScheme />
      <AppFlow theme={themeMode} />
    </ThemeProvider>
  );
}
