import { useCallback, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CircularProgress from '@mui/material/CircularProgress';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import {
  compareStoredReports,
  getStoredReport,
  toApiError,
  type ApiError,
  type ReportDiff,
  type StoredEntry,
  type StoredReport,
} from '../api';
import { ComparePanel, type CompareState } from '../features/history/ComparePanel';
import { DeleteStoredReportDialog } from '../features/history/DeleteStoredReportDialog';
import { ErrorState } from '../components/ErrorState';
import { HistoryTable } from '../features/history/HistoryTable';
import { HistoryWarnings } from '../features/history/HistoryWarnings';
import { queryKeys } from '../hooks/queryKeys';
import { useHistory } from '../hooks/useHistory';

export interface HistoryPageProps {
  /** The active connection, listed unless "All connections" is on. */
  profileId: string;
  /** The stored report on screen, if any: what "Compare with current" compares with. */
  current?: StoredEntry;
  now: number;
  onOpen: (stored: StoredReport) => void;
  onClose: () => void;
  /** A stored report was deleted. */
  onDeleted?: (id: string) => void;
}

function EmptyHistory({ all }: { all: boolean }) {
  return (
    <Card>
      <CardContent sx={{ textAlign: 'center', py: 6 }}>
        <HistoryOutlined fontSize="large" color="primary" aria-hidden />
        <Typography variant="h6" component="h3" sx={{ mt: 1 }}>
          No stored reports yet
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 440, mx: 'auto', mt: 1 }}>
          {all
            ? 'Every report usagedash fetches is kept on this computer, so it can be reviewed without a network.'
            : 'Reports of this connection are kept on this computer each time they are fetched. Turn on “All connections” to see the others.'}
        </Typography>
      </CardContent>
    </Card>
  );
}

/**
 * The reports kept on disk: open one read-only, compare one with the current
 * report, or delete one. Needs no network (HistoryService only).
 */
export function HistoryPage({ profileId, current, now, onOpen, onClose, onDeleted }: HistoryPageProps) {
  const [all, setAll] = useState(false);
  const { history, error, loading, reload } = useHistory(all ? '' : profileId);
  const [openingId, setOpeningId] = useState<string>();
  const [notice, setNotice] = useState('');
  const [comparing, setComparing] = useState<{ from: StoredEntry; to: StoredEntry }>();
  const [deleting, setDeleting] = useState<StoredEntry>();
  const diff = useQuery<ReportDiff, ApiError>({
    queryKey: queryKeys.compare(comparing?.from.id ?? '', comparing?.to.id ?? ''),
    queryFn: () => compareStoredReports(comparing!.from.id, comparing!.to.id),
    enabled: !!comparing,
  });
  const compare: CompareState | undefined = comparing && {
    ...comparing,
    diff: diff.data,
    error: diff.error?.message,
  };

  const open = useCallback(
    async (e: StoredEntry) => {
      setOpeningId(e.id);
      setNotice('');
      try {
        onOpen(await getStoredReport(e.id));
      } catch (err) {
        setNotice(toApiError(err).message);
        reload();
      } finally {
        setOpeningId(undefined);
      }
    },
    [onOpen, reload],
  );

  const startCompare = useCallback((from: StoredEntry, to: StoredEntry) => setComparing({ from, to }), []);
  const closeCompare = useCallback(() => setComparing(undefined), []);

  const deleted = useCallback(
    (id: string) => {
      setDeleting(undefined);
      if (comparing && (comparing.from.id === id || comparing.to.id === id)) closeCompare();
      reload();
      onDeleted?.(id);
    },
    [comparing, closeCompare, reload, onDeleted],
  );

  const entries = history?.entries ?? [];
  let list;
  if (!history) {
    list = error ? (
      <ErrorState error={error} onRetry={reload} />
    ) : (
      <Box sx={{ display: 'grid', placeItems: 'center', py: 6 }}>
        <CircularProgress aria-label="Loading stored reports" />
      </Box>
    );
  } else if (entries.length === 0) {
    list = <EmptyHistory all={all} />;
  } else {
    list = (
      <Card>
        <HistoryTable
          entries={entries}
          now={now}
          current={current}
          openingId={openingId}
          onOpen={(e) => void open(e)}
          onCompare={startCompare}
          onDelete={setDeleting}
        />
      </Card>
    );
  }

  return (
    <Stack spacing={2} component="section" aria-labelledby="history-title" aria-busy={loading}>
      <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', columnGap: 2, rowGap: 1 }}>
        <Box sx={{ flex: '1 1 240px', minWidth: 0 }}>
          <Typography variant="h6" component="h2" id="history-title">
            History
          </Typography>
          <Typography variant="body2" color="text.secondary">
            Reports kept on this computer. They open without a network.
          </Typography>
        </Box>
        <FormControlLabel
          control={<Switch checked={all} onChange={(e) => setAll(e.target.checked)} />}
          label="All connections"
        />
        <Button startIcon={<ArrowBackOutlined />} onClick={onClose}>
          Close history
        </Button>
      </Stack>
      {history && <HistoryWarnings warnings={history.warnings} />}
      {history && error && (
        <ErrorState error={error} onRetry={reload} staleNote="Showing the list as it was." />
      )}
      {notice && (
        <Alert severity="error" onClose={() => setNotice('')}>
          {notice}
        </Alert>
      )}
      {compare && <ComparePanel state={compare} onClose={closeCompare} />}
      {list}
      <DeleteStoredReportDialog entry={deleting} onClose={() => setDeleting(undefined)} onDeleted={deleted} />
    </Stack>
  );
}
