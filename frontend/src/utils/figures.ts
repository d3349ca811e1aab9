// Figures as shown (rounded) and exact, ready to spread into MetricValue or ExactText.
import { formatCompact, formatInteger, formatUSD, formatUSDExact } from './format';
import type { Figure } from './pricing';

type Maybe = number | null | undefined;

/** "$1,234.57", exact "$1,234.5678". */
export const usdFigure = (v: Maybe): Figure => ({ text: formatUSD(v), exact: formatUSDExact(v) });
/** "1.2M", exact "1,234,567". */
export const compactFigure = (v: Maybe): Figure => ({ text: formatCompact(v), exact: formatInteger(v) });
/** "1,234" both ways. */
export const integerFigure = (v: Maybe): Figure => ({ text: formatInteger(v), exact: formatInteger(v) });
