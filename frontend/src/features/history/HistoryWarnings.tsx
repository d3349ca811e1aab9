import { useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import Typography from '@mui/material/Typography';
import type { HistoryWarning } from '../../api';
import { skippedTitle } from '../../utils/history';

/** Stored files that could not be read (damaged, truncated, from a newer version), with why. */
export function HistoryWarnings({ warnings }: { warnings: HistoryWarning[] }) {
  const [open, setOpen] = useState(false);
  if (warnings.length === 0) return null;
  return (
    <Alert
      severity="warning"
      data-testid="history-warnings"
      action={
        <Button color="inherit" size="small" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? 'Hide details' : 'Show details'}
        </Button>
      }
    >
      <AlertTitle>{skippedTitle(warnings.length)}</AlertTitle>
      The other reports are not affected.
      <Collapse in={open} unmountOnExit>
        <Box component="ul" sx={{ m: 0, mt: 1, pl: 2.5 }}>
          {warnings.map((w, i) => (
            <li key={`${w.file}-${i}`}>
              <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                {w.file}
              </Typography>
              {' — '}
              {w.reason}
            </li>
          ))}
        </Box>
      </Collapse>
    </Alert>
  );
}
