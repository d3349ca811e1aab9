/** The data-metric ids: the names the Go end-to-end test looks for. */
export type MetricId =
  | 'total_cost_usd'
  | 'total_tokens'
  | 'total_workflows'
  | 'total_instances'
  | 'input_tokens'
  | 'output_tokens'
  | 'cache_creation_input_tokens'
  | 'cache_read_input_tokens'
  | 'input_share'
  | 'output_share'
  | 'cache_creation_share'
  | 'cache_read_share'
  | 'avg_cost_per_instance_usd'
  | 'avg_tokens_per_instance'
  | 'cost_per_1k_tokens_usd'
  | 'total_execution_time_ms'
  /** Each row of the users table of the everyone report (the row carries data-user-key). */
  | 'user_cost_usd'
  /**
   * Every row of the "Over time" table (the row carries data-bucket = the
   * series row's key: "YYYY-MM-DD" for a day, the hour's RFC 3339 start, ""
   * for "No date"): its cost cell (exact "$1,234.5678") and its total tokens
   * cell (exact "1,234,567"), per day or, for a one-day period, per hour.
   * Only while the card shows the table (Ctrl+T).
   */
  | 'day_cost_usd'
  | 'hour_cost_usd'
  | 'day_tokens'
  | 'hour_tokens'
  /** Each row of the "By model" and "By billing mode" cards: its reported cost (exact "$1,234.5678"). */
  | 'model_cost_usd'
  | 'mode_cost_usd'
  /** The "As of …" badge while a stored report is shown (data-exact = its fetched_at). */
  | 'report_as_of'
  /** The offline banner's title (data-exact = when the offline streak began). */
  | 'offline_banner'
  /** The "This month" card (the tray's glance): month to date, today, month-end forecast (USD). */
  | 'month_usd'
  | 'today_usd'
  | 'forecast_usd'
  /** Budget used: month_usd / budget_usd ("62%", exact "62.34%"); only when a budget is set. */
  | 'budget_fraction'
  /** The About dialog's "Version …" line (data-exact = the version string). */
  | 'app_version'
  /**
   * The cost check at API prices (MongoDB reports with report.pricing), under
   * the headline: the computed cost (a lower bound, shown after "≥ ", when
   * unpriced_tokens > 0), the unpriced tokens (only then; exact = the count)
   * and the drift (reported − computed over logs with both; exact "+$32.2500 (+2.76%)").
   */
  | 'computed_usd'
  | 'unpriced_tokens'
  | 'drift_usd'
  /** The pricing card: the estimated spend (reported + filled in from tokens). */
  | 'estimated_usd'
  /** The cache card: what caching saved (negative: what it cost more) and the hit ratio (0..1 as "40.0%"). */
  | 'cache_savings_usd'
  | 'cache_hit_ratio'
  /** The billing-mode card: what the plan-covered (max-plan) usage would have cost at API prices. */
  | 'plan_computed_usd';
