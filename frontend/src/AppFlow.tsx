import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Snackbar from '@mui/material/Snackbar';
import { activateProfile, onConnectionChanged, signOut, toApiError, type Profile, type ProfileView } from './api';
import { ConfirmDeleteDialog } from './features/connections/ConfirmDeleteDialog';
import { ErrorState } from './components/ErrorState';
import { ProfileForm } from './features/connections/ProfileForm';
import { SignInDialog } from './features/connections/SignInDialog';
import { queryKeys } from './hooks/queryKeys';
import { useProfiles } from './hooks/useProfiles';
import type { ThemeModeState } from './hooks/useThemeMode';
import { ConnectScreen } from './pages/ConnectScreen';
import { Dashboard } from './pages/Dashboard';
import { needsSignIn } from './utils/profiles';

export interface AppFlowProps {
  theme: Pick<ThemeModeState, 'setting' | 'cycle'>;
}

/**
 * Which screen the window shows: the connect screen when no profile is active
 * (or the user manages connections), otherwise the dashboard of the active
 * profile; the sign-in dialog over either when a platform profile needs a password.
 */
export function AppFlow({ theme }: AppFlowProps) {
  const { state, error, reload } = useProfiles();
  const qc = useQueryClient();
  const [manage, setManage] = useState(false);
  const [signInId, setSignInId] = useState<string>();
  const [form, setForm] = useState<{ editing?: ProfileView }>();
  const [deleting, setDeleting] = useState<ProfileView>();
  const [notice, setNotice] = useState('');
  const [prompted, setPrompted] = useState(false);

  const activeId = state?.active_id;
  const profiles = state?.profiles ?? [];
  const active = profiles.find((v) => v.profile.id === state?.active_id);
  const signInView = signInId ? profiles.find((v) => v.profile.id === signInId) : undefined;
  const demo = state ? { login: state.demo_login, password: state.demo_password } : undefined;

  // On start, an active platform profile without a live session asks for its password.
  if (state && !prompted) {
    setPrompted(true);
    const first = state.profiles.find((v) => v.profile.id === state.active_id);
    if (needsSignIn(first)) setSignInId(first?.profile.id);
  }

  // The reports are fetched again, keeping the current one visible (e.g. after signing in).
  const refetchReports = useCallback(() => void qc.invalidateQueries({ queryKey: queryKeys.reports }), [qc]);

  // Reports are keyed by connection, so a switch fetches the new one's on its
  // own; only a sign-in (the same connection, now with a session) refetches.
  const showDashboard = useCallback(
    async (refetch = false) => {
      const s = await reload();
      setManage(false);
      if (refetch) refetchReports();
      return s;
    },
    [reload, refetchReports],
  );

  // The active connection changed elsewhere (the tray menu switched and
  // activated it): show its dashboard, asking for a password when it needs one.
  const connectionChanged = useEffectEvent(async (id: string) => {
    const s = await showDashboard();
    const v = s?.profiles.find((p) => p.profile.id === (id || s.active_id));
    if (needsSignIn(v)) setSignInId(v?.profile.id);
  });
  useEffect(() => onConnectionChanged((id) => void connectionChanged(id)), []);

  const connect = useCallback(
    async (v: ProfileView) => {
      if (needsSignIn(v)) {
        setSignInId(v.profile.id);
        return;
      }
      try {
        if (v.profile.id !== activeId) await activateProfile(v.profile.id);
        await showDashboard();
      } catch (err) {
        setNotice(toApiError(err).message);
      }
    },
    [activeId, showDashboard],
  );

  const signedIn = useCallback(
    async () => {
      setSignInId(undefined);
      await showDashboard(true);
    },
    [showDashboard],
  );

  const saved = useCallback(
    async (p: Profile, isNew: boolean) => {
      if (p.kind === 'mongodb') {
        await activateProfile(p.id); // a rejection shows in the form
        setForm(undefined);
        await showDashboard();
        return;
      }
      await reload();
      setForm(undefined);
      if (isNew) setSignInId(p.id);
      else if (p.id === activeId) refetchReports();
    },
    [reload, showDashboard, activeId, refetchReports],
  );

  const deleted = useCallback(async () => {
    setDeleting(undefined);
    await reload();
  }, [reload]);

  const doSignOut = useCallback(
    async (v: ProfileView) => {
      try {
        await signOut(v.profile.id);
      } catch (err) {
        setNotice(toApiError(err).message);
        return;
      }
      await reload();
      setManage(true);
      setSignInId(v.profile.id);
    },
    [reload],
  );

  const editFromSignIn = useCallback((v: ProfileView) => {
    setSignInId(undefined);
    setForm({ editing: v });
  }, []);

  if (!state) {
    return (
      <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 3 }}>
        {error ? (
          <Box sx={{ maxWidth: 560, width: '100%' }}>
            <ErrorState error={error} onRetry={() => void reload()} />
          </Box>
        ) : (
          <CircularProgress aria-label="Loading connections" />
        )}
      </Box>
    );
  }

  const showConnect = manage || !active;

  return (
    <>
      {showConnect ? (
        <ConnectScreen
          state={state}
          theme={theme}
          onConnect={(v) => void connect(v)}
          onAdd={() => setForm({})}
          onEdit={(v) => setForm({ editing: v })}
          onDelete={setDeleting}
          onBack={active ? () => setManage(false) : undefined}
        />
      ) : (
        <Dashboard
          key={active.profile.id}
          theme={theme}
          signedOut={active.profile.kind === 'platform' && !active.session.signed_in}
          onSignIn={() => setSignInId(active.profile.id)}
          onSessionEnded={() => void reload()}
          connection={{
            profiles,
            activeId: state.active_id,
            onSelect: (v) => void connect(v),
            onManage: () => setManage(true),
            onSignOut: (v) => void doSignOut(v),
          }}
        />
      )}
      <SignInDialog
        view={signInView}
        demo={demo}
        onClose={() => setSignInId(undefined)}
        onSignedIn={() => void signedIn()}
        onEditProfile={editFromSignIn}
      />
      <ProfileForm open={!!form} editing={form?.editing} onClose={() => setForm(undefined)} onSaved={saved} />
      <ConfirmDeleteDialog view={deleting} onClose={() => setDeleting(undefined)} onDeleted={() => void deleted()} />
      <Snackbar
        open={!!notice}
        autoHideDuration={8000}
        onClose={() => setNotice('')}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        <Alert severity="error" variant="filled" onClose={() => setNotice('')} sx={{ width: '100%' }}>
          {notice}
        </Alert>
      </Snackbar>
    </>
  );
}
