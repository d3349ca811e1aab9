//go:build linux

package tray

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/sessionbus/dbustest"
)

// appChildVar makes a re-executed test binary act as the app: start the
// tray, print the helper's pid, and wait to be killed.
const appChildVar = "USAGEDASH_TRAY_APP_CHILD"

// TestMain makes this test binary the tray helper, as the app's own binary
// is: Start runs os.Executable() with HelperCommand.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == HelperCommand {
		os.Exit(RunHelper())
	}
	if os.Getenv(appChildVar) != "" {
		os.Exit(actAsApp())
	}
	os.Exit(m.Run())
}

func actAsApp() int {
	tr, ok := Start(Callbacks{}).(*helperTray)
	if !ok {
		fmt.Println("no tray")
		return 1
	}
	for deadline := time.Now().Add(waitDeadline); !tr.ready.Load(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			fmt.Println("the helper never became ready")
			return 1
		}
	}
	fmt.Println(tr.pid.Load())
	time.Sleep(waitDeadline) // the test kills this process long before
	return 1
}

// The whole tray path, app and helper process, on a private session bus
// (dbus-daemon), read and clicked with busctl as a tray host would.
func TestTrayOverSessionBus(t *testing.T) {
	for _, tool := range []string{"dbus-daemon", "busctl"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed (Debian packages dbus, systemd): %v", tool, err)
		}
	}

	t.Run("no session bus gives a no-op", func(t *testing.T) {
		t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
		os.Unsetenv("DBUS_SESSION_BUS_ADDRESS")
		t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
		tr := Start(Callbacks{})
		if _, ok := tr.(noop); !ok {
			t.Fatalf("Start without a bus = %T, want the no-op", tr)
		}
		tr.Update(demo())
		tr.Close()
	})

	addr := dbustest.StartBus(t)
	bus := &busClient{t: t, addr: addr}
	calls := make(chan string, 16)
	begin := time.Now()
	tr, ok := Start(Callbacks{
		OnOpen:          func() { calls <- "open" },
		OnRefresh:       func() { calls <- "refresh" },
		OnQuit:          func() { calls <- "quit" },
		OnSwitchProfile: func(id string) { calls <- "switch " + id },
		OnPauseAlerts:   func(p bool) { calls <- fmt.Sprint("pause ", p) },
	}).(*helperTray)
	if !ok {
		t.Fatal("Start on a session bus gave the no-op tray")
	}
	closed := false
	t.Cleanup(func() {
		if !closed {
			tr.Close()
		}
	})
	bus.name = waitForItem(t, bus, tr, 0)
	t.Logf("cost: the item was on the bus %v after Start (helper started, bus name taken, item exported)", time.Since(begin).Round(time.Millisecond))

	t.Run("before the first update", func(t *testing.T) {
		bus := bus.on(t)
		bus.waitProp("Title", "usagedash")
		if got := bus.menu().labels(); !strings.Contains(got, "Today: — (disabled)") {
			t.Errorf("menu %s", got)
		}
		t.Logf("cost: the helper's resident memory is %s", rss(t, int(tr.pid.Load())))
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
		t.Logf("cost: with figures and icon shown, the helper's resident memory is %s", rss(t, int(tr.pid.Load())))
	})

	t.Run("an identical update sends and changes nothing", func(t *testing.T) {
		bus := bus.on(t)
		v, sends := bus.menuVersion(), tr.sends.Load()
		tr.Update(s)
		tr.Update(s)
		// Then a change of the title only: once it shows, the identical
		// updates before it have been handled.
		offline := s
		offline.Offline = true
		tr.Update(offline)
		title, _ := Describe(offline)
		bus.waitProp("Title", title)
		if got := bus.menuVersion(); got != v {
			t.Errorf("menu version %d -> %d", v, got)
		}
		if n := tr.sends.Load() - sends; n != 1 {
			t.Errorf("%d views sent to the helper, want 1 (the identical ones are not sent)", n)
		}
		tr.Update(s)
		title, _ = Describe(s)
		bus.waitProp("Title", title)
	})

	t.Run("clicks call back", func(t *testing.T) {
		bus := bus.on(t)
		m := bus.menu()
		for _, c := range []struct{ label, want string }{
			{"Open dashboard", "open"}, {"Refresh now", "refresh"}, {"Local mongo", "switch p2"},
			{"Pause alerts", "pause true"}, {"Quit usagedash", "quit"},
		} {
			bus.click(m.find(c.label))
			if got := nextCall(t, calls); got != c.want {
				t.Errorf("click %q called %q, want %q", c.label, got, c.want)
			}
		}
		bus.waitMenuContains("Pause alerts [x]")
		bus.click(m.find("Pause alerts"))
		if got := nextCall(t, calls); got != "pause false" {
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
		if got := nextCall(t, calls); got != "switch p3" {
			t.Errorf("click Staging: %q", got)
		}
	})

	t.Run("a killed helper comes back with the same state", func(t *testing.T) {
		old := int(tr.pid.Load())
		if err := syscall.Kill(old, syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		bus.name = waitForItem(t, bus.on(t), tr, old)
		bus := bus.on(t)
		title, tooltip := Describe(s)
		bus.waitProp("Title", title)
		bus.waitProp("ToolTip", tooltip)
		bus.waitMenuContains("Profile: Local mongo [Demo platform [ ] | Local mongo [x] | Staging [ ]] | Pause alerts [x]")
		if n := tr.starts.Load(); n != 2 {
			t.Errorf("%d helpers started, want 2", n)
		}
		bus.click(bus.menu().find("Refresh now"))
		if got := nextCall(t, calls); got != "refresh" {
			t.Errorf("click on the new helper: %q", got)
		}
	})

	t.Run("a second copy shows no second item", func(t *testing.T) {
		bus := bus.on(t)
		second := Start(Callbacks{}).(*helperTray)
		select {
		case <-second.exited:
		case <-time.After(waitDeadline):
			t.Fatal("the second copy's tray did not give up")
		}
		if n := second.starts.Load(); n != 1 {
			t.Errorf("the refused helper was started %d times, want 1", n)
		}
		if items := bus.names("org.kde.StatusNotifierItem-"); len(items) != 1 || items[0] != bus.name {
			t.Errorf("items on the bus: %v, want only %s", items, bus.name)
		}
		second.Close()
	})

	t.Run("a tray host that starts later gets the item", func(t *testing.T) {
		if err := HostAvailable(context.Background()); err == nil || !strings.Contains(err.Error(), "no tray on this desktop") {
			t.Errorf("HostAvailable without a watcher = %v", err)
		}
		if tr.Available() {
			t.Fatal("Available without a tray host")
		}
		registered := fakeWatcher(t, bus.addr)
		select {
		case got := <-registered:
			if got != "/StatusNotifierItem" {
				t.Errorf("registered %q", got)
			}
		case <-time.After(waitDeadline):
			t.Fatal("the item did not register with the new watcher")
		}
		if err := HostAvailable(context.Background()); err != nil {
			t.Errorf("HostAvailable with a watcher = %v", err)
		}
		if !tr.Available() {
			t.Error("not Available with a tray host")
		}
	})

	t.Run("close ends the helper", func(t *testing.T) {
		bus := bus.on(t)
		pid := int(tr.pid.Load())
		tr.Close()
		closed = true
		tr.Close()
		tr.Update(demo())
		if tr.Available() {
			t.Error("Available after Close")
		}
		waitFor(t, "no tray item on the bus", func() (string, bool) {
			items := bus.names("org.kde.StatusNotifierItem-")
			return fmt.Sprint(items), len(items) == 0
		})
		waitGone(t, pid)
	})
}

// The helper ends when the app dies without closing anything (SIGKILL):
// Linux's parent-death signal.
func TestHelperEndsWithTheApp(t *testing.T) {
	dbustest.StartBus(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*waitDeadline)
	defer cancel()
	app := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	app.Env = append(os.Environ(), appChildVar+"=1")
	out, err := app.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	app.Stderr = os.Stderr
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	helper, err := strconv.Atoi(strings.TrimSpace(line))
	if err != nil {
		app.Process.Kill()
		app.Wait()
		t.Fatalf("the app child said %q", line)
	}
	app.Process.Kill()
	app.Wait()
	waitGone(t, helper)
}

// waitForItem waits until tr runs a helper other than old and its item is
// on the bus, and returns the item's bus name.
func waitForItem(t *testing.T, bus *busClient, tr *helperTray, old int) string {
	t.Helper()
	var name string
	waitFor(t, "the helper's tray item on the bus", func() (string, bool) {
		pid := int(tr.pid.Load())
		if pid == 0 || pid == old {
			return "no new helper yet", false
		}
		name = fmt.Sprintf("org.kde.StatusNotifierItem-%d-1", pid)
		items := bus.names("org.kde.StatusNotifierItem-")
		return fmt.Sprint(items), len(items) == 1 && items[0] == name
	})
	return name
}

// waitGone waits until process pid has ended (or is a zombie).
func waitGone(t *testing.T, pid int) {
	t.Helper()
	waitFor(t, fmt.Sprintf("the helper (pid %d) to end", pid), func() (string, bool) {
		stat, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
		if err != nil {
			return "gone", true
		}
		fields := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
		return "state " + fields[0], len(fields) > 0 && fields[0] == "Z"
	})
}

// rss returns process pid's resident memory, as /proc says.
func rss(t *testing.T, pid int) string {
	t.Helper()
	status, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "status"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			return strings.Join(strings.Fields(v), " ")
		}
	}
	return "unknown"
}

// nextCall returns the next callback the tray made.
func nextCall(t *testing.T, calls <-chan string) string {
	t.Helper()
	select {
	case got := <-calls:
		return got
	case <-time.After(waitDeadline):
		t.Fatal("no callback")
		return ""
	}
}
