import { backend } from '@wails/go/models';
import type { Report } from '../api';

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
