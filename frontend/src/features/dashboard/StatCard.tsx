import type { ReactNode } from 'react';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { alpha, styled } from '@mui/material/styles';
import type { MetricId } from '../../utils/metricIds';
import { MetricValue } from '../../components/MetricValue';

const IconBox = styled('span')(({ theme }) => ({
  display: 'inline-flex',
  padding: 6,
  borderRadius: 10,
  color: theme.palette.text.secondary,
  backgroundColor: alpha(theme.palette.text.primary, theme.palette.mode === 'dark' ? 0.08 : 0.05),
}));

export interface StatCardProps {
  label: string;
  icon: ReactNode;
  metric: MetricId;
  text: string;
  exact: string;
  caption?: string;
}

/** A labelled single figure. */
export function StatCard({ label, icon, metric, text, exact, caption }: StatCardProps) {
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent sx={{ height: '100%', display: 'flex', flexDirection: 'column', gap: 1.5 }}>
        <Stack direction="row" spacing={1.25} sx={{ alignItems: 'center' }}>
          <IconBox aria-hidden>{icon}</IconBox>
          <Typography variant="subtitle2" color="text.secondary" component="h2" noWrap>
            {label}
          </Typography>
        </Stack>
        <MetricValue metric={metric} text={text} exact={exact} variant="h4" component="p" sx={{ alignSelf: 'flex-start' }} />
        {caption && (
          <Typography variant="caption" color="text.secondary" sx={{ mt: 'auto' }}>
            {caption}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
