import { backend } from '@wails/go/models';
import type { Profile, ProfilesState, ProfileView, Report, SessionInfo } from '../api';

/** A report as the Go side would send it; `over` replaces top-level fields. */
export function makeReport(over: Record<string, unknown> = {}): Report {
  return backend.Report.createFrom({
    user_id: 'u1',
    username: 'alice',
    total_workflows: 12,
    total_instances: 345,
    total_tokens: 1_234_567,
    total_input_tokens: 500_000,
    total_output_tokens: 234_567,
    total_cache_creation_tokens: 100_000,
    total_cache_read_tokens: 400_000,
    total_cost_usd: 1234.5678,
    total_execution_time_ms: 12_300_000,
    period_start: '2025-10-28T00:00:00Z',
    period_end: '2025-11-26T23:59:59.999Z',
    token_breakdown: {
      input_tokens: 500_000,
      output_tokens: 234_567,
      cache_creation_input_tokens: 100_000,
      cache_read_input_tokens: 400_000,
      total_tokens: 1_234_567,
    },
    source: { kind: 'mongodb', label: 'MongoDB 127.0.0.1:40123 / claude_workflows', account: 'alice' },
    generated_at: new Date().toISOString(),
    period: {
      preset: 'last_30_days',
      label: 'Last 30 days',
      start: '2025-10-28T00:00:00Z',
      end: '2025-11-26T23:59:59.999Z',
      time_zone: 'UTC',
    },
    derived: {
      avg_cost_per_instance_usd: 0.42,
      avg_tokens_per_instance: 3578.4551,
      cost_per_1k_tokens_usd: 0.0123456,
      token_shares: { input: 0.4253, output: 0.19, cache_creation: 0.081, cache_read: 0.3037 },
    },
    ...over,
  });
}

export function emptyReport(preset = 'last_30_days', label = 'Last 30 days'): Report {
  return makeReport({
    total_workflows: 0,
    total_instances: 0,
    total_tokens: 0,
    total_cost_usd: 0,
    total_execution_time_ms: 0,
    token_breakdown: {
      input_tokens: 0,
      output_tokens: 0,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      total_tokens: 0,
    },
    period: { preset, label, start: null, end: null, time_zone: 'UTC' },
    derived: {
      avg_cost_per_instance_usd: 0,
      avg_tokens_per_instance: 0,
      cost_per_1k_tokens_usd: 0,
      token_shares: { input: 0, output: 0, cache_creation: 0, cache_read: 0 },
    },
  });
}

/** The 16 data-metric ids with the text and data-exact makeReport() must produce. */
export const EXPECTED: Record<string, [text: string, exact: string]> = {
  total_cost_usd: ['$1,234.57', '$1,234.5678'],
  total_tokens: ['1.2M', '1,234,567'],
  total_workflows: ['12', '12'],
  total_instances: ['345', '345'],
  input_tokens: ['500K', '500,000'],
  output_tokens: ['234.6K', '234,567'],
  cache_creation_input_tokens: ['100K', '100,000'],
  cache_read_input_tokens: ['400K', '400,000'],
  input_share: ['42.5%', '42.53%'],
  output_share: ['19.0%', '19.00%'],
  cache_creation_share: ['8.1%', '8.10%'],
  cache_read_share: ['30.4%', '30.37%'],
  avg_cost_per_instance_usd: ['$0.42', '$0.4200'],
  avg_tokens_per_instance: ['3.6K', '3,578.5'],
  cost_per_1k_tokens_usd: ['$0.0123', '$0.0123'],
  total_execution_time_ms: ['3h 25m', '12,300,000 ms'],
};

// ---------------------------------------------------------------------------
// Profiles, as ProfileService.State() would send them.

export const DAY = 86_400_000;

export function signedIn(username: string, msLeft = 6 * DAY + 60_000): SessionInfo {
  return {
    signed_in: true,
    user_id: `id-${username}`,
    username,
    expires_at: new Date(Date.now() + msLeft).toISOString(),
    expired: false,
  };
}

export const SIGNED_OUT: SessionInfo = { signed_in: false, user_id: '', username: '', expires_at: null, expired: false };

