// The window events the Go side sends: their names are the generated enum
// app.Event (wailsjs/go/models.ts), never literals.
// Re-exported by './index': import from '../api', never from here.
import { app } from '@wails/go/models';
import { EventsOn } from '@wails/runtime';

/** The events' names ("noun:verb"). */
export const EVENTS = {
  /** The active connection changed (data: its id), e.g. from the tray menu. */
  connectionChanged: app.Event.ConnectionChanged,
  /** The settings were saved (data: the settings). */
  settingsChanged: app.Event.SettingsChanged,
  /** New figures for the tray and the dashboard's glance (data: the glance, or null). */
  glanceUpdated: app.Event.GlanceUpdated,
  /** A platform session ended (data: { profile_id, refused }). */
  sessionEnded: app.Event.SessionEnded,
} as const;

/** Listens to a window event; a no-op outside the Wails window. Returns the unsubscribe. */
export function listen<T>(name: string, cb: (data: T) => void): () => void {
  try {
    const off = EventsOn(name, (data: T) => cb(data));
    return typeof off === 'function' ? off : () => {};
  } catch {
    return () => {};
  }
}
