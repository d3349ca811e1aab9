// The end-to-end tests' view of the window, kept out of the product: it
// watches the DOM and tells the Go side's render probe (a binding of the e2e
// build only) what is painted. Components carry only neutral attributes:
// data-state on a screen (the dashboard's main, the connect screen, the
// sign-in form) and data-metric / data-exact on each figure.
import { probeEnabled, probeRendered, type RenderedMetric, type RenderState } from '../api';

/** The data-state values that are painted states; any other ("loading", "history", …) reports nothing. */
const REPORTED: ReadonlySet<string> = new Set<RenderState>(['report', 'empty', 'error', 'connect', 'signin']);
/** States that stand for a screen without figures. */
const NO_METRICS: ReadonlySet<string> = new Set<RenderState>(['connect']);

/** Whether `el` is hidden from the user by a modal over it (MUI sets aria-hidden on what a dialog covers). */
const covered = (el: Element) => el.closest('[aria-hidden="true"]') !== null;

/** The figures the user can see, in document order. */
function visibleMetrics(root: ParentNode): RenderedMetric[] {
  return Array.from(root.querySelectorAll<HTMLElement>('[data-metric]'))
    .filter((el) => !covered(el))
    .map((el) => ({ id: el.dataset.metric ?? '', text: (el.textContent ?? '').trim(), exact: el.dataset.exact ?? '' }));
}

/**
 * What the window shows: the last uncovered element with data-state (a
 * dialog comes after the screen it covers) and its figures; undefined while
 * nothing settled is shown.
 */
export function paintedState(root: ParentNode = document): { state: RenderState; metrics: RenderedMetric[] } | undefined {
  const screens = Array.from(root.querySelectorAll<HTMLElement>('[data-state]')).filter((el) => !covered(el));
  const top = screens.at(-1);
  const state = top?.dataset.state;
  if (!top || !state || !REPORTED.has(state)) return undefined;
  if (NO_METRICS.has(state)) return { state: state as RenderState, metrics: [] };
  const metrics = visibleMetrics(root);
  // The sign-in dialog reports only its own figures (its error), whatever is behind.
  return { state: state as RenderState, metrics: state === 'signin' ? metrics.filter((m) => m.id.startsWith('signin_')) : metrics };
}

/** Runs fn after the next paint (two animation frames), or soon where there are none. */
function afterPaint(fn: () => void): void {
  if (typeof window.requestAnimationFrame !== 'function') {
    window.setTimeout(fn, 0);
    return;
  }
  window.requestAnimationFrame(() => window.requestAnimationFrame(fn));
}

/**
 * Starts watching when the probe is there and enabled: after each paint that
 * changed the DOM, reports the painted state unless it is the one reported
 * last. A change of data-state in between (e.g. loading during a refresh)
 * makes the next paint report again, even with the same figures. Resolves
 * with a stop function.
 */
export async function startRenderProbe(root: Node = document.body): Promise<() => void> {
  if (!(await probeEnabled())) return () => {};
  let last = '';
  let scheduled = false;
  let stopped = false;
  const report = () => {
    scheduled = false;
    if (stopped) return;
    const painted = paintedState(document);
    if (!painted) {
      last = '';
      return;
    }
    const text = JSON.stringify(painted);
    if (text === last) return;
    last = text;
    void probeRendered(painted.state, painted.metrics);
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    afterPaint(report);
  };
  const observer = new MutationObserver((records) => {
    // A screen that changed state (e.g. loading and back) is reported afresh.
    if (records.some((r) => r.type === 'attributes' && r.attributeName === 'data-state')) last = '';
    schedule();
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  // Focus moves change no DOM but do change the sign-in state.
  document.addEventListener('focusin', schedule);
  schedule();
  return () => {
    stopped = true;
    observer.disconnect();
    document.removeEventListener('focusin', schedule);
  };
}
