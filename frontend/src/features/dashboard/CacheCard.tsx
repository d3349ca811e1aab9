import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import SavingsOutlined from '@mui/icons-material/SavingsOutlined';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import type { Report } from '../../api';
import { formatCompact, formatInteger, formatShare, formatShareExact, formatSignedUSD, formatSignedUSDExact, formatUSD } from '../../utils/format';
import type { Pricing } from '../../utils/pricing';
import { ExactText } from '../../components/ExactText';
import type { MetricId } from '../../utils/metricIds';
import { LabelledValue } from '../../components/LabelledValue';
import { MetricValue } from '../../components/MetricValue';

/** "Caching saved $95.40 …" or, when writes cost more than reads saved, "Caching cost $12.34 more than it saved …". */
function cacheSavingsSentence(savingsUSD: number): string {
  if (savingsUSD < 0) return `Caching cost ${formatUSD(-savingsUSD)} more than it saved: cache writes cost more than cache reads saved.`;
  return `Caching saved ${formatUSD(savingsUSD)} against paying the full input price for every cache read, after the cache-write premium.`;
}

function Figure({ label, metric, text, exact }: { label: string; metric: MetricId; text: string; exact: string }) {
  return (
    <LabelledValue label={label} gap={0.5}>
      <MetricValue metric={metric} text={text} exact={exact} variant="h6" component="span" sx={{ fontSize: '1.375rem' }} />
    </LabelledValue>
  );
}

function Count({ label, value }: { label: string; value: number | undefined }) {
  return (
    <LabelledValue label={label}>
      <ExactText text={formatCompact(value)} exact={`${formatInteger(value)} tokens`} fontWeight={600} />
    </LabelledValue>
  );
}

export interface CacheCardProps {
  report: Report;
  pricing: Pricing;
}

/**
 * Cache economics: the cache hit ratio (cache reads over all prompt tokens),
 * what prompt caching saved at API prices (or cost more than it saved), and
 * the cache read and write tokens.
 */
export function CacheCard({ report, pricing }: CacheCardProps) {
  const savings = pricing.cache_savings_usd;
  const negative = savings < 0;
  const Icon = negative ? WarningAmberOutlined : SavingsOutlined;
  return (
    <Card component="section" aria-labelledby="cache-title" data-testid="cache-card" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h2" id="cache-title" sx={{ mb: 2 }}>
          Cache economics
        </Typography>
        <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 3, rowGap: 2 }}>
          <Figure
            label="Cache hit ratio"
            metric="cache_hit_ratio"
            text={formatShare(pricing.cache_hit_ratio)}
            exact={formatShareExact(pricing.cache_hit_ratio)}
          />
          <Figure
            label={negative ? 'Caching cost more' : 'Caching saved'}
            metric="cache_savings_usd"
            text={formatSignedUSD(savings)}
            exact={formatSignedUSDExact(savings)}
          />
          <Count label="Cache read tokens" value={report.total_cache_read_tokens} />
          <Count label="Cache write tokens" value={report.total_cache_creation_tokens} />
        </Box>
        <Typography variant="body2" component="p" data-testid="cache-savings" sx={{ mt: 2 }}>
          <Icon aria-hidden fontSize="inherit" color={negative ? 'warning' : 'success'} sx={{ verticalAlign: '-0.15em', mr: 0.5 }} />
          {cacheSavingsSentence(savings)}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
          Hit ratio: cache reads over input, cache write and cache read tokens.
        </Typography>
      </CardContent>
    </Card>
  );
}
