import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { styled } from '@mui/material/styles';
import type { Report } from '../../api';
import type { TokenKind } from '../../theme';
import { formatCompact, formatShare, formatShareExact } from '../../utils/format';
import { compactFigure } from '../../utils/figures';
import type { MetricId } from '../../utils/metricIds';
import { MetricValue } from '../../components/MetricValue';

interface Row {
  kind: TokenKind;
  label: string;
  countId: MetricId;
  shareId: MetricId;
  count: number | undefined;
  share: number | undefined;
}

const Dot = styled('span', { shouldForwardProp: (p) => p !== 'kind' })<{ kind: TokenKind }>(({ theme, kind }) => ({
  width: 10,
  height: 10,
  borderRadius: '50%',
  flexShrink: 0,
  backgroundColor: theme.palette.tokenKinds[kind],
}));

const ShareBar = styled(LinearProgress, { shouldForwardProp: (p) => p !== 'kind' })<{ kind: TokenKind }>(
  ({ theme, kind }) => ({
    height: 8,
    '& .MuiLinearProgress-bar': { backgroundColor: theme.palette.tokenKinds[kind] },
  }),
);

/** Whether a report has only legacy, untyped tokens (no per-kind counts). */
function hasOnlyLegacyTokens(report: Report): boolean {
  const b = report.token_breakdown;
  const typed =
    (b?.input_tokens ?? 0) + (b?.output_tokens ?? 0) + (b?.cache_creation_input_tokens ?? 0) + (b?.cache_read_input_tokens ?? 0);
  return typed === 0 && (report.total_tokens ?? 0) > 0;
}

function rows(report: Report): Row[] {
  const b = report.token_breakdown;
  const s = report.derived?.token_shares;
  return [
    { kind: 'input', label: 'Input', countId: 'input_tokens', shareId: 'input_share', count: b?.input_tokens, share: s?.input },
    { kind: 'output', label: 'Output', countId: 'output_tokens', shareId: 'output_share', count: b?.output_tokens, share: s?.output },
    {
      kind: 'cacheCreation',
      label: 'Cache creation',
      countId: 'cache_creation_input_tokens',
      shareId: 'cache_creation_share',
      count: b?.cache_creation_input_tokens,
      share: s?.cache_creation,
    },
    {
      kind: 'cacheRead',
      label: 'Cache read',
      countId: 'cache_read_input_tokens',
      shareId: 'cache_read_share',
      count: b?.cache_read_input_tokens,
      share: s?.cache_read,
    },
  ];
}

function barValue(share: number | undefined): number {
  return typeof share === 'number' && Number.isFinite(share) ? Math.min(100, Math.max(0, share * 100)) : 0;
}

/** Input, output, cache creation and cache read tokens with their shares. */
export function TokenBreakdownCard({ report }: { report: Report }) {
  const legacy = hasOnlyLegacyTokens(report);
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'baseline', justifyContent: 'space-between', mb: 2, gap: 1 }}>
          <Typography variant="h6" component="h2">
            Token breakdown
          </Typography>
          {!legacy && (
            <Typography variant="caption" color="text.secondary">
              Share of typed tokens
            </Typography>
          )}
        </Stack>
        {legacy ? (
          <Alert severity="info" variant="outlined">
            These {formatCompact(report.total_tokens)} tokens were recorded without a breakdown into input, output and
            cache tokens (older records), so no split by kind is available for this period.
          </Alert>
        ) : (
          <Stack spacing={1.75} component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
            {rows(report).map((r) => (
              <Box component="li" key={r.kind}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.75 }}>
                  <Dot kind={r.kind} aria-hidden />
                  <Typography variant="body2" sx={{ flex: 1, minWidth: 0 }} noWrap>
                    {r.label}
                  </Typography>
                  <MetricValue
                    metric={r.countId}
                    {...compactFigure(r.count)}
                    variant="body2"
                    fontWeight={600}
                  />
                  <MetricValue
                    metric={r.shareId}
                    text={formatShare(r.share)}
                    exact={formatShareExact(r.share)}
                    variant="body2"
                    color="text.secondary"
                    sx={{ minWidth: '3.75em', textAlign: 'right' }}
                  />
                </Stack>
                <ShareBar kind={r.kind} variant="determinate" value={barValue(r.share)} aria-label={`${r.label} share`} />
              </Box>
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
