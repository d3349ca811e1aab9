// The figure columns that UsageTable's users and instances tables share.
import type { UsageRow } from '../api';
import { computedFigure, type Pricing } from './pricing';
import { compactFigure, integerFigure, usdFigure } from './figures';
import type { MetricId } from './metricIds';
import type { UsageColumn } from '../features/dashboard/UsageTable';

type Maybe = number | null | undefined;

/** The reported cost, in bold; `total` is the report's headline cost. */
export function costColumn(label: string, total: Maybe, metric?: MetricId): UsageColumn {
  return {
    key: 'cost',
    label,
    value: (r) => r.cost_usd,
    figure: (r) => usdFigure(r.cost_usd),
    total: usdFigure(total),
    metric,
    strong: true,
  };
}

/** The cost at API prices ("≥ $X" with unpriced tokens, "No price" for none); `pricing` gives the total. */
export function computedColumn(pricing: Pricing): UsageColumn {
  return {
    key: 'computed',
    label: 'At API prices',
    value: (r) => r.computed_usd,
    figure: (r) => computedFigure(r.computed_usd, r.unpriced_tokens),
    total: computedFigure(pricing.computed_usd, pricing.unpriced_tokens),
  };
}

/** A token count, compact with the exact count on hover. */
export function tokenColumn(key: string, label: string, get: (r: UsageRow) => Maybe, total?: Maybe): UsageColumn {
  return {
    key,
    label,
    value: (r) => get(r) ?? undefined,
    figure: (r) => compactFigure(get(r)),
    total: total === undefined ? undefined : compactFigure(total),
  };
}

/** How many logs a row sums; `total` when the footer should show one. */
export function logsColumn(total?: number): UsageColumn {
  return {
    key: 'logs',
    label: 'Logs',
    value: (r) => r.logs,
    figure: (r) => integerFigure(r.logs),
    total: total === undefined ? undefined : integerFigure(total),
  };
}
