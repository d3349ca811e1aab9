import { useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { validateRange, type RangeErrors } from '../../utils/period';

/** The webview has a date input (otherwise the fields are plain text, YYYY-MM-DD). */
function dateInputSupported(): boolean {
  if (typeof document === 'undefined') return false;
  const input = document.createElement('input');
  input.setAttribute('type', 'date');
  input.value = 'not-a-date';
  return input.type === 'date' && input.value !== 'not-a-date';
}

const DATE_INPUT = dateInputSupported();

export interface CustomRangeDialogProps {
  open: boolean;
  /** The days filled in when it opens (YYYY-MM-DD). */
  initialFrom: string;
  initialTo: string;
  /** The last day that may be chosen (YYYY-MM-DD). */
  today: string;
  /** The zone the days are read in, for the hint: "your time zone (Europe/Berlin)" or "UTC". */
  zoneName: string;
  onApply: (from: string, to: string) => void;
  onClose: () => void;
}

function DayField(props: { id: string; label: string; value: string; max: string; error?: string; onChange: (v: string) => void; autoFocus?: boolean }) {
  const { id, label, value, max, error, onChange, autoFocus } = props;
  return (
    <TextField
      id={id}
      label={label}
      type={DATE_INPUT ? 'date' : 'text'}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={!!error}
      helperText={error ?? ' '}
      autoFocus={autoFocus}
      required
      fullWidth
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: { max, placeholder: 'YYYY-MM-DD', inputMode: DATE_INPUT ? undefined : 'numeric' },
      }}
    />
  );
}

/** The form of the dialog, mounted anew each time it opens (so it starts from the initial days). */
function RangeForm(props: Omit<CustomRangeDialogProps, 'open'>) {
  const { initialFrom, initialTo, today, zoneName, onApply, onClose } = props;
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState(initialTo);
  const [tried, setTried] = useState(false);
  const errors: RangeErrors = tried ? validateRange(from, to, today) : {};

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    const found = validateRange(from, to, today);
    if (!found.from && !found.to) onApply(from.trim(), to.trim());
  };

  return (
    <form onSubmit={submit} noValidate>
      <DialogTitle id="custom-range-title">Custom range</DialogTitle>
      <DialogContent>
        <DialogContentText id="custom-range-hint" variant="body2" sx={{ mb: 2 }}>
          Whole days, both included, in {zoneName}.
        </DialogContentText>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ pt: 1 }}>
          <DayField id="custom-range-from" label="From" value={from} max={today} error={errors.from} onChange={setFrom} autoFocus />
          <DayField id="custom-range-to" label="To" value={to} max={today} error={errors.to} onChange={setTo} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="contained">
          Apply
        </Button>
      </DialogActions>
    </form>
  );
}

/**
 * Asks for a custom period, From and To as whole days (YYYY-MM-DD): each a
 * real day not after today, From ≤ To, with the errors under the fields.
 * Enter applies, Esc cancels.
 */
export function CustomRangeDialog({ open, ...rest }: CustomRangeDialogProps) {
  // A fresh form each time it opens; the last one stays while the dialog fades out.
  const [session, setSession] = useState({ open, n: 0 });
  if (session.open !== open) setSession({ open, n: open ? session.n + 1 : session.n });
  return (
    <Dialog
      open={open}
      onClose={rest.onClose}
      aria-labelledby="custom-range-title"
      aria-describedby="custom-range-hint"
      maxWidth="xs"
      fullWidth
    >
      <RangeForm key={session.n} {...rest} />
    </Dialog>
  );
}
