import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import { formatDateTime, formatRelativeTime } from '../../utils/format';

/** "As of 2 hours ago" */
export function asOfText(fetchedAt: string, now: number): string {
  return `As of ${formatRelativeTime(fetchedAt, now)}`;
}

export interface AsOfBadgeProps {
  /** ISO time the stored report was fetched. */
  fetchedAt: string;
  now: number;
}

/**
 * Says the report on screen is a stored one and how old it is; the exact
 * local date-time on hover or focus. Read by the render probe as report_as_of.
 */
export function AsOfBadge({ fetchedAt, now }: AsOfBadgeProps) {
  return (
    <Tooltip title={`Fetched ${formatDateTime(fetchedAt)}`} describeChild>
      <Chip
        icon={<HistoryOutlined />}
        label={asOfText(fetchedAt, now)}
        size="small"
        color="info"
        variant="outlined"
        tabIndex={0}
        data-metric="report_as_of"
        data-exact={fetchedAt}
        data-testid="as-of"
      />
    </Tooltip>
  );
}
