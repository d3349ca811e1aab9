//go:build linux

package notify_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/budget"
	"usagedash/backend/notify"
	"usagedash/backend/sessionbus/dbustest"
)

// Compile-time checks: Desktop is what the budget alerter needs.
var (
	_ budget.Notifier       = (*notify.Desktop)(nil)
	_ budget.UrgentNotifier = (*notify.Desktop)(nil)
)

// beeepTimeout is what beeep sends as the expiry: five seconds.
const beeepTimeout = 5000

// The D-Bus library behind beeep keeps one connection to the session bus
// per process, so every case runs on one private bus, in order: no
// notification service, a working one, the budget alerter through it, and
// one that never answers.
func TestNotificationsOverSessionBus(t *testing.T) {
	addr := dbustest.StartBus(t)
	d := notify.NewDesktop()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	t.Run("no notification service", func(t *testing.T) {
		if err := notify.Available(ctx); !errors.Is(err, notify.ErrNoServer) {
			t.Errorf("Available = %v, want ErrNoServer", err)
		}
		err := d.Notify(ctx, "title", "body")
		if !errors.Is(err, notify.ErrNoServer) || backend.ErrorCode(err) != backend.EUNAVAILABLE {
			t.Fatalf("err = %v, want ErrNoServer", err)
		}
		t.Log(backend.ErrorMessage(err))
	})

	t.Run("notifications arrive", func(t *testing.T) {
		srv := &server{}
		stop := serve(t, addr, srv)
		defer stop()
		if err := notify.Available(ctx); err != nil {
			t.Errorf("Available = %v, want nil", err)
		}
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
				Urgency: 1, HasUrgency: true, Timeout: beeepTimeout},
			{AppName: "usagedash", Summary: "usagedash: over budget, 100% of your monthly budget", Body: "over",
				Urgency: 2, HasUrgency: true, Timeout: beeepTimeout},
		}
		if len(got) != len(want) {
			t.Fatalf("calls = %+v, want %+v", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("call %d = %+v\nwant %+v", i, got[i], want[i])
			}
		}
	})

	t.Run("the budget alerter notifies once per level", func(t *testing.T) {
		srv := &server{}
		stop := serve(t, addr, srv)
		defer stop()
		checkAlerter(t, ctx, d, srv)
	})

	t.Run("a service that never answers", func(t *testing.T) {
		release := make(chan struct{})
		stop := serve(t, addr, &server{block: release})
		defer stop()
		defer close(release)
		short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
		defer cancel()
		err := d.Notify(short, "title", "body")
		if !errors.Is(err, notify.ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err = %v, want a deadline error", err)
		}
	})
}

// checkAlerter runs the budget alerter end to end through the notifier:
// crossing 80% then 100% gives exactly two notifications, re-checking gives
// none, and a restarted alerter stays quiet.
func checkAlerter(t *testing.T, ctx context.Context, d *notify.Desktop, srv *server) {
	state := filepath.Join(t.TempDir(), "alerts.json")
	a, err := budget.NewAlerter(state, d)
	if err != nil {
		t.Fatal(err)
	}
	loc := time.UTC
	now := time.Date(2026, time.April, 16, 12, 0, 0, 0, loc)
	b := backend.Budget{MonthlyUSD: 100}
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
	// 81.20 spent by the 16th noon of a 30-day April: 81.20 / 15.5 days * 30.
	if c := calls[0]; c.AppName != "usagedash" || c.Urgency != 1 ||
		c.Summary != "usagedash: 80% of your monthly budget" ||
		c.Body != "Demo platform has spent $81.20 of $100 this month; forecast $157.16." {
		t.Errorf("first = %+v", c)
	}
	if c := calls[1]; c.Urgency != 2 || c.Summary != "usagedash: over budget, 100% of your monthly budget" {
		t.Errorf("second = %+v", c)
	}
}

// childVar makes a re-executed test binary send one notification and exit.
const childVar = "USAGEDASH_NOTIFY_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childVar) != "" {
		err := notify.NewDesktop().Notify(context.Background(), "title", "body")
		avail := notify.Available(context.Background())
		if errors.Is(err, notify.ErrNoBus) && errors.Is(avail, notify.ErrNoBus) {
			os.Stdout.WriteString("no bus: " + backend.ErrorMessage(err))
			os.Exit(0)
		}
		os.Stdout.WriteString("unexpected: " + errors.Join(err, avail).Error())
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// With no session bus, a notification fails with ErrNoBus and starts no
// dbus-daemon (beeep's D-Bus library would run dbus-launch, whose daemon
// outlives the app).
func TestNoSessionBusStartsNoDaemon(t *testing.T) {
	env, mark := dbustest.NoBusEnv(t, childVar+"=1")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "no bus: ") {
		t.Errorf("child: %v: %s", err, out)
	}
	if pids := dbustest.DaemonsMarked(mark); len(pids) != 0 {
		dbustest.KillAll(pids)
		t.Errorf("a notification without a bus left %d dbus-daemon(s) behind", len(pids))
	}
}
