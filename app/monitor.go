package app

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"usagedash/backend"
	"usagedash/backend/budget"
	"usagedash/backend/history"
	"usagedash/backend/settings"
	"usagedash/backend/tray"
)

// EventGlance is the window event sent with each new backend.Glance.
const EventGlance = "glance"

// maxBackoff bounds how far refreshes are spaced out while offline.
const maxBackoff = 30 * time.Minute

// Monitor refreshes today's and this month's cost of the active profile on
// the user's cadence (spacing refreshes out while offline), keeps them in the
// history, checks the budget, and feeds the tray and the window. Between
// refreshes it sleeps: no polling, no busy loops.
type Monitor struct {
	// Emit sends a window event (injected: the Wails runtime once it runs).
	Emit func(name string, data any)

	conns   *Connections
	store   *history.Store // may be nil
	prefs   *settings.Store
	alerter *budget.Alerter // may be nil
	loc     *time.Location
	timeout time.Duration

	mu       sync.Mutex
	tray     tray.Tray
	glance   *backend.Glance
	failures int
	wake     chan struct{}
	// kept remembers when each profile+period was last stored, so refreshes
	// read the history only after a restart.
	kept map[string]time.Time
}

// NewMonitor returns a Monitor; SetTray and Run start it.
func NewMonitor(conns *Connections, store *history.Store, st *settings.Store, alerter *budget.Alerter, loc *time.Location) *Monitor {
	return &Monitor{conns: conns, store: store, prefs: st, alerter: alerter, loc: loc, timeout: 30 * time.Second,
		wake: make(chan struct{}, 1), kept: map[string]time.Time{}}
}

// SetTray gives the monitor the tray to update.
func (m *Monitor) SetTray(t tray.Tray) {
	m.mu.Lock()
	m.tray = t
	m.mu.Unlock()
}

// RefreshNow wakes the loop for an immediate refresh.
func (m *Monitor) RefreshNow() {
	select {
	case m.wake <- struct{}{}:
	default:
	}
}

// Latest returns the last glance, or nil before the first refresh.
func (m *Monitor) Latest() *backend.Glance {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.glance
}

// Run refreshes until ctx ends.
func (m *Monitor) Run(ctx context.Context) {
	for {
		m.refresh(ctx)
		timer := time.NewTimer(m.nextDelay())
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case <-m.wake:
			timer.Stop()
		case <-timer.C:
		}
	}
}

// nextDelay is the refresh interval, doubled per consecutive failure.
func (m *Monitor) nextDelay() time.Duration {
	interval := time.Duration(m.prefs.Get().RefreshMinutes) * time.Minute
	m.mu.Lock()
	failures := m.failures
	m.mu.Unlock()
	d := interval
	for i := 0; i < failures && d < maxBackoff; i++ {
		d *= 2
	}
	// Never shorter than the interval, never longer than maxBackoff unless
	// the interval itself is.
	return min(d, max(maxBackoff, interval))
}

// refresh fetches (or, offline, recalls) the figures and publishes them.
func (m *Monitor) refresh(ctx context.Context) {
	st := m.prefs.Get()
	id, err := m.conns.Profiles.Active()
	if err != nil || id == "" {
		m.publish(ctx, st, nil, false)
		return
	}
	p, err := m.conns.Profiles.Get(id)
	if err != nil {
		m.publish(ctx, st, nil, false)
		return
	}
	now := time.Now()
	today, month, asOf, stale := m.figures(ctx, p, now)
	if asOf.IsZero() {
		m.publish(ctx, st, nil, true)
		return
	}
	g := budget.MakeGlance(p.ID, p.Name, today, month, st.Budgets[p.ID], now, m.loc, asOf, stale)
	if m.alerter != nil {
		if _, err := m.alerter.Check(ctx, g, st.Budgets[p.ID], st.AlertsPaused, now, m.loc); err != nil {
			slog.Warn("budget alert not sent", "err", err)
		}
	}
	m.publish(ctx, st, &g, stale)
}

