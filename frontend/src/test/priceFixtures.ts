// The price table in force and its status as PriceService answers them,
// for the tests of Settings → Prices and the pricing card.
import type { PriceListing, PriceRow, PriceStatus } from '../api';

export const DOWNLOAD_URL = 'https://prices.example/model_prices_and_context_window.json';

const row = (family: string, name: string, from: string, input: number, output: number, over: Partial<PriceRow> = {}): PriceRow => ({
  row: `${family}@${from}`,
  family,
  name,
  from,
  input,
  output,
  cache_write_5m: input * 1.25,
  cache_write_1h: input * 2,
  cache_read: input / 10,
  custom: false,
  source: 'Anthropic pricing page',
  verified: '2026-12-01',
  confidence: 'official',
  provenance: { fetched_at: '', origin: 'embedded', url: DOWNLOAD_URL, check: 'confirmed' },
  ...over,
});

/**
 * Sonnet 5.5 with its dated cache-read drop (the later row secondary), Opus
 * 5.5 confirmed, Fable 5.2 (also Mythos 5.2) with a new price from the
 * download, and a model only the download knows.
 */
export const LISTING: PriceListing = {
  version: '2026-12-04+litellm-2026-12-02',
  source: 'Anthropic pricing page. Merged with the download.',
  update: { url: DOWNLOAD_URL, fetched_at: '2026-12-02T08:00:00Z', sha256: 'ab12', families: 24, kept_out: [] },
  families: [
    {
      family: 'claude-sonnet-5-5',
      name: 'Claude Sonnet 5.5',
      same_as: [],
      litellm_wrong: [],
      in_force: 1,
      rows: [
        row('claude-sonnet-5-5', 'Claude Sonnet 5.5', '2026-06-01', 2, 10, { cache_read: 0.2 }),
        row('claude-sonnet-5-5', 'Claude Sonnet 5.5', '2026-10-07', 2, 10, {
          cache_read: 0.1,
          confidence: 'secondary',
          source: 'Third-party price trackers',
          verified: '2026-11-30',
        }),
      ],
    },
    { family: 'claude-opus-5-5', name: 'Claude Opus 5.5', same_as: [], litellm_wrong: [], in_force: 0, rows: [row('claude-opus-5-5', 'Claude Opus 5.5', '2026-09-01', 5, 25)] },
    {
      family: 'claude-fable-5-2',
      name: 'Claude Fable 5.2',
      same_as: ['claude-mythos-5-2'],
      litellm_wrong: ['cache_write_1h'],
      in_force: 1,
      rows: [
        row('claude-fable-5-2', 'Claude Fable 5.2', '2026-11-09', 15, 75, { provenance: { fetched_at: '', origin: 'embedded', check: 'kept', note: 'A newer row from the download follows.' } }),
        row('claude-fable-5-2', 'Claude Fable 5.2', '2026-12-02', 12, 60, {
          confidence: 'secondary',
          source: 'LiteLLM claude-fable-5-2',
          verified: '2026-12-02',
          provenance: { fetched_at: '', origin: 'litellm', check: 'added' },
        }),
      ],
    },
    {
      family: 'claude-lyric-1',
      name: 'claude-lyric-1',
      same_as: [],
      litellm_wrong: [],
      in_force: 0,
      rows: [
        row('claude-lyric-1', 'claude-lyric-1', '2026-12-02', 1, 4, {
          confidence: 'secondary',
          source: 'LiteLLM claude-lyric-1',
          verified: '2026-12-02',
          provenance: { fetched_at: '', origin: 'litellm', check: 'added' },
        }),
      ],
    },
  ],
  custom: [],
  cache_ttl: 'match',
  aliases: {},
};

export const priceStatus = (over: Partial<PriceStatus> = {}): PriceStatus => ({
  version: LISTING.version,
  update: LISTING.update,
  checked: '2026-12-02T08:00:00Z',
  checked_text: 'Prices checked 3 days ago.',
  last_error: '',
  store_error: '',
  checking: false,
  daily_check: true,
  url: DOWNLOAD_URL,
  ...over,
});
