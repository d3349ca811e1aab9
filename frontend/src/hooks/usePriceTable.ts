import { useQuery } from '@tanstack/react-query';
import { fetchPriceTable, type ApiError, type PriceTable } from '../api';
import { queryKeys } from './queryKeys';

export interface PriceTableState {
  table?: PriceTable;
  /** Why the table could not be read. */
  error?: string;
}

/** The price table in use, read again each time `open` turns true. */
export function usePriceTable(open: boolean): PriceTableState {
  const q = useQuery<PriceTable, ApiError>({ queryKey: queryKeys.priceTable, queryFn: fetchPriceTable, enabled: open });
  return { table: q.data, error: q.error?.message };
}
