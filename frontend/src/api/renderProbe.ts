// The end-to-end tests' render probe: a binding only the e2e build of the
// app has (Go build tag e2e), so it is reached through the Wails bridge at
// run time rather than a generated module, and absent from a release build.

/**
 * What the window shows, for the end-to-end test: a dashboard state, the
 * connect screen, or the sign-in dialog with its password field focused.
 */
export type RenderState = 'report' | 'empty' | 'error' | 'connect' | 'signin';

/** One figure as painted: its id (data-metric), visible text and exact value (data-exact). */
export interface RenderedMetric {
  id: string;
  text: string;
  exact: string;
}

interface ProbeBinding {
  Enabled(): Promise<boolean>;
  Rendered(state: string, metrics: RenderedMetric[]): Promise<void>;
}

function binding(): ProbeBinding | undefined {
  const w = window as unknown as { go?: { app?: { RenderProbe?: ProbeBinding } } };
  return w.go?.app?.RenderProbe;
}

/** Whether this app has the probe and it was started with an output path. */
export async function probeEnabled(): Promise<boolean> {
  try {
    return (await binding()?.Enabled()) === true;
  } catch {
    return false;
  }
}

/** Tells the probe what was painted; a no-op without it. */
export async function probeRendered(state: RenderState, metrics: RenderedMetric[]): Promise<void> {
  try {
    await binding()?.Rendered(state, metrics);
  } catch {
    /* the test reads the next report */
  }
}
