import { describe, expect, it } from 'vitest';
import { makeSettings } from '../test/glanceFixtures';
import { addModelIdError, cacheRatePlaceholder, entriesFromSettings, newPriceEntry, priceEntryErrors, pricesFromEntries, type PriceEntry } from './priceForm';
import { computedFigure, driftDirection, driftFigure } from './pricing';
import { PRICING } from '../test/fixtures';

const custom = (rates: Partial<PriceEntry['rates']>): PriceEntry => ({
  ...newPriceEntry('m'),
  kind: 'custom',
  rates: { ...newPriceEntry('m').rates, ...rates },
});

describe('prices form', () => {
  it('checks custom prices: input and output required, numbers, not both zero; cache rates optional', () => {
    expect(priceEntryErrors(custom({}))).toEqual({}); // blank: left out, no error
    expect(priceEntryErrors(custom({ input: '3' }))).toEqual({ output: 'Enter the output price per million tokens.' });
    expect(priceEntryErrors(custom({ input: '3', output: '15' }))).toEqual({});
    expect(priceEntryErrors(custom({ input: '0', output: '0' }))).toEqual({ input: 'The input or output price must be above zero.' });
    expect(priceEntryErrors(custom({ input: '3', output: '15', cache_read: 'x' }))).toEqual({
      cache_read: 'Enter a price in dollars, such as 3 or 0.30.',
    });
    expect(priceEntryErrors({ ...newPriceEntry('m'), target: 'M ' })).toEqual({ target: 'A model cannot take its own price: choose another.' });
  });

  it('derives cache placeholders from the input price', () => {
    expect(cacheRatePlaceholder(custom({ input: '3' }).rates, 'cache_write_5m')).toBe('3.75');
    expect(cacheRatePlaceholder(custom({ input: '3' }).rates, 'cache_write_1h')).toBe('6');
    expect(cacheRatePlaceholder(custom({ input: '3' }).rates, 'cache_read')).toBe('0.3');
    expect(cacheRatePlaceholder(custom({}).rates, 'cache_read')).toBe('From input');
  });

  it('round-trips settings and leaves blank entries out', () => {
    const s = makeSettings({
      model_aliases: { b: 'claude-opus-4-6' },
      custom_prices: { a: { input: 1, output: 2, cache_write_5m: 0, cache_write_1h: 3, cache_read: 0 } },
    });
    const entries = entriesFromSettings(s, ['c', 'B']);
    expect(entries.map((e) => [e.id, e.kind])).toEqual([['a', 'custom'], ['b', 'alias'], ['c', 'alias']]);
    expect(entries[0].rates).toEqual({ input: '1', output: '2', cache_write_5m: '', cache_write_1h: '3', cache_read: '' });
    expect(pricesFromEntries(entries)).toEqual({ model_aliases: s.model_aliases, custom_prices: s.custom_prices });
    expect(addModelIdError(' ', entries)).toMatch(/Enter a model id/);
    expect(addModelIdError('A', entries)).toBe('A is already listed.');
    expect(addModelIdError('d', entries)).toBeUndefined();
  });
});

describe('pricing wording', () => {
  it('never shows an unpriced cost as $0.00', () => {
    expect(computedFigure(12.5, 0)).toEqual({ text: '$12.50', exact: '$12.5000' });
    expect(computedFigure(12.5, 100)).toEqual({ text: '≥ $12.50', exact: '≥ $12.5000; 100 tokens without a price' });
    expect(computedFigure(0, 100).text).toBe('No price');
    expect(computedFigure(0, 0).text).toBe('$0.00');
  });

  it('signs the drift against the computed cost', () => {
    expect(driftFigure(PRICING)).toEqual({ text: '+$32.25 (+2.8%)', exact: '+$32.2500 (+2.76%)' });
    expect(driftDirection(PRICING)).toBe('higher');
    expect(driftDirection({ ...PRICING, drift_usd: -10 })).toBe('lower');
    expect(driftDirection({ ...PRICING, drift_usd: 0.004 })).toBe('match');
    expect(driftFigure({ ...PRICING, computed_compared_usd: 0 }).text).toBe('+$32.25');
  });
});
