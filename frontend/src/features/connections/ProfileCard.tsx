import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import type { ProfileView } from '../../api';
import { kindLabel, needsSignIn, profileAccount, profileHost, sessionActive, sessionStatusText } from '../../utils/profiles';
import { KindIcon } from './KindIcon';

export interface ProfileCardProps {
  view: ProfileView;
  active: boolean;
  now: number;
  /** The sample platform's demo credentials, shown on the demo profile. */
  demo?: { login: string; password: string };
  onConnect: () => void;
  onEdit: () => void;
  onDelete: () => void;
}

/** One saved connection on the connect screen. */
export function ProfileCard({ view, active, now, demo, onConnect, onEdit, onDelete }: ProfileCardProps) {
  const { profile, session } = view;
  const platform = profile.kind === 'platform';
  const host = profileHost(profile);
  const account = profileAccount(profile);
  const signedIn = platform && sessionActive(session, now);
  const showDemo = profile.demo && demo && demo.login;
  const open = active && !needsSignIn(view, now);
  return (
    <Card
      component="section"
      aria-label={profile.name}
      data-testid={`profile-card-${profile.id}`}
      sx={(theme) => ({
        display: 'flex',
        flexDirection: 'column',
        transition: theme.transitions.create(['border-color', 'box-shadow']),
        ...(active && {
          borderColor: theme.palette.primary.main,
          boxShadow: `0 0 0 1px ${theme.palette.primary.main}, 0 4px 16px ${alpha(theme.palette.primary.main, 0.12)}`,
        }),
      })}
    >
      <CardContent sx={{ flex: 1, display: 'flex', flexDirection: 'column', gap: 1.25 }}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', minWidth: 0 }}>
          <Box
            sx={(theme) => ({
              display: 'inline-flex',
              p: 1,
              borderRadius: 2,
              color: theme.palette.primary.main,
              backgroundColor: alpha(theme.palette.primary.main, 0.1),
            })}
            aria-hidden
          >
            <KindIcon kind={profile.kind} fontSize="small" />
          </Box>
          <Box sx={{ minWidth: 0, flex: 1 }}>
            <Typography variant="subtitle1" component="h3" noWrap title={profile.name} sx={{ fontWeight: 650 }}>
              {profile.name}
            </Typography>
            <Typography variant="body2" color="text.secondary" noWrap title={host}>
              {host || '—'}
            </Typography>
          </Box>
          <Stack direction="row" spacing={0.75} sx={{ flexShrink: 0 }}>
            {active && <Chip label="Current" color="primary" size="small" />}
            <Chip label={kindLabel(profile.kind)} size="small" variant="outlined" />
          </Stack>
        </Stack>
        <Stack spacing={0.25}>
          {account && (
            <Typography variant="body2" noWrap title={account}>
              <Box component="span" sx={{ color: 'text.secondary' }}>
                {platform ? 'Account: ' : 'Usage of: '}
              </Box>
              {account}
            </Typography>
          )}
          {platform && (
            <Typography
              variant="body2"
              sx={{ color: signedIn ? 'success.main' : 'text.secondary' }}
              data-testid="session-status"
            >
              {sessionStatusText(session, now)}
            </Typography>
          )}
          {view.insecure && (
            <Typography variant="body2" sx={{ color: 'warning.main' }}>
              Plain HTTP: the password travels unencrypted.
            </Typography>
          )}
        </Stack>
        {showDemo && (
          <Alert severity="info" variant="outlined" role="note" sx={{ py: 0, '& .MuiAlert-message': { py: 0.75 } }}>
            Sample platform — sign in as{' '}
            <Box component="code" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
              {demo.login}
            </Box>{' '}
            /{' '}
            <Box component="code" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
              {demo.password}
            </Box>
          </Alert>
        )}
      </CardContent>
      <CardActions sx={{ px: 2.5, pb: 2, pt: 0, gap: 0.5 }}>
        <Button
          variant={open ? 'outlined' : 'contained'}
          onClick={onConnect}
          aria-label={open ? `Open ${profile.name}` : `Connect to ${profile.name}`}
          startIcon={needsSignIn(view, now) ? <LockOutlined /> : undefined}
        >
          {open ? 'Open' : 'Connect'}
        </Button>
        <Box sx={{ flex: 1 }} />
        <Tooltip title="Edit">
          <IconButton onClick={onEdit} aria-label={`Edit ${profile.name}`}>
            <EditOutlined fontSize="small" />
          </IconButton>
        </Tooltip>
        <Tooltip title="Delete">
          <IconButton onClick={onDelete} aria-label={`Delete ${profile.name}`}>
            <DeleteOutlined fontSize="small" />
          </IconButton>
        </Tooltip>
      </CardActions>
    </Card>
  );
}
