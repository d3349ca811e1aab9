//go:build linux

package notify_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/budget"
	"usagedash/backend/notify"
	"usagedash/backend/sessionbus/dbustest"
)

// Compile-time checks: DBus is what the budget alerter needs.
var (
	_ budget.Notifier       = (*notify.DBus)(nil)
	_ budget.UrgentNotifier = (*notify.DBus)(nil)
)

func TestDBusNotify(t *testing.T) {
	addr := dbustest.StartBus(t)
	srv := &server{}
	serve(t, addr, srv)

	d := notify.NewDBus()
	t.Cleanup(func() { d.Close() })
	ctx := context.Background()
	if err := d.Notify(ctx, "usagedash: 80% of your monthly budget", "Demo platform has spent $81.20 of $100 this month; forecast $120.40."); err != nil {
		t.Fatal(err)
	}
	if err := d.NotifyUrgent(ctx, "usagedash: over budget, 100% of your monthly budget", "over"); err != nil {
		t.Fatal(err)
	}
	got := srv.recorded()
	want := []call{
		{AppName: "usagedash", Summary: "usagedash: 80% of your monthly budget",
			Body:    "Demo platform has spent $81.20 of $100 this month; forecast $120.40.",
			Urgency: 1, HasUrgency: true, Timeout: -1},
		{AppName: "usagedash", Summary: "usagedash: over budget, 100% of your monthly budget", Body: "over",
			Urgency: 2, HasUrgency: true, Timeout: -1},
	}
	if len(got) != len(want) {
		t.Fatalf("calls = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("call %d = %+v\nwant %+v", i, got[i], want[i])
		}
	}

	// The connection survives a Close: the next notification reconnects.
	d.Close()
	if err := d.Notify(ctx, "again", ""); err != nil {
		t.Fatalf("after Close: %v", err)
	}
	if n := len(srv.recorded()); n != 3 {
		t.Errorf("calls = %d, want 3", n)
	}
}

func TestDBusNoServer(t *testing.T) {
	dbustest.StartBus(t) // a bus, but nobody owns org.freedesktop.Notifications
	d := notify.NewDBus()
	t.Cleanup(func() { d.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	start := time.Now()
	err := d.Notify(ctx, "title", "body")
	if !errors.Is(err, notify.ErrNoServer) || backend.ErrorCode(err) != backend.EUNAVAILABLE {
		t.Fatalf("err = %v, want ErrNoServer", err)
	}
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("took %v, past the deadline", el)
	}
	t.Log(backend.ErrorMessage(err))
}

func TestDBusServerNeverAnswers(t *testing.T) {
	addr := dbustest.StartBus(t)
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	serve(t, addr, &server{block: release})
	d := notify.NewDBus()
	d.Timeout = 300 * time.Millisecond
	t.Cleanup(func() { d.Close() })
	start := time.Now()
	err := d.Notify(context.Background(), "title", "body")
	if err == nil || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want a deadline error", err)
	}
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("took %v for a 300ms timeout", el)
	}
}

func TestDBusNoBus(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+filepath.Join(t.TempDir(), "no-such-bus"))
	d := notify.NewDBus()
	start := time.Now()
	err := d.Notify(context.Background(), "title", "body")
	if !errors.Is(err, notify.ErrNoBus) || backend.ErrorCode(err) != backend.EUNAVAILABLE {
		t.Fatalf("err = %v, want ErrNoBus", err)
	}
	if el := time.Since(start); el > notify.DefaultTimeout {
		t.Errorf("took %v", el)
	}
	t.Log(backend.ErrorMessage(err))
}

// TestAlerterOverDBus runs the budget alerter end to end through the real
// DBus notifier and a notification server on a private bus: crossing 80%
// then 100% gives exactly two notifications, re-checking gives none, and a
// restarted alerter stays quiet.
func TestAlerterOverDBus(t *testing.T) {
	addr := dbustest.StartBus(t)
	srv := &server{}
	serve(t, addr, srv)
	d := notify.NewDBus()
	t.Cleanup(func() { d.Close() })
	state := filepath.Join(t.TempDir(), "alerts.json")
	a, err := budget.NewAlerter(state, d)
	if err != nil {
		t.Fatal(err)
	}
	loc := time.UTC
	now := time.Date(2026, time.April, 16, 12, 0, 0, 0, loc)
	b := backend.Budget{MonthlyUSD: 100}
	ctx := context.Background()
	steps := []struct {
		month float64
		want  int // levels newly notified
	}{{50, 0}, {81.2, 1}, {85, 0}, {100, 1}, {120, 0}, {120, 0}}
	for _, s := range steps {
		g := budget.MakeGlance("p1", "Demo platform", 1, s.month, b, now, loc, now, false)
		levels, err := a.Check(ctx, g, b, false, now, loc)
		if err != nil {
			t.Fatalf("check %v: %v", s.month, err)
		}
		if len(levels) != s.want {
			t.Errorf("check %v: levels %v, want %d", s.month, levels, s.want)
		}
	}
	restarted, err := budget.NewAlerter(state, d)
	if err != nil {
		t.Fatal(err)
	}
	g := budget.MakeGlance("p1", "Demo platform", 1, 130, b, now, loc, now, false)
	if levels, err := restarted.Check(ctx, g, b, false, now, loc); err != nil || len(levels) != 0 {
		t.Errorf("restarted: %v, %v", levels, err)
	}

	calls := srv.recorded()
	if len(calls) != 2 {
		t.Fatalf("notifications = %+v, want 2", calls)
	}
	if c := calls[0]; c.AppName != "usagedash" || c.Urgency != 1 ||
		c.Summary != "usagedash: 80% of your monthly budget" ||
		c.Body != "Demo platform has spent $81.20 of $100 this month; forecast $157.16." {
		t.Errorf("first = %+v", c)
	}
	if c := calls[1]; c.Urgency != 2 || c.Summary != "usagedash: over budget, 100% of your monthly budget" {
		t.Errorf("second = %+v", c)
	}
}