// figures returns today's and the month's cost, live or from the history.
func (m *Monitor) figures(ctx context.Context, p backend.Profile, now time.Time) (today, month float64, asOf time.Time, stale bool) {
	periods := make([]backend.Period, 2)
	for i, preset := range []backend.PresetID{backend.PresetToday, backend.PresetThisMonth} {
		periods[i], _ = backend.ResolveRequest(backend.PeriodRequest{Preset: string(preset)}, now, m.loc)
	}
	costs, err := m.fetch(ctx, p, periods)
	if err == nil {
		m.recordOutcome(true)
		return costs[0], costs[1], now, false
	}
	m.recordOutcome(false)
	if m.store == nil {
		return 0, 0, time.Time{}, true
	}
	costs = make([]float64, len(periods))
	var when time.Time
	for i, per := range periods {
		r, e, err := m.store.Latest(p.ID, history.PeriodKey(per))
		if err != nil {
			return 0, 0, time.Time{}, true
		}
		costs[i] = r.TotalCostUSD
		if when.IsZero() || e.FetchedAt.Before(when) {
			when = e.FetchedAt
		}
	}
	return costs[0], costs[1], when, true
}

func (m *Monitor) fetch(ctx context.Context, p backend.Profile, periods []backend.Period) ([]float64, error) {
	src, _, err := m.conns.Source(p.ID)
	if err != nil {
		return nil, err
	}
	costs := make([]float64, len(periods))
	for i, per := range periods {
		cctx, cancel := context.WithTimeout(ctx, m.timeout)
		// The tray needs the totals: no per-bucket calls to a platform.
		r, err := src.Report(cctx, backend.Query{Account: p.Account, Period: per, TotalsOnly: true})
		cancel()
		if err != nil {
			return nil, err
		}
		m.keep(p, per, r)
		costs[i] = r.TotalCostUSD
	}
	return costs, nil
}

// historyEvery spaces out the tray's own reports in the history, so refreshes
// every few minutes do not crowd out the reports people fetched.
const historyEvery = time.Hour

// keep stores r unless the history already has one for its period from the
// last historyEvery (enough for offline fallback).
func (m *Monitor) keep(p backend.Profile, per backend.Period, r *backend.Report) {
	if m.store == nil {
		return
	}
	key := p.ID + "/" + history.PeriodKey(per)
	m.mu.Lock()
	last, known := m.kept[key]
	m.mu.Unlock()
	if !known {
		if _, e, err := m.store.Latest(p.ID, history.PeriodKey(per)); err == nil {
			last = e.FetchedAt
		}
	}
	if time.Since(last) < historyEvery {
		return
	}
	if e, err := m.store.Save(p.ID, p.Name, r); err == nil {
		last = e.FetchedAt
	}
	m.mu.Lock()
	m.kept[key] = last
	m.mu.Unlock()
}

// recordOutcome counts consecutive failed refreshes; a success resets it.
func (m *Monitor) recordOutcome(ok bool) {
	m.mu.Lock()
	if ok {
		m.failures = 0
	} else {
		m.failures++
	}
	m.mu.Unlock()
}

// publish updates the tray and the window with g (nil: nothing to show).
func (m *Monitor) publish(ctx context.Context, st backend.Settings, g *backend.Glance, offline bool) {
	m.mu.Lock()
	m.glance = g
	t := m.tray
	m.mu.Unlock()
	if t != nil {
		state := tray.State{Shows: st.TrayShows, AlertsPaused: st.AlertsPaused, Offline: offline}
		if g != nil {
			state.Glance = *g
			state.ActiveID = g.ProfileID
		}
		if list, err := m.conns.Profiles.List(); err == nil {
			for _, p := range list {
				state.Profiles = append(state.Profiles, tray.ProfileItem{ID: p.ID, Name: p.Name})
			}
		}
		if state.ActiveID == "" {
			state.ActiveID, _ = m.conns.Profiles.Active()
		}
		t.Update(state)
	}
	if m.Emit != nil && ctx.Err() == nil {
		m.Emit(EventGlance, g)
	}
}

// GlanceService is bound to the window: today's and this month's cost, the
// budget and the forecast, as the tray shows them.
type GlanceService struct{ m *Monitor }

// NewGlanceService returns the window's view of m.
func NewGlanceService(m *Monitor) *GlanceService { return &GlanceService{m: m} }

// Latest returns the last glance, or ENOTFOUND before the first refresh.
func (g *GlanceService) Latest() (*backend.Glance, error) {
	if gl := g.m.Latest(); gl != nil {
		return gl, nil
	}
	return nil, backend.Errorf(backend.ENOTFOUND, "No figures yet.")
}

// RefreshNow asks for fresh figures at once.
func (g *GlanceService) RefreshNow() { g.m.RefreshNow() }

// EventProfileChanged is the window event sent when the tray switched the
// active profile (data: the profile id).
const EventProfileChanged = "profile-changed"
