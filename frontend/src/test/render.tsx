// render and renderHook of Testing Library under a fresh server-state cache,
// for tests of a component or hook without the whole App (which brings its own).
import type { ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import {
  render as rtlRender,
  renderHook as rtlRenderHook,
  type RenderHookOptions,
  type RenderOptions,
} from '@testing-library/react';
import { createQueryClient } from '../hooks/queryClient';

function wrapper() {
  const client = createQueryClient();
  return function QueryWrapper({ children }: { children: ReactNode }) {
    return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  };
}

export function render(ui: React.ReactElement, options: Omit<RenderOptions, 'wrapper'> = {}) {
  return rtlRender(ui, { ...options, wrapper: wrapper() });
}

export function renderHook<R, P>(hook: (props: P) => R, options: Omit<RenderHookOptions<P>, 'wrapper'> = {}) {
  return rtlRenderHook(hook, { ...options, wrapper: wrapper() });
}
