package app_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"usagedash/app"
	"usagedash/backend"
	"usagedash/backend/budget"
	"usagedash/backend/history"
	"usagedash/backend/sample"
	"usagedash/backend/settings"
	"usagedash/backend/tray"
)

// recordingTray keeps the states the glance builder published.
type recordingTray struct {
	mu     sync.Mutex
	states []tray.State
}

func (r *recordingTray) Update(s tray.State) {
	r.mu.Lock()
	r.states = append(r.states, s)
	r.mu.Unlock()
}
func (r *recordingTray) Close()          {}
func (r *recordingTray) Available() bool { return true }
func (r *recordingTray) last() tray.State {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.states[len(r.states)-1]
}

// recordingNotifier keeps the notifications sent (the real DBus notifier is
// tested against a notification server in backend/notify).
type recordingNotifier struct {
	mu     sync.Mutex
	titles []string
}

func (n *recordingNotifier) Notify(_ context.Context, title, _ string) error {
	n.mu.Lock()
	n.titles = append(n.titles, title)
	n.mu.Unlock()
	return nil
}

func (n *recordingNotifier) count() int { n.mu.Lock(); defer n.mu.Unlock(); return len(n.titles) }

func TestGlanceFeedsTheTrayAlertsOnceAndFallsBackOffline(t *testing.T) {
	srv := seededServer(t)
	dir := t.TempDir()
	store, err := history.Open(filepath.Join(dir, "reports"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := newFixture(t, dir, store)
	p := f.saveActive(t, backend.Profile{Name: "DB", Kind: backend.SourceMongoDB, MongoURI: srv.URI() + "?serverSelectionTimeoutMS=500", Account: sample.DemoUsername})
	st := f.ws.Settings()
	st.Budgets[p.ID] = backend.Budget{MonthlyUSD: 0.01} // any spending crosses 80% and 100%
	if _, err := f.ws.SaveSettings(st); err != nil {
		t.Fatal(err)
	}
	notifier := &recordingNotifier{}
	alerter, err := budget.NewAlerter(filepath.Join(dir, "alerts.json"), notifier)
	if err != nil {
		t.Fatal(err)
	}
	rec := &recordingTray{}
	builder := app.NewGlanceBuilder(f.ws, app.NewGlanceFetcher(f.ws, time.UTC, 30*time.Second), alerter, rec, time.UTC)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	if !builder.Refresh(ctx) || f.ws.Glance() == nil {
		t.Fatal("the first refresh failed")
	}
	g := *f.ws.Glance()
	// Independent check: this month's cost from the source directly.
	month, _ := backend.ResolvePreset(backend.PresetThisMonth, time.Now(), time.UTC)
	src, _, _ := f.conns.Source(p.ID)
	want, err := src.Report(ctx, backend.Query{Account: sample.DemoUsername, Period: month})
	if err != nil {
		t.Fatal(err)
	}
	if g.MonthUSD != want.TotalCostUSD || g.Stale || g.BudgetUSD != 0.01 || (g.MonthUSD > 0 && g.Level != backend.BudgetOver) {
		t.Fatalf("glance %+v, want month %v over budget", g, want.TotalCostUSD)
	}
	if g.MonthUSD > 0 && notifier.count() != 1 {
		t.Fatalf("%d notifications, want exactly 1 for crossing 80%% and 100%% at once", notifier.count())
	}
	if last := rec.last(); last.Glance.MonthUSD != g.MonthUSD || last.ActiveID != p.ID || len(last.Profiles) != 1 {
		t.Fatalf("tray state %+v", last)
	}

	// A second refresh sends no second alert; then the database goes away and
	// the tray shows the stored figures, marked offline.
	if !builder.Refresh(ctx) || notifier.count() > 1 {
		t.Fatal("the same budget level alerted twice in one month")
	}
	srv.Stop()
	if builder.Refresh(ctx) {
		t.Fatal("a refresh with the database gone reported success")
	}
	if last := rec.last(); !last.Offline || !last.Glance.Stale || last.Glance.MonthUSD != g.MonthUSD {
		t.Fatalf("offline tray state %+v", last)
	}
}

// The window hears every glance; the tray's refreshes keep at most one
// totals-only report per period and hour in the history, the window's full
// reports every time.
func TestOneHistoryPolicyForTheTrayAndTheWindow(t *testing.T) {
	srv := seededServer(t)
	dir := t.TempDir()
	store, err := history.Open(filepath.Join(dir, "reports"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := newFixture(t, dir, store)
	p := f.saveActive(t, backend.Profile{Name: "DB", Kind: backend.SourceMongoDB, MongoURI: srv.URI(), Account: sample.DemoUsername})
	builder := app.NewGlanceBuilder(f.ws, app.NewGlanceFetcher(f.ws, time.UTC, 30*time.Second), nil, &recordingTray{}, time.UTC)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for i := 0; i < 3; i++ {
		if !builder.Refresh(ctx) {
			t.Fatal("refresh failed")
		}
	}
	if n := f.events.count(app.EventGlanceUpdated); n != 3 {
		t.Fatalf("%d glance:updated events, want 3", n)
	}
	entries, _, err := store.List(p.ID)
	if err != nil || len(entries) != 2 { // today and this month, once each
		t.Fatalf("after 3 tray refreshes the history holds %d reports (%v), want 2", len(entries), err)
	}
	reports := app.NewReportService(f.life, f.ws, time.UTC, 30*time.Second, nil)
	for i := 0; i < 2; i++ {
		if _, err := reports.Fetch(backend.PeriodRequest{Preset: string(backend.PresetToday)}); err != nil {
			t.Fatal(err)
		}
	}
	if entries, _, _ := store.List(p.ID); len(entries) != 4 {
		t.Fatalf("after 2 window fetches the history holds %d reports, want 4", len(entries))
	}
}

// The tray and the window switch connections and pause alerts through the
// same workspace calls: each saves, tells the window and asks for a refresh.
func TestTrayMenuActsThroughTheWorkspace(t *testing.T) {
	f := newFixture(t, t.TempDir(), nil)
	a, err := f.conns.SaveProfile(backend.Profile{Name: "A", Kind: backend.SourceMongoDB, MongoURI: "mongodb://127.0.0.1:9/", Account: "x"})
	if err != nil {
		t.Fatal(err)
	}
	menu := app.NewTrayMenu(f.ws, app.NewWindow()).Callbacks()
	menu.OnSwitchProfile(a.ID)
	if id, _ := f.conns.ActiveID(); id != a.ID || f.events.count(app.EventConnectionChanged) != 1 {
		t.Fatalf("active %q after the tray switched to %q; events %v", id, a.ID, f.events.events)
	}
	menu.OnPauseAlerts(true)
	reopened, err := settings.Open(filepath.Join(f.dir, "settings.json"))
	if err != nil || !reopened.Get().AlertsPaused || f.events.count(app.EventSettingsChanged) != 1 {
		t.Fatalf("alerts not paused on disk (%v) or the window not told: %v", err, f.events.events)
	}
	select {
	case <-f.ws.Refreshes():
	default:
		t.Fatal("no refresh was asked for")
	}
}
