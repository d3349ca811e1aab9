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

// recordingTray keeps the states the monitor published.
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

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); !cond(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

func TestMonitorFeedsTheTrayAlertsOnceAndFallsBackOffline(t *testing.T) {
	srv := seededServer(t)
	dir := t.TempDir()
	conns := newConnectionsIn(t, dir)
	p := saveActive(t, conns, backend.Profile{Name: "DB", Kind: backend.SourceMongoDB, MongoURI: srv.URI() + "?serverSelectionTimeoutMS=500", Account: sample.DemoUsername})
	store, _ := history.Open(filepath.Join(dir, "reports"), history.Options{})
	prefs, _ := settings.Open(filepath.Join(dir, "settings.json"))
	st := prefs.Get()
	st.Budgets[p.ID] = backend.Budget{MonthlyUSD: 0.01} // any spending crosses 80% and 100%
	prefs.Save(st)
	notifier := &recordingNotifier{}
	alerter, err := budget.NewAlerter(filepath.Join(dir, "alerts.json"), notifier)
	if err != nil {
		t.Fatal(err)
	}
	m := app.NewMonitor(conns, store, prefs, alerter, time.UTC)
	rec := &recordingTray{}
	m.SetTray(rec)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go m.Run(ctx)

	waitFor(t, "the first glance", func() bool { return m.Latest() != nil })
	g := *m.Latest()
	// Independent check: this month's cost from the source directly.
	month, _ := backend.ResolvePreset(backend.PresetThisMonth, time.Now(), time.UTC)
	src, _, _ := conns.Source(p.ID)
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
	before := len(rec.states)
	m.RefreshNow()
	waitFor(t, "a second refresh", func() bool { rec.mu.Lock(); defer rec.mu.Unlock(); return len(rec.states) > before })
	if notifier.count() > 1 {
		t.Fatal("the same budget level alerted twice in one month")
	}
	srv.Stop()
	before = len(rec.states)
	m.RefreshNow()
	waitFor(t, "an offline refresh", func() bool { rec.mu.Lock(); defer rec.mu.Unlock(); return len(rec.states) > before })
	if last := rec.last(); !last.Offline || !last.Glance.Stale || last.Glance.MonthUSD != g.MonthUSD {
		t.Fatalf("offline tray state %+v", last)
	}
}
