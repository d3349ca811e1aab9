import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import { DashboardGrid, GridArea } from './DashboardGrid';

function StatSkeleton() {
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Skeleton variant="text" width="55%" />
        <Skeleton variant="text" width="70%" sx={{ fontSize: '2rem' }} />
      </CardContent>
    </Card>
  );
}

/** Skeletons in the shape of the dashboard, shown before the first report. */
export function LoadingState() {
  return (
    <DashboardGrid aria-busy="true" aria-label="Loading usage report" data-testid="loading-state">
      <GridArea area="hero">
        <Card sx={{ height: '100%' }}>
          <CardContent>
            <Skeleton variant="text" width={120} />
            <Skeleton variant="text" width="60%" sx={{ fontSize: '3rem' }} />
            <Skeleton variant="text" width="45%" />
          </CardContent>
        </Card>
      </GridArea>
      <GridArea area="stats">
        <StatSkeleton />
        <StatSkeleton />
        <StatSkeleton />
      </GridArea>
      <GridArea area="breakdown">
        <Card sx={{ height: '100%' }}>
          <CardContent>
            <Skeleton variant="text" width={160} sx={{ mb: 1 }} />
            <Stack spacing={2}>
              {[0, 1, 2, 3].map((i) => (
                <div key={i}>
                  <Skeleton variant="text" width="100%" />
                  <Skeleton variant="rounded" height={8} />
                </div>
              ))}
            </Stack>
          </CardContent>
        </Card>
      </GridArea>
      <GridArea area="efficiency">
        <Card sx={{ height: '100%' }}>
          <CardContent>
            <Skeleton variant="text" width={110} sx={{ mb: 1 }} />
            <Stack spacing={2}>
              {[0, 1].map((i) => (
                <Stack direction="row" spacing={3} key={i}>
                  <Skeleton variant="text" width="45%" sx={{ fontSize: '2.2rem' }} />
                  <Skeleton variant="text" width="45%" sx={{ fontSize: '2.2rem' }} />
                </Stack>
              ))}
            </Stack>
          </CardContent>
        </Card>
      </GridArea>
    </DashboardGrid>
  );
}
