import { useEffect, useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import VisibilityOffOutlined from '@mui/icons-material/VisibilityOffOutlined';
import VisibilityOutlined from '@mui/icons-material/VisibilityOutlined';
import { activateProfile, signIn, toApiError, type ProfileView } from '../../api';
import { useSticky } from '../../hooks/useSticky';

export interface SignInDialogProps {
  /** The platform profile to sign in to; the dialog is open while set. */
  view?: ProfileView;
  /** The sample platform's demo credentials, hinted on the demo profile. */
  demo?: { login: string; password: string };
  onClose: () => void;
  /** After SignIn and Activate both succeeded. */
  onSignedIn: (profileId: string) => void;
  /** Opens the profile form for this profile (to change the address or login). */
  onEditProfile?: (view: ProfileView) => void;
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Stack direction="row" spacing={1.5} sx={{ minWidth: 0 }}>
      <Typography variant="body2" color="text.secondary" sx={{ width: 72, flexShrink: 0 }}>
        {label}
      </Typography>
      <Typography variant="body2" noWrap title={value} sx={{ fontWeight: 500, minWidth: 0 }}>
        {value || '—'}
      </Typography>
    </Stack>
  );
}

/**
 * Asks for the password of a platform profile. The password lives only in
 * this component's state, is cleared after a successful sign-in or when the
 * dialog closes, and is never written anywhere.
 */
export function SignInDialog({ view, demo, onClose, onSignedIn, onEditProfile }: SignInDialogProps) {
  const [password, setPassword] = useState('');
  const [visible, setVisible] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [focused, setFocused] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const attempt = useRef(0);
  const id = view?.profile.id;

  // Another profile starts afresh; a sign-in still in flight for the last one is ignored.
  const [formFor, setFormFor] = useState(id);
  if (formFor !== id) {
    setFormFor(id);
    setPassword('');
    setVisible(false);
    setBusy(false);
    setError('');
    setFocused(false);
  }
  useEffect(() => {
    attempt.current++;
  }, [id]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!id || busy) return;
    if (!password) {
      setError('Enter your password.');
      inputRef.current?.focus();
      return;
    }
    const mine = ++attempt.current;
    setBusy(true);
    setError('');
    try {
      await signIn(id, password);
      if (mine !== attempt.current) return;
      setPassword('');
      await activateProfile(id);
      if (mine !== attempt.current) return;
      onSignedIn(id);
    } catch (err) {
      if (mine !== attempt.current) return;
      setError(toApiError(err).message);
      const input = inputRef.current;
      if (input) {
        input.focus();
        input.select();
      }
    } finally {
      if (mine === attempt.current) setBusy(false);
    }
  }

  function close() {
    attempt.current++;
    setPassword('');
    onClose();
  }

  const shown = useSticky(view);
  const profile = shown?.profile;
  const showDemo = profile?.demo && demo?.login;
  return (
    <Dialog open={!!view} onClose={close} maxWidth="xs" fullWidth aria-labelledby="sign-in-title">
      <Box component="form" noValidate onSubmit={submit} aria-busy={busy} data-state={id && focused ? 'signin' : 'opening'}>
        {busy && (
          <LinearProgress aria-label="Signing in" sx={{ position: 'absolute', top: 0, left: 0, right: 0, height: 2 }} />
        )}
        <DialogTitle id="sign-in-title">Sign in to {profile?.name}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <Box
              sx={{ p: 1.5, borderRadius: 2, border: 1, borderColor: 'divider', bgcolor: 'action.hover' }}
              data-testid="sign-in-summary"
            >
              <Stack spacing={0.5}>
                <Row label="Address" value={profile?.base_url ?? ''} />
                <Row label="Account" value={profile?.login ?? ''} />
              </Stack>
              {onEditProfile && shown && (
                <Link
                  component="button"
                  type="button"
                  variant="body2"
                  onClick={() => onEditProfile(shown)}
                  sx={{ mt: 0.75 }}
                >
                  Edit connection
                </Link>
              )}
            </Box>
            {shown?.insecure && (
              <Alert severity="warning" role="note">This connection uses plain HTTP: your password travels unencrypted.</Alert>
            )}
            {showDemo && (
              <Alert severity="info" variant="outlined" role="note">
                Sample platform — sign in as <b style={{ whiteSpace: 'nowrap' }}>{demo.login}</b> /{' '}
                <b style={{ whiteSpace: 'nowrap' }}>{demo.password}</b>
              </Alert>
            )}
            <TextField
              inputRef={inputRef}
              label="Password"
              type={visible ? 'text' : 'password'}
              name="password"
              autoComplete="current-password"
              autoFocus
              fullWidth
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              onFocus={() => setFocused(true)}
              onBlur={() => setFocused(false)}
              error={!!error}
              helperText={error || ' '}
              slotProps={{
                htmlInput: { readOnly: busy, 'data-testid': 'password-input' },
                formHelperText: error ? ({ role: 'alert', 'data-metric': 'signin_error' } as object) : undefined,
                input: {
                  endAdornment: (
                    <InputAdornment position="end">
                      <IconButton
                        edge="end"
                        onClick={() => setVisible((v) => !v)}
                        aria-label={visible ? 'Hide password' : 'Show password'}
                        aria-pressed={visible}
                      >
                        {visible ? <VisibilityOffOutlined /> : <VisibilityOutlined />}
                      </IconButton>
                    </InputAdornment>
                  ),
                },
              }}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2.5 }}>
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
