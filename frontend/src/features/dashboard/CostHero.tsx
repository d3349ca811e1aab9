import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { alpha, styled } from '@mui/material/styles';
import PaymentsOutlined from '@mui/icons-material/PaymentsOutlined';
import type { Pricing } from '../../utils/pricing';
import { ComputedCostLine } from './ComputedCostLine';
import { usdFigure } from '../../utils/figures';
import { MetricValue } from '../../components/MetricValue';

const HeroCard = styled(Card)(({ theme }) => ({
  height: '100%',
  position: 'relative',
  overflow: 'hidden',
  backgroundImage: `linear-gradient(135deg, ${alpha(theme.palette.primary.main, theme.palette.mode === 'dark' ? 0.16 : 0.08)} 0%, ${alpha(theme.palette.primary.main, 0)} 70%)`,
  borderColor: alpha(theme.palette.primary.main, 0.25),
}));

const Badge = styled('span')(({ theme }) => ({
  display: 'inline-flex',
  padding: 6,
  borderRadius: 10,
  color: theme.palette.primary.main,
  backgroundColor: alpha(theme.palette.primary.main, 0.12),
}));

export interface CostHeroProps {
  costUSD: number;
  /** A short line under the figure. */
  caption: string;
  /** The report's cost check at API prices (MongoDB reports): a line under the figure. */
  pricing?: Pricing;
  /** Opens the settings at the prices section (the "Set prices…" button when some tokens are unpriced). */
  onSetPrices?: () => void;
}

/** The total cost as reported, large, with its check at API prices when the report has one. */
export function CostHero({ costUSD, caption, pricing, onSetPrices }: CostHeroProps) {
  return (
    <HeroCard>
      <CardContent sx={{ height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', gap: 2 }}>
        <Stack direction="row" spacing={1.25} sx={{ alignItems: 'center' }}>
          <Badge aria-hidden>
            <PaymentsOutlined fontSize="small" />
          </Badge>
          <Typography variant="overline" color="text.secondary" component="h2">
            Total cost
          </Typography>
        </Stack>
        <MetricValue
          metric="total_cost_usd"
          {...usdFigure(costUSD)}
          variant="h1"
          component="p"
          sx={{ alignSelf: 'flex-start' }}
        />
        {pricing && <ComputedCostLine pricing={pricing} onSetPrices={onSetPrices} />}
        <Typography variant="body2" color="text.secondary" noWrap>
          {caption}
        </Typography>
      </CardContent>
    </HeroCard>
  );
}
