//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"usagedash/backend"
	"usagedash/backend/sample"
)

// Export the report on screen through the menu (Ctrl+E, Return on "CSV…")
// and the real GTK save dialog, then read the file back.
func TestExportThroughTheSaveDialog(t *testing.T) {
	pl := startPlatform(t)
	w := newWindow(t, "TZ="+switchZone)
	const profile = "Sample database"
	w.addProfile(t, backend.Profile{Name: profile, Kind: backend.SourceMongoDB, MongoURI: pl.mongoURI, Account: sample.DemoUsername}, true)
	want := w.cliReport(t, profile, "last_30_days", "")
	if want.Pricing == nil || want.Breakdowns == nil {
		t.Fatal("the CLI report has no pricing or breakdowns")
	}
	started := time.Now()
	w.open(t)
	checkMetrics(t, w.waitForFreshReport(t, started, want, false), expectedMetrics(want))

	path := filepath.Join(t.TempDir(), "usage-export.csv")
	pressed := time.Now()
	w.typeKeys(t, "", "ctrl+e")
	time.Sleep(800 * time.Millisecond) // the menu opens with its first item, CSV…, focused
	w.typeKeys(t, "", "Return")
	dialog := w.findWindow(t, "^Export report$", 20*time.Second)
	xdotool(t, w.display, "windowfocus", "--sync", dialog)
	time.Sleep(500 * time.Millisecond)
	xdotool(t, w.display, "key", "--window", dialog, "ctrl+a")
	xdotool(t, w.display, "type", "--delay", "20", path)
	w.screenshot(t, "export-save-dialog.png")
	xdotool(t, w.display, "key", "Return")
	var data []byte
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		var err error
		if data, err = os.ReadFile(path); err == nil {
			break
		}
		if time.Now().After(deadline) {
			w.screenshot(t, "export-dialog-stuck.png")
			t.Fatalf("no file at %s 20 s after typing it into the save dialog", path)
		}
	}
	t.Logf("Ctrl+E to the file written (with a screenshot's 1.5 s): %v", time.Since(pressed).Round(10*time.Millisecond))

	meta := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if kv, ok := strings.CutPrefix(line, "# "); ok {
			k, v, _ := strings.Cut(kv, ": ")
			meta[k] = strings.TrimRight(v, "\r")
		}
	}
	for k, v := range map[string]string{
		"period_label":        want.Period.Label,
		"time_zone":           switchZone,
		"source_kind":         string(backend.SourceMongoDB),
		"source_label":        want.Source.Label,
		"account":             sample.DemoUsername,
		"price_table_version": want.Pricing.TableVersion,
	} {
		if meta[k] != v {
			t.Errorf("metadata %s is %q, want %q", k, meta[k], v)
		}
	}
	t.Logf("metadata: %v", meta)
	if want.Period.TimeZone != switchZone {
		t.Errorf("the CLI report is in %q, want %q", want.Period.TimeZone, switchZone)
	}

	r := csv.NewReader(bytes.NewReader(data))
	r.Comment = '#'
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) < 2 {
		t.Fatalf("the CSV has %d records", len(records))
	}
	col := map[string]int{}
	for i, name := range records[0] {
		col[name] = i
	}
	var total string
	var modelSum int64
	models := 0
	for _, rec := range records[1:] {
		switch rec[col["section"]] {
		case "total":
			total = rec[col["cost_usd"]]
		case "model":
			modelSum += amountUnits(t, rec[col["cost_usd"]])
			models++
		}
	}
	if wantTotal := strconv.FormatFloat(want.TotalCostUSD, 'f', -1, 64); total != wantTotal {
		t.Errorf("the total row's cost is %q, want the CLI's %q", total, wantTotal)
	}
	if models != len(want.Breakdowns.ByModel) {
		t.Errorf("the CSV has %d model rows, the CLI report %d", models, len(want.Breakdowns.ByModel))
	}
	if d := modelSum - usdUnits(want.TotalCostUSD); d < -halfCent || d > halfCent {
		t.Errorf("the model rows sum to %s, the total is %s", unitsText(modelSum), usd(want.TotalCostUSD, 4))
	}
}

// findWindow waits for a visible window whose name matches pattern and returns its id.
func (w *window) findWindow(t *testing.T, pattern string, timeout time.Duration) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "xdotool", "search", "--sync", "--onlyvisible", "--name", pattern)
	cmd.Env = append(os.Environ(), "DISPLAY="+w.display)
	out, err := cmd.Output()
	if err != nil {
		w.screenshot(t, "export-no-dialog.png")
		t.Fatalf("no window named %s within %v: %v", pattern, timeout, err)
	}
	return strings.Fields(string(out))[0]
}
