import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import type { ProfileView, ProfilesState } from '../api';
import { AboutDialog } from '../components/AboutDialog';
import { AppMark } from '../components/AppMark';
import { KindIcon } from '../features/connections/KindIcon';
import { ProfileCard } from '../features/connections/ProfileCard';
import { ThemeToggle } from '../components/ThemeToggle';
import { useNow } from '../hooks/useNow';
import type { ThemeModeState } from '../hooks/useThemeMode';

const FILE_STORAGE_FALLBACK =
  'No system keychain found: session tokens and database passwords are kept in a file only you can read.';

export interface ConnectScreenProps {
  state: ProfilesState;
  theme: Pick<ThemeModeState, 'setting' | 'cycle'>;
  onConnect: (view: ProfileView) => void;
  onAdd: () => void;
  onEdit: (view: ProfileView) => void;
  onDelete: (view: ProfileView) => void;
  /** Back to the dashboard of the active profile; hidden when not given. */
  onBack?: () => void;
}

function KindLine({ kind, title, text }: { kind: string; title: string; text: string }) {
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start', textAlign: 'left' }}>
      <KindIcon kind={kind} fontSize="small" color="primary" sx={{ mt: 0.25 }} />
      <Box>
        <Typography variant="subtitle2">{title}</Typography>
        <Typography variant="body2" color="text.secondary">
          {text}
        </Typography>
      </Box>
    </Stack>
  );
}

function Welcome({ onAdd }: { onAdd: () => void }) {
  return (
    <Card data-testid="connect-empty">
      <CardContent sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 2.5, py: 5 }}>
        <Typography variant="h6" component="h2">
          Add your first connection
        </Typography>
        <Stack spacing={2} sx={{ maxWidth: 440 }}>
          <KindLine
            kind="platform"
            title="Platform API"
            text="Sign in to your agent-workflow platform with your username or email."
          />
          <KindLine
            kind="mongodb"
            title="MongoDB"
            text="Read usage straight from the platform’s database with a connection string."
          />
        </Stack>
        <Button variant="contained" size="large" startIcon={<AddOutlined />} onClick={onAdd} autoFocus>
          Add connection
        </Button>
      </CardContent>
    </Card>
  );
}

/** First-run and "Manage connections" screen: saved profiles and a way to add one. */
export function ConnectScreen(props: ConnectScreenProps) {
  const { state, theme, onConnect, onAdd, onEdit, onDelete, onBack } = props;
  const now = useNow(60_000);
  const demo = { login: state.demo_login, password: state.demo_password };
  const hasProfiles = state.profiles.length > 0;
  const [aboutOpen, setAboutOpen] = useState(false);

  return (
    <Box
      component="main"
      data-testid="connect-screen"
      data-state="connect"
      sx={(t) => ({
        minHeight: '100vh',
        px: { xs: 2, sm: 4 },
        py: { xs: 3, sm: 5 },
        background: `radial-gradient(1200px 480px at 50% -120px, ${t.palette.action.selected}, transparent)`,
      })}
    >
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', maxWidth: 960, mx: 'auto' }}>
        <Box>
          {onBack && (
            <Button startIcon={<ArrowBackOutlined />} onClick={onBack} color="inherit">
              Back to dashboard
            </Button>
          )}
        </Box>
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
          <Button size="small" color="inherit" onClick={() => setAboutOpen(true)}>
            About
          </Button>
          <ThemeToggle setting={theme.setting} onCycle={theme.cycle} />
        </Stack>
      </Stack>
      <Stack spacing={4} sx={{ maxWidth: 960, mx: 'auto', mt: { xs: 1, sm: 2 } }}>
        <Stack spacing={1.5} sx={{ alignItems: 'center', textAlign: 'center' }}>
          <AppMark size="large" />
          <Typography variant="h4" component="h1">
            {hasProfiles ? 'Connections' : 'Welcome to usagedash'}
          </Typography>
          <Typography variant="body1" color="text.secondary" sx={{ maxWidth: 560 }}>
            See how many Anthropic API tokens your agent workflows use and what they cost — connect to your
            platform to get started.
          </Typography>
        </Stack>
        {state.secret_storage === 'file' && (
          <Alert severity="warning" role="note" data-testid="secret-warning">
            {state.secret_warning || FILE_STORAGE_FALLBACK}
          </Alert>
        )}
        {hasProfiles ? (
          <Stack spacing={2}>
            <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
              <Typography variant="h6" component="h2">
                Saved connections
              </Typography>
              <Button variant="contained" startIcon={<AddOutlined />} onClick={onAdd}>
                Add connection
              </Button>
            </Stack>
            <Box
              sx={{
                display: 'grid',
                gap: 2,
                gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' },
              }}
            >
              {state.profiles.map((v) => (
                <ProfileCard
                  key={v.profile.id}
                  view={v}
                  active={v.profile.id === state.active_id}
                  now={now}
                  demo={demo}
                  onConnect={() => onConnect(v)}
                  onEdit={() => onEdit(v)}
                  onDelete={() => onDelete(v)}
                />
              ))}
            </Box>
          </Stack>
        ) : (
          <Welcome onAdd={onAdd} />
        )}
      </Stack>
      <AboutDialog open={aboutOpen} onClose={() => setAboutOpen(false)} />
    </Box>
  );
}
