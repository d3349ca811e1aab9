import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined';
import type { SessionInfo } from '../../api';
import { useNow } from '../../hooks/useNow';
import { sessionEndingSoon, sessionEndsText, sessionTooltip } from '../../utils/profiles';

/** "Session ends in 6 days" with the exact time in a tooltip; warning colour in the last 24 h. */
export function SessionEnds({ session }: { session: SessionInfo }) {
  const now = useNow(60_000);
  const text = sessionEndsText(session, now);
  if (!text) return null;
  const soon = sessionEndingSoon(session, now);
  return (
    <Tooltip title={sessionTooltip(session)}>
      <Typography
        variant="caption"
        tabIndex={0}
        data-testid="session-ends"
        sx={{
          display: 'inline-flex',
          alignItems: 'center',
          gap: 0.5,
          whiteSpace: 'nowrap',
          color: soon ? 'warning.main' : 'text.secondary',
          fontWeight: soon ? 600 : undefined,
          borderRadius: 1,
        }}
      >
        <ScheduleOutlined sx={{ fontSize: 14 }} aria-hidden />
        {text}
      </Typography>
    </Tooltip>
  );
}
