//go:build e2e

// Package e2e drives the real usagedash window under Xvfb against the sample
// platform and checks that what it paints equals what the backend computes.
// Run it with `make test-e2e` (it needs the built app and Xvfb).
package e2e

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/profiles"
	"usagedash/backend/sample"
)

// appBinary is the app built with the e2e hooks (make build-e2e): the
// release build binds no render probe.
const appBinary = "../bin/usagedash-e2e"

// outDir keeps the screenshots after the test (gitignored).
const outDir = "out"

type probe struct {
	State   string        `json:"state"`
	Metrics []probeMetric `json:"metrics"`
}

type probeMetric struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	Exact string `json:"exact"`
}

func TestWindowShowsTheMongoDBReport(t *testing.T) {
	pl := startPlatform(t)
	w := newWindow(t)
	w.addProfile(t, backend.Profile{Name: "Sample database", Kind: backend.SourceMongoDB, MongoURI: pl.mongoURI, Account: sample.DemoUsername}, true)
	want := w.cliReport(t, "Sample database", "last_30_days", "")
	if want.TotalTokens == 0 || want.TotalCostUSD == 0 {
		t.Fatalf("the sample data gave an empty report; the test would prove nothing: %+v", want)
	}
	expected := expectedMetrics(want)
	for _, theme := range []string{"light", "dark"} {
		t.Run(theme, func(t *testing.T) {
			w.open(t, "--theme", theme)
			checkMetrics(t, w.waitForProbe(t, "report"), expected)
			w.screenshot(t, "dashboard-"+theme+".png")
			w.close()
		})
	}
}

func TestWindowShowsAClearErrorWhenTheDatabaseIsDown(t *testing.T) {
	w := newWindow(t)
	w.addProfile(t, backend.Profile{Name: "Down", Kind: backend.SourceMongoDB,
		MongoURI: "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=500", Account: sample.DemoUsername}, true)
	w.open(t)
	w.waitForProbe(t, "error")
	w.screenshot(t, "error.png")
}

func checkMetrics(t *testing.T, got probe, want map[string][2]string) {
	t.Helper()
	seen := map[string]bool{}
	for _, m := range got.Metrics {
		seen[m.ID] = true
		w, ok := want[m.ID]
		if !ok {
			continue
		}
		if w[0] != "" && m.Text != w[0] {
			t.Errorf("%s shows %q, want %q", m.ID, m.Text, w[0])
		}
		if m.Exact != w[1] {
			t.Errorf("%s exact value is %q, want %q", m.ID, m.Exact, w[1])
		}
	}
	for id := range want {
		if !seen[id] {
			t.Errorf("the window did not render %s", id)
		}
	}
}

// window is one app configuration (its own XDG folders) that can be opened
// several times, each time on a fresh virtual screen.
type window struct {
	dir     string
	env     []string
	display string
	probe   string
	cmd     *exec.Cmd
	exited  chan struct{}
	logf    *os.File
	bus     string
}

func newWindow(t *testing.T, env ...string) *window {
	t.Helper()
	dir := t.TempDir()
	w := &window{dir: dir, probe: filepath.Join(dir, "probe.json")}
	w.env = append([]string{"USAGEDASH_RENDER_PROBE=" + w.probe,
		"XDG_CONFIG_HOME=" + filepath.Join(dir, "config"), "XDG_DATA_HOME=" + filepath.Join(dir, "data"),
		"XDG_CACHE_HOME=" + filepath.Join(dir, "cache"), "XDG_STATE_HOME=" + filepath.Join(dir, "state")}, env...)
	t.Cleanup(w.close)
	return w
}

