import Alert from '@mui/material/Alert';
import type { Report } from '../../api';
import { isPlatformReport, pricingOf } from '../../utils/pricing';

/** What the platform's API cannot give (said once for the whole dashboard, not per card). */
export const MONGODB_NOTICE =
  'Checking the cost at API prices, billable vs plan-covered usage, cache economics and the breakdowns by model, workflow and instance need a MongoDB connection: the platform’s API reports totals only.';

/** A MongoDB report without the cost check: stored by an earlier version. */
export const UNPRICED_REPORT_NOTICE =
  'This report has no check at API prices (it was stored before usagedash priced logs from their tokens). Refresh to get one.';

/**
 * The one note to show when part of the dashboard is missing: for a
 * platform-API report, that the cost check and breakdowns need a MongoDB
 * connection; for a stored MongoDB report without pricing, that a refresh
 * brings the check; undefined otherwise.
 */
export function pricingNoticeText(report: Report): string | undefined {
  if (isPlatformReport(report)) return MONGODB_NOTICE;
  if (report.breakdowns && !pricingOf(report)) return UNPRICED_REPORT_NOTICE;
  return undefined;
}

/** The dashboard's single note about what this report cannot show (see pricingNoticeText). */
export function PricingNotice({ text }: { text: string }) {
  return (
    <Alert severity="info" variant="outlined" role="note" data-testid="pricing-notice">
      {text}
    </Alert>
  );
}
