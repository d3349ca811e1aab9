// The keys of the server state the window caches (TanStack Query). One key
// per thing the Go side answers; a prefix invalidates everything under it.
import type { PeriodRequest } from '../api';
import { requestKey } from '../utils/period';

export const queryKeys = {
  /** The saved connections, which one is active and where secrets are kept. */
  profiles: ['profiles'] as const,
  /** Every report of every connection (live and stored). */
  reports: ['report'] as const,
  /** The live report of one connection and period; its stored twin sits under it. */
  report: (profileId: string, req: PeriodRequest) => ['report', profileId, requestKey(req)] as const,
  /** The newest stored report of one connection and period. */
  storedReport: (profileId: string, req: PeriodRequest) => ['report', profileId, requestKey(req), 'stored'] as const,
  /** The offline streak of one connection's report fetches (client state, set by the fetches). */
  offline: (profileId: string) => ['offline', profileId] as const,
  /** Every glance. */
  glances: ['glance'] as const,
  /** The tray's glance of one connection. */
  glance: (profileId: string) => ['glance', profileId] as const,
  /** The stored reports of one connection ("" = every one). */
  history: (profileId: string) => ['history', profileId] as const,
  /** Every history listing. */
  histories: ['history'] as const,
  /** How two stored reports differ. */
  compare: (fromId: string, toId: string) => ['history-compare', fromId, toId] as const,
  settings: ['settings'] as const,
  priceTable: ['price-table'] as const,
  /** The price table in force (PriceService.Table). */
  priceListing: ['price-listing'] as const,
  /** How fresh the prices are (PriceService.Status). */
  priceStatus: ['price-status'] as const,
  /** A stored report repriced with today's prices. */
  recost: (id: string) => ['recost', id] as const,
  presets: ['presets'] as const,
  /** The data source of one connection. */
  source: (profileId: string) => ['source', profileId] as const,
  theme: ['theme'] as const,
  about: ['about'] as const,
};
