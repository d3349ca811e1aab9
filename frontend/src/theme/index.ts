import { alpha, createTheme, type Theme } from '@mui/material/styles';

/** The four token kinds Anthropic bills separately, in display order. */
export type TokenKind = 'input' | 'output' | 'cacheCreation' | 'cacheRead';

declare module '@mui/material/styles' {
  interface Palette {
    tokenKinds: Record<TokenKind, string>;
  }
  interface PaletteOptions {
    tokenKinds?: Record<TokenKind, string>;
  }
}

const FONT_STACK = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  '"Noto Sans"',
  '"Liberation Sans"',
  'Arial',
  'sans-serif',
  '"Apple Color Emoji"',
  '"Segoe UI Emoji"',
].join(',');

const tokenKinds = {
  light: { input: '#2563eb', output: '#7c3aed', cacheCreation: '#d97706', cacheRead: '#0d9488' },
  dark: { input: '#60a5fa', output: '#a78bfa', cacheCreation: '#fbbf24', cacheRead: '#2dd4bf' },
} as const;

/** The one theme of the app, in light or dark mode. */
export function createAppTheme(mode: 'light' | 'dark'): Theme {
  const dark = mode === 'dark';
  const theme = createTheme({
    palette: {
      mode,
      primary: { main: dark ? '#8fa8ff' : '#3b5bdb' },
      secondary: { main: dark ? '#c4b5fd' : '#6d28d9' },
      background: dark
        ? { default: '#0f1115', paper: '#171a21' }
        : { default: '#f5f6f8', paper: '#ffffff' },
      text: dark
        ? { primary: '#e8eaf0', secondary: '#a2a9b8' }
        : { primary: '#111827', secondary: '#5b6472' },
      divider: dark ? 'rgba(255,255,255,0.09)' : 'rgba(17,24,39,0.09)',
      tokenKinds: dark ? tokenKinds.dark : tokenKinds.light,
    },
    // lg starts at 1100px: the default 1180px window gets the 12-column grid.
    breakpoints: { values: { xs: 0, sm: 600, md: 900, lg: 1100, xl: 1536 } },
    shape: { borderRadius: 12 },
    typography: {
      fontFamily: FONT_STACK,
      h1: { fontWeight: 700, fontSize: '3rem', letterSpacing: '-0.03em', lineHeight: 1.1 },
      h4: { fontWeight: 650, fontSize: '1.75rem', letterSpacing: '-0.02em', lineHeight: 1.2 },
      h6: { fontWeight: 650, fontSize: '1rem', letterSpacing: '-0.005em' },
      subtitle2: { fontWeight: 600 },
      overline: { fontWeight: 600, letterSpacing: '0.08em', lineHeight: 1.6 },
      button: { textTransform: 'none', fontWeight: 600 },
    },
  });

  const focusRing = {
    outline: `2px solid ${theme.palette.primary.main}`,
    outlineOffset: 2,
  };

  return createTheme(theme, {
    components: {
      MuiCssBaseline: {
        styleOverrides: {
          body: { WebkitFontSmoothing: 'antialiased', MozOsxFontSmoothing: 'grayscale' },
          '[data-metric]': { fontVariantNumeric: 'tabular-nums' },
          '[data-metric]:focus-visible': { ...focusRing, borderRadius: 4 },
        },
      },
      MuiPaper: { defaultProps: { elevation: 0 } },
      MuiCard: {
        defaultProps: { variant: 'outlined' },
        styleOverrides: {
          root: {
            borderColor: theme.palette.divider,
            backgroundColor: theme.palette.background.paper,
            boxShadow: dark ? 'none' : '0 1px 2px rgba(17,24,39,0.04)',
          },
        },
      },
      MuiCardContent: {
        styleOverrides: { root: { padding: 20, '&:last-child': { paddingBottom: 20 } } },
      },
      MuiAppBar: {
        defaultProps: { elevation: 0, color: 'inherit' },
        styleOverrides: {
          root: {
            backgroundColor: theme.palette.background.paper,
            borderBottom: `1px solid ${theme.palette.divider}`,
          },
        },
      },
      MuiButtonBase: {
        styleOverrides: { root: { '&.Mui-focusVisible': focusRing } },
      },
      MuiOutlinedInput: {
        styleOverrides: {
          root: {
            '&.Mui-focused .MuiOutlinedInput-notchedOutline': { borderWidth: 2 },
          },
        },
      },
      MuiLinearProgress: {
        styleOverrides: {
          root: { borderRadius: 4, backgroundColor: alpha(theme.palette.text.primary, dark ? 0.1 : 0.07) },
          bar: { borderRadius: 4 },
        },
      },
      MuiTooltip: {
        defaultProps: { arrow: true },
        styleOverrides: { tooltip: { fontSize: '0.8125rem', fontVariantNumeric: 'tabular-nums' } },
      },
      MuiSkeleton: { defaultProps: { animation: 'wave' } },
      MuiAlert: { styleOverrides: { root: { borderRadius: 12 } } },
    },
  });
}
