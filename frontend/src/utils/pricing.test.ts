import { describe, expect, it } from 'vitest';
import { priceTableLine, shortSource } from './pricing';

describe('price table line', () => {
  const shipped =
    'Anthropic pricing page, early 2026 (https://platform.claude.com/docs/en/about-claude/pricing); batch and caching discounts stack per https://example.com';

  it('keeps the source without its links and notes', () => {
    expect(shortSource(shipped)).toBe('Anthropic pricing page, early 2026');
    expect(shortSource('My own table')).toBe('My own table');
  });

  it('names the version and the short source', () => {
    expect(priceTableLine('2026-02-17', shipped)).toBe('Prices as of 2026-02-17, Anthropic pricing page, early 2026');
    expect(priceTableLine(undefined, '')).toBe('Prices of an unnamed table');
  });
});
