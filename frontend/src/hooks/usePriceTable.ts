import { useEffect, useState } from 'react';
import { fetchPriceTable, toApiError, type PriceTable } from '../api';

export interface PriceTableState {
  table?: PriceTable;
  /** Why the table could not be read. */
  error?: string;
}

/** The shipped price table, read each time `open` turns true. */
export function usePriceTable(open: boolean): PriceTableState {
  const [state, setState] = useState<PriceTableState>({});
  useEffect(() => {
    if (!open) return;
    let alive = true;
    setState({});
    fetchPriceTable().then(
      (table) => alive && setState({ table }),
      (err: unknown) => alive && setState({ error: toApiError(err).message }),
    );
    return () => {
      alive = false;
    };
  }, [open]);
  return state;
}
