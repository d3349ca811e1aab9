package app

import (
	"context"
	"errors"
	"sync/atomic"
	"time"

	"usagedash/backend"
	"usagedash/backend/platform"
	"usagedash/backend/settings"
)

// Workspace is the app's state that the window and the tray share: the
// active connection, the settings, the platform sessions, the latest glance
// and the history of fetched reports. Both call it, so switching
// connections, pausing alerts and dropping a refused token run the same code
// whichever of them asked; each change is announced to the window as an
// Event.
type Workspace struct {
	conns   *Connections
	prefs   *settings.Store
	history *HistoryPolicy
	events  Emitter
	refresh chan struct{}
	glance  atomic.Pointer[backend.Glance]
}

// NewWorkspace returns a Workspace over conns, the settings store prefs and
// the history policy (whose store may be nil: no history), announcing
// changes through events.
func NewWorkspace(conns *Connections, prefs *settings.Store, history *HistoryPolicy, events Emitter) *Workspace {
	return &Workspace{conns: conns, prefs: prefs, history: history, events: events, refresh: make(chan struct{}, 1)}
}

// Connections returns the saved connections.
func (w *Workspace) Connections() *Connections { return w.conns }

// History returns the history policy (and through it the store).
func (w *Workspace) History() *HistoryPolicy { return w.history }

// ActiveProfile returns the active profile, ENOTFOUND when none is chosen.
func (w *Workspace) ActiveProfile() (backend.Profile, error) {
	id, err := w.conns.ActiveID()
	if err != nil {
		return backend.Profile{}, err
	}
	if id == "" {
		return backend.Profile{}, backend.Errorf(backend.ENOTFOUND, "Choose a connection first.")
	}
	return w.conns.Profile(id)
}

// Activate makes profile id the active connection, tells the window and
// refreshes the glance.
func (w *Workspace) Activate(id string) error {
	if err := w.conns.setActive(id); err != nil {
		return err
	}
	w.events.Emit(EventConnectionChanged, id)
	w.RequestRefresh()
	return nil
}

// Settings returns the current settings.
func (w *Workspace) Settings() backend.Settings { return w.prefs.Get() }

// SaveSettings validates and stores st, tells the window and refreshes.
func (w *Workspace) SaveSettings(st backend.Settings) (backend.Settings, error) {
	saved, err := w.prefs.Save(st)
	if err != nil {
		return saved, err
	}
	w.events.Emit(EventSettingsChanged, saved)
	w.RequestRefresh()
	return saved, nil
}

// SetAlertsPaused pauses or resumes budget alerts.
func (w *Workspace) SetAlertsPaused(paused bool) error {
	st := w.prefs.Get()
	st.AlertsPaused = paused
	_, err := w.SaveSettings(st)
	return err
}

// SignIn signs in to platform profile id and keeps the session.
func (w *Workspace) SignIn(ctx context.Context, id, password string) (*backend.SessionInfo, error) {
	p, err := w.conns.Profile(id)
	if err != nil {
		return nil, err
	}
	client, err := platformClient(p)
	if err != nil {
		return nil, err
	}
	if password == "" {
		return nil, backend.Errorf(backend.EINVALID, "Enter your password.")
	}
	resp, err := client.Login(ctx, p.Login, password)
	if err != nil {
		return nil, err
	}
	session, err := resp.Session()
	if err != nil {
		return nil, err
	}
	if err := w.conns.storeSession(ctx, id, resp.AccessToken); err != nil {
		return nil, err
	}
	w.RequestRefresh()
	exp := session.ExpiresAt
	return &backend.SessionInfo{SignedIn: true, UserID: session.UserID, Username: session.Username, ExpiresAt: &exp}, nil
}

// SignOut tells the platform (best effort, within ctx) and drops the session.
func (w *Workspace) SignOut(ctx context.Context, id string) error {
	if p, err := w.conns.Profile(id); err == nil && p.Kind == backend.SourcePlatform {
		if s, err := w.conns.Session(ctx, id); err == nil && !s.Expired(time.Now()) {
			if client, err := platformClient(p); err == nil {
				lctx, cancel := context.WithTimeout(ctx, 5*time.Second)
				_ = client.Logout(lctx, s.Token)
				cancel()
			}
		}
	}
	return w.DropSession(ctx, id, false)
}

// DropSession forgets the session of profile id (its token and open source)
// and tells the window; refused says the platform refused the token. This
// is the one way a session ends.
func (w *Workspace) DropSession(ctx context.Context, id string, refused bool) error {
	err := w.conns.dropSession(ctx, id)
	w.events.Emit(EventSessionEnded, SessionEnded{ProfileID: id, Refused: refused})
	w.RequestRefresh()
	return err
}

// Fetch returns the report of profile p for q from its source. A token the
// platform refused is dropped (once: afterwards the source asks to sign in
// without calling the platform); a report is kept by the history policy.
func (w *Workspace) Fetch(ctx context.Context, p backend.Profile, q backend.Query) (*backend.Report, error) {
	src, _, err := w.conns.Source(p.ID)
	if err != nil {
		return nil, err
	}
	r, err := src.Report(ctx, q)
	if errors.Is(err, platform.ErrSessionExpired) {
		_ = w.DropSession(context.WithoutCancel(ctx), p.ID, true) // the fetch's error says what happened
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	w.history.Keep(p, q, r)
	return r, nil
}

// Glance returns the latest glance, nil before the first refresh.
func (w *Workspace) Glance() *backend.Glance { return w.glance.Load() }

// PublishGlance records g as the latest glance and tells the window.
func (w *Workspace) PublishGlance(g *backend.Glance) {
	w.glance.Store(g)
	w.events.Emit(EventGlanceUpdated, g)
}

// RequestRefresh asks for fresh glance figures at once.
func (w *Workspace) RequestRefresh() {
	select {
	case w.refresh <- struct{}{}:
	default:
	}
}

// Refreshes delivers the refresh requests (for the Scheduler).
func (w *Workspace) Refreshes() <-chan struct{} { return w.refresh }

// RefreshInterval is how often the glance refreshes (the settings' cadence).
func (w *Workspace) RefreshInterval() time.Duration {
	return time.Duration(w.prefs.Get().RefreshMinutes) * time.Minute
}
