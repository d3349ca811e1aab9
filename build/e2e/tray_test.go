//go:build e2e

package e2e

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/sample"
)

// The tray item shows today's cost in its title and the month in its
// tooltip, is visible in a tray host, its menu opens, and Quit quits.
func TestTrayShowsCostAndMenuWorks(t *testing.T) {
	pl := startPlatform(t)
	w := newWindow(t)
	w.addProfile(t, backend.Profile{Name: "Sample database", Kind: backend.SourceMongoDB, MongoURI: pl.mongoURI, Account: sample.DemoUsername}, true)
	today := w.cliReport(t, "Sample database", "today", "")
	month := w.cliReport(t, "Sample database", "this_month", "")
	w.openWithTrayHost(t)
	w.waitForProbe(t, "report")
	if got := w.waitForProbeMetric(t, "report", "month_usd"); got.Exact != usd(month.TotalCostUSD, 4) {
		t.Errorf("the window's month-to-date cost is %q, want %q", got.Exact, usd(month.TotalCostUSD, 4))
	}

	addr := strings.TrimSpace(readFile(t, w.bus))
	item := ""
	wantTitle := usd(today.TotalCostUSD, 2) + " today"
	var title, tooltip string
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(300 * time.Millisecond) {
		names := gdbus(t, addr, "--dest", "org.freedesktop.DBus", "--object-path", "/org/freedesktop/DBus", "--method", "org.freedesktop.DBus.ListNames")
		item = regexp.MustCompile(`org\.kde\.StatusNotifierItem-\d+-1`).FindString(names)
		if item == "" {
			continue
		}
		title = busProperty(t, addr, item, "Title")
		tooltip = busProperty(t, addr, item, "ToolTip")
		if strings.Contains(title, wantTitle) {
			break
		}
	}
	if !strings.Contains(title, wantTitle) {
		t.Fatalf("tray title %q, want %q", title, wantTitle)
	}
	if want := usd(month.TotalCostUSD, 2) + " this month"; !strings.Contains(tooltip, want) {
		t.Errorf("tray tooltip %q does not say %q", tooltip, want)
	}
	w.screenshot(t, "tray.png")

	// Open the menu in the tray host, as a person would.
	xdotool(t, w.display, "mousemove", "1266", "14", "click", "1")
	w.screenshot(t, "tray-menu.png")
	xdotool(t, w.display, "key", "Escape")

	// Quit through the menu's DBus interface.
	layout := gdbus(t, addr, "--dest", item, "--object-path", "/StatusNotifierItem/menu", "--method", "com.canonical.dbusmenu.GetLayout", "--", "0", "-1", "[]")
	m := regexp.MustCompile(`\((\d+), \{[^}]*'label': <'Quit usagedash'>`).FindStringSubmatch(layout)
	if m == nil {
		t.Fatalf("no Quit item in the menu layout: %.500s", layout)
	}
	gdbus(t, addr, "--dest", item, "--object-path", "/StatusNotifierItem/menu", "--method", "com.canonical.dbusmenu.Event", m[1], "clicked", "<int32 0>", "0")
	select {
	case <-w.exited:
	case <-time.After(15 * time.Second):
		t.Fatal("the app did not quit from the tray menu")
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if b, err := os.ReadFile(path); err == nil && len(b) > 0 {
			return string(b)
		}
	}
	t.Fatalf("%s was not written", path)
	return ""
}

func gdbus(t *testing.T, addr string, args ...string) string {
	t.Helper()
	out, err := exec.Command("gdbus", append([]string{"call", "--address", addr}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("gdbus %v: %v: %s", args, err, out)
	}
	return string(out)
}

func busProperty(t *testing.T, addr, item, prop string) string {
	t.Helper()
	out, err := exec.Command("busctl", "--address="+addr, "get-property", item, "/StatusNotifierItem", "org.kde.StatusNotifierItem", prop).CombinedOutput()
	if err != nil {
		return ""
	}
	return string(out)
}

func xdotool(t *testing.T, display string, args ...string) {
	t.Helper()
	cmd := exec.Command("xdotool", args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("xdotool %v: %v: %s", args, err, out)
	}
}
