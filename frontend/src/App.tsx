import { useMemo, useState } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider } from '@tanstack/react-query';
import { useBackendEvents } from './hooks/useBackendEvents';
import { createQueryClient } from './hooks/queryClient';
import { useThemeMode } from './hooks/useThemeMode';
import { AppFlow } from './AppFlow';
import { createAppTheme } from './theme';

function ThemedApp() {
  useBackendEvents();
  const themeMode = useThemeMode();
  const theme = useMemo(() => createAppTheme(themeMode.mode), [themeMode.mode]);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline enableColorScheme />
      <AppFlow theme={themeMode} />
    </ThemeProvider>
  );
}

/** The window: the server-state cache, the theme and the screens. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ThemedApp />
    </QueryClientProvider>
  );
}
