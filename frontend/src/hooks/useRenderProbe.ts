import { useEffect, useState } from 'react';
import { probeEnabled, probeRendered, type RenderState, type RenderedMetric } from '../api';

/** Every figure on screen: elements with data-metric, in document order. */
export function collectMetrics(root: ParentNode = document): RenderedMetric[] {
  return Array.from(root.querySelectorAll<HTMLElement>('[data-metric]')).map((el) => ({
    id: el.dataset.metric ?? '',
    text: (el.textContent ?? '').trim(),
    exact: el.dataset.exact ?? '',
  }));
}

function afterPaint(fn: () => void): () => void {
  if (typeof window.requestAnimationFrame !== 'function') {
    const t = window.setTimeout(fn, 0);
    return () => window.clearTimeout(t);
  }
  let inner = 0;
  const outer = window.requestAnimationFrame(() => {
    inner = window.requestAnimationFrame(fn);
  });
  return () => {
    window.cancelAnimationFrame(outer);
    if (inner) window.cancelAnimationFrame(inner);
  };
}

/**
 * Test hook for the Go end-to-end test: when the backend's RenderProbe is
 * enabled, reports what was painted each time a new report or error is
 * painted while `state` is set (undefined = still loading, report nothing).
 */
export function useRenderProbe(state: RenderState | undefined, report: unknown, error: unknown): void {
  const [enabled, setEnabled] = useState(false);

  useEffect(() => {
    let alive = true;
    probeEnabled().then((on) => {
      if (alive) setEnabled(on);
    });
    return () => {
      alive = false;
    };
  }, []);

  useEffect(() => {
    if (!enabled || !state) return;
    return afterPaint(() => {
      probeRendered(state, collectMetrics()).catch(() => {});
    });
  }, [enabled, state, report, error]);
}
