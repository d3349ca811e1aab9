import { act, waitFor } from '@testing-library/react';
import { renderHook } from '../test/render';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../api';
import { THEME_STORAGE_KEY, useThemeMode } from './useThemeMode';

vi.mock('../api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api')>()),
  fetchTheme: vi.fn(),
}));

const fetchTheme = vi.mocked(api.fetchTheme);

function mockSystemDark(dark: boolean) {
  window.matchMedia = vi.fn().mockImplementation((query: string) => ({
    matches: dark && query.includes('dark'),
    media: query,
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
  }));
}

describe('useThemeMode', () => {
  beforeEach(() => {
    fetchTheme.mockReset();
    mockSystemDark(true);
  });

  it('follows the OS by default', async () => {
    fetchTheme.mockResolvedValue('system');
    const { result } = renderHook(() => useThemeMode());
    await waitFor(() => expect(fetchTheme).toHaveBeenCalled());
    expect(result.current.setting).toBe('system');
    expect(result.current.mode).toBe('dark');
  });

  it('uses the stored choice, unless the backend fixes a mode', async () => {
    window.localStorage.setItem(THEME_STORAGE_KEY, 'light');
    fetchTheme.mockResolvedValue('system');
    const a = renderHook(() => useThemeMode());
    expect(a.result.current.mode).toBe('light');
    await waitFor(() => expect(fetchTheme).toHaveBeenCalled());
    expect(a.result.current.mode).toBe('light');
    a.unmount();

    fetchTheme.mockResolvedValue('dark');
    const b = renderHook(() => useThemeMode());
    await waitFor(() => expect(b.result.current.mode).toBe('dark'));
    expect(b.result.current.setting).toBe('dark');
  });

  it('cycles system → light → dark → system and saves it', async () => {
    fetchTheme.mockResolvedValue('system');
    const { result } = renderHook(() => useThemeMode());
    await waitFor(() => expect(fetchTheme).toHaveBeenCalled());
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      act(() => result.current.cycle());
      seen.push(`${result.current.setting}/${window.localStorage.getItem(THEME_STORAGE_KEY)}`);
    }
    expect(seen).toEqual(['light/light', 'dark/dark', 'system/system']);
  });
});
