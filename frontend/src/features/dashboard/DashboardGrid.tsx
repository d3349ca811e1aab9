import type { ReactNode } from 'react';
import Box, { type BoxProps } from '@mui/material/Box';

/**
 * The dashboard's responsive grid: one column under 600px, two from 600px,
 * twelve from 1100px (the default 1180px window), hero cost spanning wider.
 */
export function DashboardGrid(props: BoxProps) {
  return (
    <Box
      {...props}
      sx={{
        display: 'grid',
        gap: 2,
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'repeat(2, minmax(0, 1fr))', lg: 'repeat(12, minmax(0, 1fr))' },
        ...props.sx,
      }}
    />
  );
}

type Area = 'hero' | 'stats' | 'breakdown' | 'efficiency' | 'full' | 'third' | 'thirdWide';

const SPANS: Record<Area, { sm: string; lg: string }> = {
  hero: { sm: 'span 2', lg: 'span 5' },
  stats: { sm: 'span 2', lg: 'span 7' },
  breakdown: { sm: 'span 1', lg: 'span 7' },
  efficiency: { sm: 'span 1', lg: 'span 5' },
  full: { sm: 'span 2', lg: 'span 12' },
  /** A third of the row from 1100px, half of it from 600px. */
  third: { sm: 'span 1', lg: 'span 4' },
  /** A third of the row from 1100px, the whole of it from 600px. */
  thirdWide: { sm: 'span 2', lg: 'span 4' },
};

/** A cell of DashboardGrid; "stats" is itself a row of three cards from 600px. */
export function GridArea({ area, children }: { area: Area; children: ReactNode }) {
  const span = SPANS[area];
  return (
    <Box
      sx={{
        gridColumn: { xs: 'auto', sm: span.sm, lg: span.lg },
        minWidth: 0,
        ...(area === 'stats' && {
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'repeat(3, minmax(0, 1fr))' },
        }),
      }}
    >
      {children}
    </Box>
  );
}