export function view(profile: Profile, session: SessionInfo = SIGNED_OUT, over: Partial<ProfileView> = {}): ProfileView {
  return { profile, session, has_password: false, insecure: false, ...over };
}

export function mongoView(over: Partial<Profile> = {}): ProfileView {
  return view(
    {
      id: 'p-mongo',
      name: 'Production DB',
      kind: 'mongodb',
      mongo_uri: 'mongodb://reader@db.example.com:27017/?authSource=admin',
      database: 'claude_workflows',
      account: 'alice',
      ...over,
    },
    SIGNED_OUT,
    { has_password: true },
  );
}

export function platformView(session: SessionInfo = SIGNED_OUT, over: Partial<Profile> = {}): ProfileView {
  return view(
    { id: 'p-work', name: 'Work platform', kind: 'platform', base_url: 'https://agents.example.com', login: 'bob', ...over },
    session,
  );
}

export function demoView(session: SessionInfo = SIGNED_OUT): ProfileView {
  return view(
    { id: 'p-demo', name: 'Sample platform', kind: 'platform', base_url: 'http://127.0.0.1:8085', login: 'demo', demo: true },
    session,
  );
}

export function makeState(profiles: ProfileView[], activeId = '', over: Partial<ProfilesState> = {}): ProfilesState {
  const demo = profiles.some((v) => v.profile.demo);
  return {
    profiles,
    active_id: activeId,
    secret_storage: 'keychain',
    secret_warning: '',
    demo_login: demo ? 'demo' : '',
    demo_password: demo ? 'demo-password' : '',
    ...over,
  };
}

// ---------------------------------------------------------------------------
// Breakdowns (MongoDB reports) and the everyone report.

/**
 * A breakdown row; `tokens` are input, output, cache write, cache read;
 * `computed` (cost at API prices) defaults to the reported cost.
 */
export function usageRow(
  key: string,
  label: string,
  cost: number,
  tokens: [number, number, number, number] = [0, 0, 0, 0],
  logs = 1,
  computed = cost,
  unpriced = 0,
) {
  const [input, output, cw, cr] = tokens;
  return {
    key,
    label,
    logs,
    tokens: {
      input_tokens: input,
      output_tokens: output,
      cache_creation_input_tokens: cw,
      cache_read_input_tokens: cr,
      total_tokens: input + output + cw + cr,
    },
    cost_usd: cost,
    execution_time_ms: 1000,
    computed_usd: computed,
    unpriced_tokens: unpriced,
  };
}

/** by_user of everyoneReport(): cost desc, with the Unassigned row. */
export const BY_USER = [
  usageRow('u-bob', 'bob', 800.5, [300_000, 100_000, 50_000, 250_000], 40),
  usageRow('u-alice', 'alice', 300.0678, [150_000, 100_000, 30_000, 100_000], 25),
  usageRow('', 'Unassigned', 100, [40_000, 20_000, 10_000, 40_000], 7),
  usageRow('u-carol', 'Carol', 34, [10_000, 14_567, 10_000, 10_000], 3),
];

export function breakdowns(over: Record<string, unknown> = {}) {
  return {
    by_day: [usageRow('2025-11-25', '2025-11-25', 1000), usageRow('2025-11-26', '2025-11-26', 234.5678)],
    by_model: [
      usageRow('claude-opus-4-1', 'claude-opus-4-1', 1000, [400_000, 200_000, 0, 0]),
      usageRow('claude-sonnet-4-5', 'claude-sonnet-4-5', 234.5678, [100_000, 34_567, 100_000, 400_000]),
    ],
    by_workflow: ['Triage', 'Release notes', 'Refactor', 'Docs', 'Tests', 'Bench', 'Lint'].map((name, i) =>
      usageRow(`w${i + 1}`, name, 400 - i * 50, [1000 * (7 - i), 0, 0, 0]),
    ),
    by_instance: [],
    by_mode: [
      usageRow('api-key', 'api-key', 900),
      usageRow('max-plan', 'max-plan', 300),
      usageRow('', 'Unknown', 34.5678),
    ],
    by_user: null,
    ...over,
  };
}

