import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { Report, StoredEntry } from '../../api';
import { formatDateTime, formatPeriodRange, formatRelativeTime } from '../../utils/format';
import { AsOfBadge } from '../dashboard/AsOfBadge';

export interface PeriodHeaderProps {
  report: Report;
  now: number;
  /** The report is a stored one: an "As of …" badge instead of "Updated …". */
  storedEntry?: StoredEntry;
}

/** The period's label and range, and how fresh the report is. */
export function PeriodHeader({ report, now, storedEntry }: PeriodHeaderProps) {
  return (
    <Stack
      direction={{ xs: 'column', sm: 'row' }}
      sx={{ alignItems: { xs: 'flex-start', sm: 'center' }, justifyContent: 'space-between', columnGap: 2, rowGap: 0.5 }}
    >
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'baseline', flexWrap: 'wrap', minWidth: 0 }}>
        <Typography variant="h6" component="h2">
          {report.period?.label}
        </Typography>
        <Typography variant="body2" color="text.secondary" data-testid="period-range">
          {formatPeriodRange(report.period?.start, report.period?.end, report.period?.time_zone)}
        </Typography>
      </Stack>
      {storedEntry ? (
        <AsOfBadge fetchedAt={storedEntry.fetched_at} now={now} />
      ) : (
        <Tooltip title={`Generated ${formatDateTime(report.generated_at)}`}>
          <Typography variant="body2" color="text.secondary" tabIndex={0} data-testid="updated-at">
            Updated {formatRelativeTime(report.generated_at, now)}
          </Typography>
        </Tooltip>
      )}
    </Stack>
  );
}
