//go:build linux

package tray

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/sessionbus/dbustest"
)

// The tray is a process-wide singleton, so everything that starts it is in
// this one test: first Start without a bus, then one Start on a private
// session bus (dbus-daemon) that is read and clicked with busctl, as a
// tray host would.
func TestTrayOverSessionBus(t *testing.T) {
	if ranOnce {
		t.Skip("the tray starts once per process; run with -count=1")
	}
	ranOnce = true
	for _, tool := range []string{"dbus-daemon", "busctl"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed (Debian packages dbus, systemd): %v", tool, err)
		}
	}

	t.Run("no session bus gives a no-op", func(t *testing.T) {
		t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/usagedash-test-bus")
		begin := time.Now()
		tr := Start(Callbacks{})
		if _, ok := tr.(noop); !ok {
			t.Fatalf("Start without a bus = %T, want the no-op", tr)
		}
		tr.Update(demo())
		tr.Close()
		if d := time.Since(begin); d > startTimeout+time.Second {
			t.Errorf("took %v", d)
		}
	})

	bus := &busClient{t: t, addr: dbustest.StartBus(t), name: fmt.Sprintf("org.kde.StatusNotifierItem-%d-1", os.Getpid())}
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", bus.addr)
	calls := make(chan string, 16)
	tr := Start(Callbacks{
		OnOpen:          func() { calls <- "open" },
		OnRefresh:       func() { calls <- "refresh" },
		OnQuit:          func() { calls <- "quit" },
		OnSwitchProfile: func(id string) { calls <- "switch " + id },
		OnPauseAlerts:   func(p bool) { calls <- fmt.Sprint("pause ", p) },
	})
	if _, ok := tr.(*sysTray); !ok {
		t.Fatalf("Start = %T, want the systray tray", tr)
	}
	closed := false
	t.Cleanup(func() {
		if !closed {
			tr.Close()
		}
	})
	if again := Start(Callbacks{}); again != (noop{}) {
		t.Errorf("a second Start = %T, want the no-op", again)
	}

	t.Run("before the first update", func(t *testing.T) {
		bus := bus.on(t)
		bus.waitProp("Title", "usagedash")
		if got := bus.menu().labels(); !strings.Contains(got, "Today: — (disabled)") {
			t.Errorf("menu %s", got)
		}
	})

	s := demo()
	t.Run("title, tooltip, icon and menu show the state", func(t *testing.T) {
		bus := bus.on(t)
		tr.Update(s)
		title, tooltip := Describe(s)
		bus.waitProp("Title", title)
		bus.waitProp("ToolTip", tooltip)
		if got := bus.iconTopPixel(); got != [4]byte{0xff, 0x5b, 0x5b, 0xd6} {
			t.Errorf("icon badge ARGB % x, want the indigo badge", got)
		}
		want := "Open dashboard | Refresh now | --- | Today: $3.42 (disabled) | " +
			"This month: $61.80 (61% of $100) (disabled) | Forecast: $95.10 (disabled) | --- | " +
			"Profile: Demo platform [Demo platform [x] | Local mongo [ ]] | Pause alerts [ ] | --- | Quit usagedash"
		bus.waitMenu(want)
	})

	t.Run("an identical update changes nothing", func(t *testing.T) {
		bus := bus.on(t)
		v := bus.menuVersion()
		tr.Update(s)
		tr.Update(s)
		time.Sleep(300 * time.Millisecond)
		if got := bus.menuVersion(); got != v {
			t.Errorf("menu version %d -> %d", v, got)
		}
	})

	t.Run("clicks call back", func(t *testing.T) {
		bus := bus.on(t)
		m := bus.menu()
		for _, c := range []struct{ label, want string }{
			{"Open dashboard", "open"}, {"Refresh now", "refresh"}, {"Local mongo", "switch p2"},
			{"Pause alerts", "pause true"}, {"Quit usagedash", "quit"},
		} {
			bus.click(m.find(c.label))
			select {
			case got := <-calls:
				if got != c.want {
					t.Errorf("click %q called %q, want %q", c.label, got, c.want)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("click %q: no callback", c.label)
			}
		}
		bus.waitMenuContains("Pause alerts [x]")
		bus.click(m.find("Pause alerts"))
		if got := <-calls; got != "pause false" {
			t.Errorf("second pause click: %q", got)
		}
		bus.waitMenuContains("Pause alerts [ ]")
	})

	t.Run("other figures replace the shown ones", func(t *testing.T) {
		bus := bus.on(t)
		before := bus.menu()
		s.Glance.TodayUSD, s.Glance.MonthUSD, s.Glance.BudgetFraction = 12.5, 88.25, 0.8825
		s.Glance.Level, s.Shows, s.Offline = backend.BudgetNear, backend.TrayShowsBudget, true
		s.ActiveID, s.AlertsPaused = "p2", true
		tr.Update(s)
		title, tooltip := Describe(s)
		bus.waitProp("Title", "88% of budget (offline)")
		bus.waitProp("Title", title)
		bus.waitProp("ToolTip", tooltip)
		bus.waitMenu("Open dashboard | Refresh now | --- | Today: $12.50 (disabled) | " +
			"This month: $88.25 (88% of $100) (disabled) | Forecast: $95.10 (disabled) | --- | " +
			"Profile: Local mongo [Demo platform [ ] | Local mongo [x]] | Pause alerts [x] | --- | Quit usagedash")
		if got := bus.iconTopPixel(); got != [4]byte{0xff, 0xf5, 0x9e, 0x0b} {
			t.Errorf("icon badge ARGB % x, want the amber badge", got)
		}
		// The same profiles: the submenu's items were kept, not rebuilt.
		if a, b := before.find("Local mongo").id, bus.menu().find("Local mongo").id; a != b {
			t.Errorf("profile item rebuilt: id %d -> %d", a, b)
		}
	})

	t.Run("a new profile list rebuilds the submenu", func(t *testing.T) {
		bus := bus.on(t)
		s.Profiles = append(s.Profiles, ProfileItem{"p3", "Staging"})
		tr.Update(s)
		bus.waitMenuContains("Profile: Local mongo [Demo platform [ ] | Local mongo [x] | Staging [ ]]")
		bus.click(bus.menu().find("Staging"))
		if got := <-calls; got != "switch p3" {
			t.Errorf("click Staging: %q", got)
		}
		s.Profiles = nil
		tr.Update(s)
		bus.waitMenuContains("--- | Pause alerts [x]")
	})

	t.Run("a tray host that starts later gets the item", func(t *testing.T) {
		if tr.Available() {
			t.Fatal("Available without a tray host")
		}
		registered := fakeWatcher(t, bus.addr)
		select {
		case got := <-registered:
			if got != "/StatusNotifierItem" {
				t.Errorf("registered %q", got)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("the item did not register with the new watcher")
		}
		if !tr.Available() {
			t.Error("not Available with a tray host")
		}
	})

	t.Run("close ends the tray", func(t *testing.T) {
		bus := bus.on(t)
		begin := time.Now()
		tr.Close()
		closed = true
		tr.Close()
		tr.Update(demo())
		if tr.Available() {
			t.Error("Available after Close")
		}
		if d := time.Since(begin); d > closeTimeout {
			t.Errorf("Close took %v", d)
		}
		deadline := time.Now().Add(5 * time.Second)
		for bus.hasName() {
			if time.Now().After(deadline) {
				t.Fatal("the tray's bus name is still there after Close")
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
}

// ranOnce is set by the first run of TestTrayOverSessionBus (see -count).
var ranOnce bool
