import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

export interface LabelledValueProps {
  label: ReactNode;
  children: ReactNode;
  /** Space under the label (theme spacing units). */
  gap?: number;
}

/** One term and value of a card's definition list (a `<dl>`): the label above, the value under it. */
export function LabelledValue({ label, children, gap = 0 }: LabelledValueProps) {
  return (
    <div>
      <Typography component="dt" variant="body2" color="text.secondary" sx={{ mb: gap }}>
        {label}
      </Typography>
      <Box component="dd" sx={{ m: 0 }}>
        {children}
      </Box>
    </div>
  );
}
