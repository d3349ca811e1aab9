import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CircularProgress from '@mui/material/CircularProgress';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CloseOutlined from '@mui/icons-material/CloseOutlined';
import TrendingDownOutlined from '@mui/icons-material/TrendingDownOutlined';
import TrendingFlatOutlined from '@mui/icons-material/TrendingFlatOutlined';
import TrendingUpOutlined from '@mui/icons-material/TrendingUpOutlined';
import type { ReportDiff, StoredEntry } from '../../api';
import {
  formatDateTime,
  formatSignedCompact,
  formatSignedInteger,
  formatSignedUSD,
  formatSignedUSDExact,
} from '../../utils/format';
import { ExactText } from '../../components/ExactText';

export interface CompareState {
  from: StoredEntry;
  to: StoredEntry;
  diff?: ReportDiff;
  /** The comparison failed. */
  error?: string;
}

const TOKEN_ROWS: { label: string; value: (d: ReportDiff) => number }[] = [
  { label: 'Total tokens', value: (d) => d.total_tokens },
  { label: 'Input', value: (d) => d.input_tokens },
  { label: 'Output', value: (d) => d.output_tokens },
  { label: 'Cache creation', value: (d) => d.cache_creation_tokens },
  { label: 'Cache read', value: (d) => d.cache_read_tokens },
];

function Stamp({ label, entry }: { label: string; entry: StoredEntry }) {
  return (
    <Box>
      <Typography variant="overline" color="text.secondary" component="p">
        {label}
      </Typography>
      <Typography variant="body2">{formatDateTime(entry.fetched_at)}</Typography>
      <Typography variant="caption" color="text.secondary">
        {[entry.profile_name, entry.period?.label].filter(Boolean).join(' · ')}
      </Typography>
    </Box>
  );
}

/** What changed between two stored reports: cost (coloured by direction) and every token kind. */
export function ComparePanel({ state, onClose }: { state: CompareState; onClose: () => void }) {
  const { from, to, diff, error } = state;
  const cost = diff?.cost_usd ?? 0;
  const [color, Icon, direction] =
    cost > 0
      ? (['warning.main', TrendingUpOutlined, 'up'] as const)
      : cost < 0
        ? (['success.main', TrendingDownOutlined, 'down'] as const)
        : (['text.secondary', TrendingFlatOutlined, 'unchanged'] as const);
  return (
    <Card component="section" aria-label="Comparison" data-testid="compare-panel">
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'flex-start', justifyContent: 'space-between', mb: 1.5 }}>
          <Typography variant="h6" component="h3">
            Compared with current
          </Typography>
          <IconButton size="small" aria-label="Close comparison" onClick={onClose}>
            <CloseOutlined fontSize="small" />
          </IconButton>
        </Stack>
        <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap', rowGap: 1, mb: 2 }}>
          <Stamp label="From" entry={from} />
          <Stamp label="To (current)" entry={to} />
        </Stack>
        {error ? (
          <Alert severity="error">{error}</Alert>
        ) : !diff ? (
          <CircularProgress size={24} aria-label="Comparing" />
        ) : (
          <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap', rowGap: 2, alignItems: 'flex-end' }}>
            <Box>
              <Typography variant="subtitle2" color="text.secondary" component="p">
                Cost
              </Typography>
              <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center', color }} data-testid="cost-delta" data-direction={direction}>
                <Icon fontSize="small" aria-hidden />
                <ExactText text={formatSignedUSD(cost)} exact={formatSignedUSDExact(cost)} variant="h5" component="p" sx={{ color }} />
              </Stack>
            </Box>
            {TOKEN_ROWS.map((r) => (
              <Box key={r.label} data-testid={`delta-${r.label}`}>
                <Typography variant="subtitle2" color="text.secondary" component="p">
                  {r.label}
                </Typography>
                <ExactText text={formatSignedCompact(r.value(diff))} exact={formatSignedInteger(r.value(diff))} variant="h6" component="p" />
              </Box>
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
