//go:build e2e

package e2e

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// singleInstanceName is the bus name Wails' single-instance lock owns for
// the app (its unique id in main.go, with - as _).
const singleInstanceName = "org.wails_app_usagedash_7c1f2a94_5d0e_4b8f_9a63_2e4d8b1c0f57.SingleInstance"

// One instance: a second start hands over to the running app and ends; a
// second --hidden start (a login item) shows nothing; a plain second start
// brings the window to the front. Neither starts a second tray item.
func TestSecondStartFocusesTheRunningApp(t *testing.T) {
	w := newWindow(t)
	w.openWithBus(t, "--hidden")
	addr := strings.TrimSpace(readFile(t, w.bus))
	waitForBusName(t, addr, singleInstanceName)
	// Wails maps the window for a moment before its queued hide runs (a
	// hidden page never paints, so the probe cannot tell): wait for the hide.
	waitUntil(t, 60*time.Second, "the --hidden start to show no window", func() bool {
		return len(w.visibleWindows()) == 0
	})

	second := func(args ...string) {
		t.Helper()
		cmd := exec.Command(appBinary, args...)
		cmd.Env = append(append(os.Environ(), w.env...), "DISPLAY="+w.display, "DBUS_SESSION_BUS_ADDRESS="+addr)
		done := make(chan error, 1)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(60 * time.Second):
			_ = cmd.Process.Kill()
			t.Fatalf("a second start %v kept running instead of handing over", args)
		}
	}
	second("--hidden")
	if ids := w.visibleWindows(); len(ids) != 0 {
		t.Fatalf("a second --hidden start showed windows %v", ids)
	}
	if n := strings.Count(busNames(t, addr), "org.kde.StatusNotifierItem-"); n > 1 {
		t.Fatalf("%d tray items after a second start, want at most 1", n)
	}
	second()
	w.waitForWindow(t)
	select {
	case <-w.exited:
		t.Fatal("the first instance ended")
	default:
	}
}

// busNames lists the names on the session bus at addr.
func busNames(t *testing.T, addr string) string {
	t.Helper()
	return gdbus(t, addr, "--dest", "org.freedesktop.DBus", "--object-path", "/org/freedesktop/DBus", "--method", "org.freedesktop.DBus.ListNames")
}

// waitForBusName waits until name is owned on the bus at addr.
func waitForBusName(t *testing.T, addr, name string) {
	t.Helper()
	cmd := exec.Command("gdbus", "wait", "--address", addr, "--timeout", "60", name)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s was not owned within 60 s: %v: %s", name, err, out)
	}
}

// waitUntil polls cond every 200 ms until it holds, failing the test with what
// it waited for after timeout.
func waitUntil(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(200 * time.Millisecond)
	}
}
