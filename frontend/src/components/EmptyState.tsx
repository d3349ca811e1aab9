import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { alpha, styled } from '@mui/material/styles';
import EventBusyOutlined from '@mui/icons-material/EventBusyOutlined';

const Illustration = styled('span')(({ theme }) => ({
  display: 'inline-flex',
  padding: 14,
  borderRadius: '50%',
  color: theme.palette.primary.main,
  backgroundColor: alpha(theme.palette.primary.main, 0.1),
}));

export interface EmptyStateProps {
  /** The period's label, e.g. "Last 30 days". */
  periodLabel: string;
  /** The period's preset id. */
  preset: string;
  /** Switches to all time; hidden when the period already is all time. */
  onShowAllTime?: () => void;
}

function emptyTitle(preset: string, label: string): string {
  if (preset === 'today') return 'No usage today';
  if (preset === 'yesterday') return 'No usage yesterday';
  if (preset === 'all_time') return 'No usage recorded yet';
  return `No usage in ${label ? label.charAt(0).toLowerCase() + label.slice(1) : 'this period'}`;
}

/** Shown when the report has no usage at all. */
export function EmptyState({ periodLabel, preset, onShowAllTime }: EmptyStateProps) {
  const allTime = preset === 'all_time';
  return (
    <Card>
      <CardContent
        sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', textAlign: 'center', gap: 1.5, py: 6 }}
      >
        <Illustration aria-hidden>
          <EventBusyOutlined fontSize="large" />
        </Illustration>
        <Typography variant="h6" component="h2">
          {emptyTitle(preset, periodLabel)}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 420 }}>
          {allTime
            ? 'No workflow has recorded any tokens or cost in this data source.'
            : 'No workflow recorded tokens or cost in this period. Choose a longer period to see earlier usage.'}
        </Typography>
        {!allTime && onShowAllTime && (
          <Button variant="contained" onClick={onShowAllTime} sx={{ mt: 1 }}>
            Show all time
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
