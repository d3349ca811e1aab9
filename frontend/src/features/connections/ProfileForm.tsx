import { useEffect, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { saveProfile, toApiError, type Profile, type ProfileView, type SourceKind } from '../../api';
import { useMongoCheck } from '../../hooks/useMongoCheck';
import { AccountPicker } from './AccountPicker';
import { TestConnectionButton } from './TestConnectionButton';
import { KindIcon } from './KindIcon';

const DEFAULT_DATABASE = 'claude_workflows';

interface Values {
  kind: SourceKind;
  name: string;
  base_url: string;
  login: string;
  allow_insecure_http: boolean;
  mongo_uri: string;
  database: string;
  account: string;
}

type Field = Exclude<keyof Values, 'kind' | 'allow_insecure_http'>;
type Errors = Partial<Record<Field, string>>;

function initialValues(v?: ProfileView): Values {
  const p = v?.profile;
  return {
    kind: p?.kind === 'mongodb' ? 'mongodb' : 'platform',
    name: p?.name ?? '',
    base_url: p?.base_url ?? '',
    login: p?.login ?? '',
    allow_insecure_http: p?.allow_insecure_http ?? false,
    mongo_uri: p?.mongo_uri ?? '',
    database: p?.database ?? '',
    account: p?.account ?? '',
  };
}

/** Required fields and URL schemes; "" when fine. */
function validateProfile(v: Values): Errors {
  const e: Errors = {};
  if (!v.name.trim()) e.name = 'Give the connection a name.';
  if (v.kind === 'platform') {
    const url = v.base_url.trim();
    if (!url) e.base_url = 'Enter the platform’s address.';
    else if (!/^https?:\/\/[^\s/]+/i.test(url)) e.base_url = 'Start the address with https://';
    if (!v.login.trim()) e.login = 'Enter the username or email you sign in with.';
  } else {
    const uri = v.mongo_uri.trim();
    if (!uri) e.mongo_uri = 'Enter the connection string.';
    else if (!/^mongodb(\+srv)?:\/\/\S+/i.test(uri)) e.mongo_uri = 'Start with mongodb:// or mongodb+srv://';
    if (!v.account.trim()) e.account = 'Enter whose usage to show: a username or email.';
  }
  return e;
}

/** The profile to send to Save: only the fields of its kind, trimmed. */
function toProfile(v: Values, original?: Profile): Profile {
  const base: Profile = { id: original?.id ?? '', name: v.name.trim(), kind: v.kind };
  if (original?.demo) base.demo = true;
  if (v.kind === 'platform') {
    return { ...base, base_url: v.base_url.trim(), login: v.login.trim(), allow_insecure_http: v.allow_insecure_http };
  }
  return { ...base, mongo_uri: v.mongo_uri.trim(), database: v.database.trim(), account: v.account.trim() };
}

export interface ProfileFormProps {
  open: boolean;
  /** The profile to edit; a new one when undefined. */
  editing?: ProfileView;
  onClose: () => void;
  /** After Save resolved; a rejection of the returned promise shows in the form. */
  onSaved: (saved: Profile, isNew: boolean) => void | Promise<void>;
}

/** Adds or edits a connection profile. */
export function ProfileForm({ open, editing, onClose, onSaved }: ProfileFormProps) {
  const [target, setTarget] = useState(editing);
  const [values, setValues] = useState<Values>(() => initialValues(editing));
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState('');
  const [testTried, setTestTried] = useState(false);
  /** Counts openings, so the user picker starts afresh each time. */
  const [opening, setOpening] = useState(0);
  const check = useMongoCheck();
  const { reset: resetCheck, loadUsers, clearResult } = check;

  // Each opening (or another profile to edit) starts the form afresh.
  const [shownFor, setShownFor] = useState<{ open: boolean; editing?: ProfileView }>({ open: false });
  if (shownFor.open !== open || shownFor.editing !== editing) {
    setShownFor({ open, editing });
    if (open) {
      setTarget(editing);
      setValues(initialValues(editing));
      setSubmitted(false);
      setBusy(false);
      setServerError('');
      setTestTried(false);
      setOpening((n) => n + 1);
    }
  }
  useEffect(() => {
    if (!open) return;
    resetCheck();
    // A saved MongoDB profile can list its users straight away (with its stored password).
    if (editing?.profile.kind === 'mongodb') void loadUsers(toProfile(initialValues(editing), editing.profile));
  }, [open, editing, resetCheck, loadUsers]);

  // A test answers for the connection string and database it was run with.
  useEffect(() => {
    clearResult();
  }, [values.mongo_uri, values.database, clearResult]);

  const all = validateProfile(values);
  const errors: Errors = submitted ? all : testTried && all.mongo_uri ? { mongo_uri: all.mongo_uri } : {};
  const isNew = !target;
  const platform = values.kind === 'platform';

  const set = (k: keyof Values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));

  const field = (k: Field) => ({
    name: k,
    value: values[k],
    onChange: set(k),
    error: !!errors[k],
    fullWidth: true,
  });

  function runTest() {
    setTestTried(true);
    if (all.mongo_uri) return;
    void check.test(toProfile(values, target?.profile));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setSubmitted(true);
    setServerError('');
    if (Object.keys(all).length > 0) return;
    setBusy(true);
    try {
      const saved = await saveProfile(toProfile(values, target?.profile));
      await onSaved(saved, isNew);
    } catch (err) {
      setServerError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  }

  const uriHelp = target?.has_password
    ? 'A database password is stored in the keychain. Leave it out to keep it, or include a new one to replace it.'
    : 'A password in the string is moved to the system keychain, never kept in settings.';

  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="profile-form-title">
      <Box component="form" noValidate onSubmit={submit}>
        <DialogTitle id="profile-form-title">{target ? `Edit ${target.profile.name}` : 'Add connection'}</DialogTitle>
        <DialogContent>
          <Stack spacing={2.25} sx={{ pt: 0.5 }}>
            {serverError && (
              <Alert severity="error" role="alert">
                {serverError}
              </Alert>
            )}
            <ToggleButtonGroup
              exclusive
              fullWidth
              color="primary"
              size="small"
              value={values.kind}
              disabled={!isNew}
              onChange={(_, k: SourceKind | null) => k && setValues((v) => ({ ...v, kind: k }))}
              aria-label="Kind of connection"
            >
              <ToggleButton value="platform" sx={{ gap: 1 }}>
                <KindIcon kind="platform" fontSize="small" /> Platform API
              </ToggleButton>
              <ToggleButton value="mongodb" sx={{ gap: 1 }}>
                <KindIcon kind="mongodb" fontSize="small" /> MongoDB
              </ToggleButton>
            </ToggleButtonGroup>
            <Typography variant="body2" color="text.secondary">
              {platform
                ? 'Sign in to your agent-workflow platform with your account; usagedash reads your usage through its API.'
                : 'Read usage straight from the platform’s MongoDB database (read-only access is enough).'}
            </Typography>
            <TextField
              {...field('name')}
              label="Name"
              placeholder={platform ? 'Work platform' : 'Production database'}
              helperText={errors.name || 'Shown in the connection switcher.'}
              autoFocus
              required
            />
            {platform ? (
              <>
                <TextField
                  {...field('base_url')}
                  label="Address"
                  placeholder="https://agents.example.com"
                  helperText={errors.base_url || ' '}
                  type="url"
                  autoComplete="url"
                  required
                />
                <TextField
                  {...field('login')}
                  label="Username or email"
                  helperText={errors.login || 'You enter the password when you sign in; it is never saved.'}
                  autoComplete="username"
                  required
                />
                <Box>
                  <FormControlLabel
                    control={
                      <Switch
                        checked={values.allow_insecure_http}
                        onChange={(e) => setValues((v) => ({ ...v, allow_insecure_http: e.target.checked }))}
                      />
                    }
                    label="Allow plain HTTP"
                  />
                  {values.allow_insecure_http && (
                    <Alert severity="warning" role="status" sx={{ mt: 1 }}>
                      Without HTTPS your password and session token travel unencrypted. Only use this on a network
                      you trust.
                    </Alert>
                  )}
                </Box>
              </>
            ) : (
              <>
                <TextField
                  {...field('mongo_uri')}
                  label="Connection string"
                  placeholder="mongodb://user:password@host:27017/?authSource=admin"
                  helperText={errors.mongo_uri || uriHelp}
                  autoComplete="off"
                  spellCheck={false}
                  required
                />
                <TextField
                  {...field('database')}
                  label="Database"
                  placeholder={DEFAULT_DATABASE}
                  helperText={`Leave empty for ${DEFAULT_DATABASE}.`}
                  autoComplete="off"
                />
                <TestConnectionButton testing={check.testing} info={check.info} error={check.testError} onTest={runTest} />
                {check.picker ? (
                  <AccountPicker
                    key={opening}
                    value={values.account}
                    onChange={(account) => setValues((v) => ({ ...v, account }))}
                    users={check.users}
                    loading={check.usersLoading}
                    loadError={check.usersError}
                    error={errors.account}
                  />
                ) : (
                  <TextField
                    {...field('account')}
                    label="Whose usage"
                    placeholder="username or email"
                    helperText={errors.account || 'The platform user whose token usage to show, or * for everyone.'}
                    autoComplete="off"
                    required
                  />
                )}
              </>
            )}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2.5 }}>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {busy ? 'Saving…' : platform ? (isNew ? 'Save and sign in' : 'Save') : 'Save and connect'}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
