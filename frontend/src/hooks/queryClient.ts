import { QueryClient } from '@tanstack/react-query';

/**
 * The window's cache of server state. Every call to the Go side answers at
 * once or fails with a sentence, so nothing is retried behind the user's back
 * (a Retry button or a refresh asks again), and a focus change refetches
 * nothing: the background refresh and the window events keep figures fresh.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}
