import { useEffect, useState } from 'react';
import { probeEnabled, probeRendered, type RenderState, type RenderedMetric } from '../api';

/** Every figure on screen: elements with data-metric, in document order. */
function collectMetrics(root: ParentNode = document): RenderedMetric[] {
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

/** States that stand for a screen without figures: always reported with no metrics. */
const NO_METRICS: ReadonlySet<RenderState> = new Set<RenderState>(['connect']);

/** What each state reports: the sign-in dialog only its own figures (its error). */
function metricsFor(state: RenderState): RenderedMetric[] {
  if (NO_METRICS.has(state)) return [];
  const all = collectMetrics();
  return state === 'signin' ? all.filter((m) => m.id.startsWith('signin_')) : all;
}

/**
 * Test hook for the Go end-to-end test: when the backend's RenderProbe is
 * enabled, reports what was painted each time a new report or error is
 * painted while `state` is set (undefined = still loading, report nothing).
 * "connect" (the connect screen) is reported with no metrics, and "signin"
 * (the sign-in dialog with its password field focused) with only its own
 * (signin_error when a sign-in failed), whatever is behind. A change of
 * `extra` (e.g. the text of a badge or banner that comes and goes) reports again.
 */
export function useRenderProbe(state: RenderState | undefined, report: unknown, error: unknown, extra?: unknown): void {
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
      probeRendered(state, metricsFor(state)).catch(() => {});
    });
  }, [enabled, state, report, error, extra]);
}