// addProfile saves a profile in the window's configuration, as the app would.
func (w *window) addProfile(t *testing.T, p backend.Profile, activate bool) backend.Profile {
	t.Helper()
	store, err := profiles.Open(filepath.Join(w.dir, "config", "usagedash", "profiles.json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err = store.Save(p)
	if err != nil {
		t.Fatal(err)
	}
	if activate {
		if err := store.SetActive(p.ID); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// cliReport runs the app's report command on a saved profile with extra
// arguments (--utc, --from/--to), in the window's environment (its TZ too),
// with password as USAGEDASH_PASSWORD.
func (w *window) cliReport(t *testing.T, profile, preset, password string, extra ...string) backend.Report {
	t.Helper()
	args := append([]string{"report", "--json", "--profile", profile, "--period", preset}, extra...)
	cmd := exec.Command(appBinary, args...)
	cmd.Env = append(append(os.Environ(), w.env...), "USAGEDASH_PASSWORD="+password)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("report %v: %v: %s", args, err, stderr.String())
	}
	var r backend.Report
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// open starts Xvfb and the app under its own session bus.
func (w *window) open(t *testing.T, args ...string) {
	t.Helper()
	w.start(t, append([]string{"--", appBinary}, args...))
}

// openWithTrayHost is open with a visible tray host (and watcher) on the
// app's session bus; the bus address is written to w.bus.
func (w *window) openWithTrayHost(t *testing.T) {
	t.Helper()
	w.bus = filepath.Join(w.dir, "bus")
	// The app starts once the tray host's watcher owns its bus name.
	script := `echo "$DBUS_SESSION_BUS_ADDRESS" > "$1"; gtk-sni-tray-standalone --watcher --top --end -s 28 &
gdbus wait --session --timeout 30 org.kde.StatusNotifierWatcher && exec "$2"`
	w.start(t, []string{"--", "sh", "-c", script, "sh", w.bus, appBinary})
}

// openWithBus is open, with the address of the app's session bus written
// to w.bus (for a second start on the same bus).
func (w *window) openWithBus(t *testing.T, args ...string) {
	t.Helper()
	w.bus = filepath.Join(w.dir, "bus")
	script := `echo "$DBUS_SESSION_BUS_ADDRESS" > "$1"; shift; exec "$@"`
	w.start(t, append([]string{"--", "sh", "-c", script, "sh", w.bus, appBinary}, args...))
}

func (w *window) start(t *testing.T, args []string) {
	t.Helper()
	os.Remove(w.probe)
	w.display = startXvfb(t)
	w.cmd = exec.Command("dbus-run-session", withKeyring(args)...)
	w.cmd.Env = append(append(os.Environ(), w.env...), "DISPLAY="+w.display)
	w.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	logf, err := os.Create(filepath.Join(w.dir, "app.log"))
	if err != nil {
		t.Fatal(err)
	}
	w.logf = logf
	w.cmd.Stdout, w.cmd.Stderr = logf, logf
	if err := w.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.exited = make(chan struct{})
	go func() { _ = w.cmd.Wait(); close(w.exited) }()
	t.Cleanup(func() {
		if t.Failed() {
			if b, err := os.ReadFile(logf.Name()); err == nil {
				t.Logf("app output:\n%.4000s", b)
			}
		}
	})
}

// close stops the app if it runs.
func (w *window) close() {
	if w.cmd != nil {
		stopGroup(w.cmd, w.exited)
		w.cmd = nil
		w.logf.Close()
	}
}

// typeKeys types text into the focused window, then presses the keys.
func (w *window) typeKeys(t *testing.T, text string, keys ...string) {
	t.Helper()
	xdotool(t, w.display, "search", "--sync", "--onlyvisible", "--name", "^usagedash$", "windowfocus", "--sync")
	if text != "" {
		xdotool(t, w.display, "type", "--delay", "30", text)
	}
	for _, k := range keys {
		xdotool(t, w.display, "key", k)
	}
}

// readProbe reads what the window last painted (false: nothing readable yet).
func (w *window) readProbe() (probe, bool) {
	var p probe
	b, err := os.ReadFile(w.probe)
	return p, err == nil && json.Unmarshal(b, &p) == nil
}

// waitForProbe waits until the window reports that it painted state.
func (w *window) waitForProbe(t *testing.T, state string) probe {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	var last probe
	for time.Now().Before(deadline) {
		if p, ok := w.readProbe(); ok {
			if last = p; p.State == state {
				return p
			}
		}
		select {
		case <-w.exited:
			t.Fatal("the app exited before painting")
		case <-time.After(200 * time.Millisecond):
		}
	}
	t.Fatalf("the window did not paint %q within 90 s (last probe state %q)", state, last.State)
	return last
}

// visibleWindows lists the ids of the app's visible windows on the screen.
func (w *window) visibleWindows() []string {
	cmd := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^usagedash$")
	cmd.Env = append(os.Environ(), "DISPLAY="+w.display)
	out, _ := cmd.Output() // exit status 1: none found
	return strings.Fields(string(out))
}

// waitForWindow waits until the app's window is visible (for the release
// build, which has no render probe) and returns its id.
func (w *window) waitForWindow(t *testing.T) string {
	t.Helper()
	for deadline := time.Now().Add(90 * time.Second); time.Now().Before(deadline); {
		if ids := w.visibleWindows(); len(ids) > 0 {
			return ids[0]
		}
		select {
		case <-w.exited:
			t.Fatal("the app exited before showing its window")
		case <-time.After(200 * time.Millisecond):
		}
	}
	t.Fatal("the window did not show within 90 s")
	return ""
}

// waitForProbeMetric waits until the window paints state with the metric id.
func (w *window) waitForProbeMetric(t *testing.T, state, id string) probeMetric {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if p, ok := w.readProbe(); ok && p.State == state {
			for _, m := range p.Metrics {
				if m.ID == id {
					return m
				}
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("the window did not paint %s in state %q within 30 s", id, state)
	return probeMetric{}
}

// screenshot saves the whole screen to out/name once painting has settled.
func (w *window) screenshot(t *testing.T, name string) {
	t.Helper()
	time.Sleep(1500 * time.Millisecond) // let transitions finish
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	path, _ := filepath.Abs(filepath.Join(outDir, name))
	if out, err := exec.Command("import", "-display", w.display, "-window", "root", path).CombinedOutput(); err != nil {
		t.Fatalf("screenshot: %v: %s", err, out)
	}
	t.Logf("screenshot: %s", path)
}

// startXvfb starts a virtual screen on a free display number.
func startXvfb(t *testing.T) string {
	t.Helper()
	r, wr, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{wr}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var xlog bytes.Buffer
	cmd.Stderr = &xlog
	if err := cmd.Start(); err != nil {
		t.Fatalf("Xvfb: %v", err)
	}
	wr.Close()
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	t.Cleanup(func() { stopGroup(cmd, exited) })
	// Xvfb may write the number and the newline separately: read up to the
	// newline, and keep the pipe open while Xvfb runs (a closed pipe kills it).
	t.Cleanup(func() { r.Close() })
	_ = r.SetReadDeadline(time.Now().Add(15 * time.Second))
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		t.Fatalf("Xvfb did not report its display: %v: %s", err, xlog.String())
	}
	display := ":" + strings.TrimSpace(line)
	// Wait until the server answers clients: GTK gives up at once otherwise.
	for start := time.Now(); ; time.Sleep(100 * time.Millisecond) {
		cmd := exec.Command("xdotool", "getdisplaygeometry")
		cmd.Env = append(os.Environ(), "DISPLAY="+display)
		if err := cmd.Run(); err == nil {
			return display
		}
		if time.Since(start) > 15*time.Second {
			t.Fatalf("Xvfb on %s does not answer: %s", display, xlog.String())
		}
	}
}

// stopGroup ends a started process's group politely, then firmly; exited
// closes when the process has been waited for.
func stopGroup(cmd *exec.Cmd, exited <-chan struct{}) {
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
	select {
	case <-exited:
	case <-time.After(5 * time.Second):
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-exited
	}
}

// The everyone view: team totals and one row per user plus Unassigned, each
// equal to the backend's breakdown.
func TestWindowShowsTheEveryoneView(t *testing.T) {
	pl := startPlatform(t)
	w := newWindow(t)
	w.addProfile(t, backend.Profile{Name: "Team database", Kind: backend.SourceMongoDB, MongoURI: pl.mongoURI, Account: backend.Everyone}, true)
	want := w.cliReport(t, "Team database", "last_30_days", "")
	if want.Breakdowns == nil || len(want.Breakdowns.ByUser) < 2 {
		t.Fatalf("the everyone report has no per-user rows: %+v", want.Breakdowns)
	}
	w.open(t)
	got := w.waitForProbe(t, "report")
	expected := expectedMetrics(want)
	checkMetrics(t, got, expected)
	userCosts := metricValues(got, "user_cost_usd")
	var wantCosts []string
	for _, row := range want.Breakdowns.ByUser {
		wantCosts = append(wantCosts, usd(row.CostUSD, 4))
	}
	sort.Strings(userCosts)
	sort.Strings(wantCosts)
	if strings.Join(userCosts, " ") != strings.Join(wantCosts, " ") {
		t.Errorf("users table costs %v, want %v", userCosts, wantCosts)
	}
	w.screenshot(t, "everyone.png")
}

// keyringScript starts a real, unlocked Secret Service (gnome-keyring, its
// login keyring created under the window's own XDG data folder) on the app's
// session bus before the app, as a desktop session would; without it the bus
// activates a keyring with no unlocked collection and the app rightly says
// the keychain is locked.
const keyringScript = `printf %s e2e-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null || { echo "gnome-keyring-daemon failed to start" >&2; exit 97; }; exec "$@"`

// withKeyring wraps dbus-run-session's arguments ("--", command...) so the
// command runs after keyringScript.
func withKeyring(args []string) []string {
	if len(args) == 0 || args[0] != "--" {
		return args
	}
	return append([]string{"--", "sh", "-c", keyringScript, "sh"}, args[1:]...)
}
