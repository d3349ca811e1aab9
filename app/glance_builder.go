package app

import (
	"context"
	"log/slog"
	"time"

	"usagedash/backend"
	"usagedash/backend/budget"
	"usagedash/backend/tray"
)

// GlanceBuilder turns the active profile's figures into the glance (budget
// level and forecast), checks the budget alerts, and publishes the glance to
// the workspace (and so the window) and the tray.
type GlanceBuilder struct {
	ws      *Workspace
	fetcher *GlanceFetcher
	alerter *budget.Alerter // nil: no alerts
	tray    tray.Tray
	loc     *time.Location
}

// NewGlanceBuilder returns a GlanceBuilder; alerter may be nil.
func NewGlanceBuilder(ws *Workspace, fetcher *GlanceFetcher, alerter *budget.Alerter, t tray.Tray, loc *time.Location) *GlanceBuilder {
	return &GlanceBuilder{ws: ws, fetcher: fetcher, alerter: alerter, tray: t, loc: loc}
}

// Refresh builds and publishes a new glance; false when the source could
// not be reached (the Scheduler backs off).
func (b *GlanceBuilder) Refresh(ctx context.Context) bool {
	st := b.ws.Settings()
	p, err := b.ws.ActiveProfile()
	if err != nil {
		b.publish(ctx, st, nil, false)
		return true
	}
	now := time.Now()
	fig, live := b.fetcher.Figures(ctx, p, now)
	if fig.asOf.IsZero() {
		b.publish(ctx, st, nil, true)
		return live
	}
	g := budget.MakeGlance(p.ID, p.Name, fig.today, fig.month, st.Budgets[p.ID], now, b.loc, fig.asOf, fig.stale)
	if b.alerter != nil {
		if _, err := b.alerter.Check(ctx, g, st.Budgets[p.ID], st.AlertsPaused, now, b.loc); err != nil {
			slog.Warn("budget alert not sent", "err", err)
		}
	}
	b.publish(ctx, st, &g, fig.stale)
	return live
}

// publish updates the tray and the window with g (nil: nothing to show).
func (b *GlanceBuilder) publish(ctx context.Context, st backend.Settings, g *backend.Glance, offline bool) {
	b.tray.Update(b.trayState(st, g, offline))
	if ctx.Err() == nil {
		b.ws.PublishGlance(g)
	}
}

// trayState is what the tray shows for g.
func (b *GlanceBuilder) trayState(st backend.Settings, g *backend.Glance, offline bool) tray.State {
	conns := b.ws.Connections()
	state := tray.State{Shows: st.TrayShows, AlertsPaused: st.AlertsPaused, Offline: offline}
	if g != nil {
		state.Glance = *g
		state.ActiveID = g.ProfileID
	}
	if list, err := conns.Profiles(); err == nil {
		for _, p := range list {
			state.Profiles = append(state.Profiles, tray.ProfileItem{ID: p.ID, Name: p.Name})
		}
	}
	if state.ActiveID == "" {
		state.ActiveID, _ = conns.ActiveID()
	}
	return state
}
