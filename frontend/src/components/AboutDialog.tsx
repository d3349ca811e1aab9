import { useEffect, useId, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CheckOutlined from '@mui/icons-material/CheckOutlined';
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import { useQuery } from '@tanstack/react-query';
import { fetchAbout, type AboutInfo, type ApiError } from '../api';
import { queryKeys } from '../hooks/queryKeys';
import { AppMark } from './AppMark';
import type { MetricId } from '../utils/metricIds';

const APP_DESCRIPTION = 'Anthropic API token usage and cost for your agent workflows';

const VERSION_METRIC: MetricId = 'app_version';

/** The folders the dialog lists, in order. */
const ABOUT_PATHS: ReadonlyArray<{ key: 'config_dir' | 'data_dir' | 'state_dir'; label: string }> = [
  { key: 'config_dir', label: 'Settings & connections' },
  { key: 'data_dir', label: 'Report history' },
  { key: 'state_dir', label: 'Alert state' },
];

/** Copies text to the clipboard; a missing or refusing clipboard is ignored. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function PathRow({ label, path }: { label: string; path: string }) {
  const [copied, setCopied] = useState(false);
  const labelId = useId();

  useEffect(() => {
    if (!copied) return;
    const t = window.setTimeout(() => setCopied(false), 1500);
    return () => window.clearTimeout(t);
  }, [copied]);

  return (
    <Box component="li" sx={{ listStyle: 'none' }}>
      <Typography variant="subtitle2" component="h4" id={labelId}>
        {label}
      </Typography>
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', minWidth: 0 }}>
        <Typography
          variant="body2"
          color={path ? 'text.primary' : 'text.secondary'}
          aria-labelledby={labelId}
          sx={{ fontFamily: 'monospace', wordBreak: 'break-all', flex: 1, minWidth: 0, userSelect: 'text' }}
        >
          {path || 'Unknown'}
        </Typography>
        {path && (
          <Tooltip title={copied ? 'Copied' : 'Copy path'}>
            <IconButton
              size="small"
              aria-label={`Copy ${label} path`}
              onClick={() => {
                void copyText(path).then((ok) => setCopied(ok));
              }}
            >
              {copied ? <CheckOutlined fontSize="small" /> : <ContentCopyOutlined fontSize="small" />}
            </IconButton>
          </Tooltip>
        )}
      </Stack>
    </Box>
  );
}

export interface AboutDialogProps {
  open: boolean;
  onClose: () => void;
}

/** The app's version, platform and where it keeps its files. Fetched each time it opens. */
export function AboutDialog({ open, onClose }: AboutDialogProps) {
  const q = useQuery<AboutInfo, ApiError>({ queryKey: queryKeys.about, queryFn: fetchAbout, enabled: open });
  const info = q.data;
  const error = q.error?.message ?? '';

  const secondary = info ? [info.platform, info.go_version && `Go ${info.go_version.replace(/^go/, '')}`] : [];

  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="about-title">
      <DialogContent sx={{ pt: 4 }}>
        <Stack spacing={1} sx={{ alignItems: 'center', textAlign: 'center' }}>
          <AppMark size="large" />
          <Typography variant="h5" component="h2" id="about-title" sx={{ pt: 1 }}>
            usagedash
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {APP_DESCRIPTION}
          </Typography>
          {info ? (
            <>
              <Typography variant="subtitle1" data-metric={VERSION_METRIC} data-exact={info.version}>
                Version {info.version || 'unknown'}
              </Typography>
              <Typography variant="caption" color="text.secondary" data-testid="about-platform">
                {secondary.filter(Boolean).join(' · ')}
              </Typography>
            </>
          ) : (
            !error && <CircularProgress size={24} aria-label="Loading" />
          )}
        </Stack>
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
        {info && (
          <>
            <Divider sx={{ my: 2.5 }} />
            <Typography variant="subtitle1" component="h3" gutterBottom>
              Where your files are
            </Typography>
            <Stack component="ul" spacing={1.5} sx={{ p: 0, m: 0 }}>
              {ABOUT_PATHS.map(({ key, label }) => (
                <PathRow key={key} label={label} path={info[key]} />
              ))}
            </Stack>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
