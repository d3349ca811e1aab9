import { useEffect, useRef } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  checkPricesIfDue,
  checkPricesNow,
  fetchPriceListing,
  fetchPriceStatus,
  fetchPriceTable,
  type ApiError,
  type PriceListing,
  type PriceStatus,
  type PriceTable,
} from '../api';
import { queryKeys } from './queryKeys';

export interface PriceTableState {
  table?: PriceTable;
  /** Why the table could not be read. */
  error?: string;
}

/** The shipped price table (the models an unknown one can be mapped to), read again each time `open` turns true. */
export function usePriceTable(open: boolean): PriceTableState {
  const q = useQuery<PriceTable, ApiError>({ queryKey: queryKeys.priceTable, queryFn: fetchPriceTable, enabled: open });
  return { table: q.data, error: q.error?.message };
}

export interface PriceListingState {
  listing?: PriceListing;
  error?: string;
}

/** The price table in force (shipped + last good download + the user's prices), while `enabled`. */
export function usePriceListing(enabled: boolean): PriceListingState {
  const q = useQuery<PriceListing, ApiError>({ queryKey: queryKeys.priceListing, queryFn: fetchPriceListing, enabled });
  return { listing: q.data, error: q.error?.message };
}

/** How often the status is asked for again while a check runs in the background. */
const CHECKING_POLL_MS = 1500;

/** How fresh the prices are, asked again while a background check runs, while `enabled`. */
export function usePriceStatus(enabled = true): { status?: PriceStatus; error?: string } {
  const q = useQuery<PriceStatus, ApiError>({
    queryKey: queryKeys.priceStatus,
    queryFn: fetchPriceStatus,
    enabled,
    refetchInterval: (query) => (query.state.data?.checking ? CHECKING_POLL_MS : false),
  });
  return { status: q.data, error: q.error?.message };
}

/** After new prices: the table, its status and every report (their computed costs) are read again. */
function pricesChanged(qc: QueryClient) {
  void qc.invalidateQueries({ queryKey: queryKeys.priceListing });
  void qc.invalidateQueries({ queryKey: queryKeys.priceTable });
  void qc.invalidateQueries({ queryKey: queryKeys.reports });
}

export interface CheckPricesState {
  /** Downloads the price list now; on success the reports are fetched again. */
  check: () => void;
  /** Set while this window's check runs. */
  checking: boolean;
  /** The refusal of the last check, in one sentence. */
  error?: string;
  /** The status the last successful check returned. */
  result?: PriceStatus;
}

/** "Check for new prices": PriceService.CheckNow, then the table, its status and the reports are read again. */
export function useCheckPrices(): CheckPricesState {
  const qc = useQueryClient();
  const m = useMutation<PriceStatus, ApiError>({
    mutationFn: checkPricesNow,
    onSuccess: (s) => {
      qc.setQueryData(queryKeys.priceStatus, s);
      pricesChanged(qc);
    },
    onError: () => void qc.invalidateQueries({ queryKey: queryKeys.priceStatus }),
  });
  return { check: () => m.mutate(), checking: m.isPending, error: m.error?.message, result: m.data };
}

/**
 * While `unpriced` (the report shown met a model without a price), asks once
 * for a background check (PriceService.CheckIfDue(true)), which never delays
 * the report; when a check brings new prices (the status' check time moves),
 * the table and the reports are read again.
 */
export function useBackgroundPriceCheck(unpriced: boolean): void {
  const qc = useQueryClient();
  const { status } = usePriceStatus(unpriced);
  useEffect(() => {
    if (!unpriced) return;
    let live = true;
    checkPricesIfDue(true)
      .then((started) => {
        if (started && live) void qc.invalidateQueries({ queryKey: queryKeys.priceStatus });
      })
      .catch(() => {
        /* a failed check shows in the prices' status */
      });
    return () => {
      live = false;
    };
  }, [unpriced, qc]);

  // The check time seen before; a later one means new prices are in force.
  const seen = useRef<string>(undefined);
  useEffect(() => {
    if (!status) return;
    const checked = status.checked ?? '';
    if (seen.current !== undefined && seen.current !== checked) pricesChanged(qc);
    seen.current = checked;
  }, [status, qc]);
}