/** The whole team's report, as a MongoDB profile with account "*" gets it. */
export function everyoneReport(over: Record<string, unknown> = {}): Report {
  return makeReport({
    user_id: '',
    username: 'Everyone',
    source: { kind: 'mongodb', label: 'MongoDB 127.0.0.1:40123 / claude_workflows', account: 'Everyone' },
    breakdowns: breakdowns({ by_user: BY_USER }),
    ...over,
  });
}

// ---------------------------------------------------------------------------
// The cost check at API prices (MongoDB reports): every breakdown below sums
// to makeReport()'s totals ($1,234.5678 reported, $1,180.25 computed,
// 1,234,567 tokens: 500K input, 234,567 output, 100K cache write, 400K read).

/** report.pricing of pricedReport(): one unpriced model, drift +$32.25 over $1,167.75 computed. */
export const PRICING: NonNullable<Report['pricing']> = backend.PricingSummary.createFrom({
  table_version: '2026-02-17',
  table_source: 'Anthropic pricing page',
  computed_usd: 1180.25,
  unpriced_tokens: 34_567,
  unpriced_models: ['claude-opus-4-7'],
  logs_without_cost: 3,
  filled_in_usd: 12.5,
  estimated_usd: 1247.0678,
  reported_compared_usd: 1200,
  computed_compared_usd: 1167.75,
  drift_usd: 32.25,
  long_context_logs: 4,
  long_context_extra_usd: 7.5,
  cache_savings_usd: 95.4,
  cache_hit_ratio: 0.4,
});

/** by_model of pricedReport(): two priced models and one without a price. */
export const PRICED_BY_MODEL = [
  usageRow('claude-opus-4-1', 'claude-opus-4-1', 1000, [400_000, 200_000, 0, 0], 30, 980),
  usageRow('claude-sonnet-4-5', 'claude-sonnet-4-5', 200, [100_000, 0, 100_000, 400_000], 20, 200.25),
  usageRow('claude-opus-4-7', 'claude-opus-4-7', 34.5678, [0, 34_567, 0, 0], 5, 0, 34_567),
];

/** by_mode of pricedReport(): billed, plan-covered and unknown. */
export const PRICED_BY_MODE = [
  usageRow('api-key', 'api-key', 900, [300_000, 134_567, 60_000, 200_000], 35, 880, 34_567),
  usageRow('max-plan', 'max-plan', 300, [150_000, 80_000, 30_000, 150_000], 15, 290.25),
  usageRow('', 'Unknown', 34.5678, [50_000, 20_000, 10_000, 50_000], 5, 10),
];

/** by_instance of pricedReport(): seven instances in cost order, each in a different order by computed, tokens and logs. */
export const BY_INSTANCE = [
  usageRow('i1', 'inst-a', 400, [100_000, 0, 0, 0], 10, 300),
  usageRow('i2', 'inst-b', 300, [300_000, 0, 0, 0], 20, 330),
  usageRow('i3', 'inst-c', 200, [200_000, 0, 0, 0], 5, 190),
  usageRow('i4', 'inst-d', 150, [250_000, 0, 0, 0], 40, 160),
  usageRow('i5', 'inst-e', 100, [150_000, 0, 0, 0], 8, 110.25),
  usageRow('i6', 'inst-f', 50, [200_000, 0, 0, 0], 12, 90),
  usageRow('i7', 'inst-g', 34.5678, [34_567, 0, 0, 0], 3, 0, 34_567),
];

/** A MongoDB report with the cost check and every breakdown; `pricing` replaces fields of PRICING. */
export function pricedReport(over: Record<string, unknown> = {}, pricing: Record<string, unknown> = {}): Report {
  return makeReport({
    breakdowns: breakdowns({ by_model: PRICED_BY_MODEL, by_mode: PRICED_BY_MODE, by_instance: BY_INSTANCE }),
    pricing: { ...PRICING, ...pricing },
    ...over,
  });
}

/** A report from the platform's API: totals only, no breakdowns, no cost check. */
export function platformReport(over: Record<string, unknown> = {}): Report {
  return makeReport({
    breakdowns: null,
    pricing: null,
    source: { kind: 'platform', label: 'agents.example.com', account: 'bob' },
    ...over,
  });
}
