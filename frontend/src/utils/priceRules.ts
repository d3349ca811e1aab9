// Wording for the pricing rules a report lists (report.pricing.rules, by the
// rule's stable id) and for the unpriced tokens of a report's models.
import type { UsageRow } from '../api';
import { formatCompact } from './format';

const RULE_LABELS: Record<string, string> = {
  'long-context': 'Prompt-size tier: the whole request at the long-prompt rates',
  fast: 'Fast-mode multiplier',
  batch: 'Batch discount (50%)',
  regional: 'Regional inference (×1.1)',
  'cache-1h': 'Cache writes at the 1-hour rate',
};

/** "Batch discount (50%)" for "batch"; an id this window does not know reads as itself. */
export function ruleLabel(id: string): string {
  return RULE_LABELS[id] ?? id;
}

/** "1 log", "12 logs" */
export function logsText(n: number): string {
  return n === 1 ? '1 log' : `${n.toLocaleString('en-US')} logs`;
}

/**
 * "12.4M tokens of claude-xyz unpriced.", several models joined ("… of
 * claude-a and 1.2M tokens of claude-b unpriced."), with the tokens of logs
 * that name no model; the per-model counts come from the report's by-model
 * rows (without them, the total and the models' names).
 */
export function unpricedSentence(models: readonly string[], totalTokens: number, byModel?: readonly UsageRow[] | null): string {
  if (!byModel) {
    const names = models.length ? ` of ${models.join(', ')}` : '';
    return `${formatCompact(totalTokens)} tokens${names} unpriced.`;
  }
  const parts: string[] = [];
  let named = 0;
  for (const id of models) {
    const row = byModel.find((r) => r.key === id);
    const tokens = row?.unpriced_tokens ?? 0;
    named += tokens;
    parts.push(tokens > 0 ? `${formatCompact(tokens)} tokens of ${id}` : id);
  }
  const rest = totalTokens - named;
  if (rest > 0) parts.push(`${formatCompact(rest)} tokens of logs without a model or a split by kind`);
  if (parts.length === 0) return '';
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${list} unpriced.`;
}
