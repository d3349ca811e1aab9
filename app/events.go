package app

import (
	"context"
	"sync/atomic"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// Event names a window event. Its values are "noun:verb"; the frontend gets
// them as the generated enum app.Event, never as literals.
type Event string

// The events the workspace sends to the window.
const (
	// EventConnectionChanged: the active connection changed (data: its id).
	EventConnectionChanged Event = "connection:changed"
	// EventSettingsChanged: the settings were saved (data: backend.Settings).
	EventSettingsChanged Event = "settings:changed"
	// EventGlanceUpdated: new figures for the tray and the dashboard's glance
	// (data: *backend.Glance, null when there is nothing to show).
	EventGlanceUpdated Event = "glance:updated"
	// EventSessionEnded: a platform session ended, by sign-out or because the
	// platform refused its token (data: SessionEnded).
	EventSessionEnded Event = "session:ended"
)

// SessionEnded is the data of EventSessionEnded.
type SessionEnded struct {
	ProfileID string `json:"profile_id"`
	// Refused says the platform refused the token (rather than a sign-out).
	Refused bool `json:"refused"`
}

// Emitter sends a window event; it must not block.
type Emitter interface {
	Emit(name Event, data any)
}

// Window is the running Wails window as the app's parts see it: events, and
// showing, hiding and quitting. Until Attach (the window's start-up) every
// call does nothing.
type Window struct {
	ctx atomic.Pointer[context.Context]
}

// NewWindow returns a Window not yet attached to a running window.
func NewWindow() *Window { return &Window{} }

// Attach binds w to the running window (Wails' OnStartup context).
func (w *Window) Attach(ctx context.Context) { w.ctx.Store(&ctx) }

// Context returns the running window's context, or nil before Attach.
func (w *Window) Context() context.Context {
	if p := w.ctx.Load(); p != nil {
		return *p
	}
	return nil
}

// Emit sends an event to the window.
func (w *Window) Emit(name Event, data any) {
	if ctx := w.Context(); ctx != nil {
		runtime.EventsEmit(ctx, string(name), data)
	}
}

// Show brings the window up and to the front.
func (w *Window) Show() {
	if ctx := w.Context(); ctx != nil {
		runtime.WindowUnminimise(ctx)
		runtime.WindowShow(ctx)
	}
}

// Hide hides the window (the app stays in the tray).
func (w *Window) Hide() {
	if ctx := w.Context(); ctx != nil {
		runtime.WindowHide(ctx)
	}
}

// Quit ends the app.
func (w *Window) Quit() {
	if ctx := w.Context(); ctx != nil {
		runtime.Quit(ctx)
	}
}
