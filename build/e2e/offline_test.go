//go:build e2e

package e2e

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"usagedash/app/apptest"
	"usagedash/backend"
	"usagedash/backend/ferret"
	"usagedash/backend/sample"
)

// Stop the database, start the app: the stored report appears at once with
// its age and the offline banner; start the database again and retry: fresh
// numbers, banner gone.
func TestOfflineStartShowsTheStoredReportThenRecovers(t *testing.T) {
	dbDir := t.TempDir()
	// The app's address for the database stays the relay's while the
	// database behind it stops and starts again (on a new port each time).
	relay := apptest.NewRelay(t)
	addr := relay.Addr()
	srv := startFerret(t, dbDir, relay, true)

	w := newWindow(t)
	w.addProfile(t, backend.Profile{Name: "Sample database", Kind: backend.SourceMongoDB,
		MongoURI: "mongodb://" + addr + "/?serverSelectionTimeoutMS=1500", Account: sample.DemoUsername}, true)
	want := expectedMetrics(w.cliReport(t, "Sample database", "last_30_days", ""))

	w.open(t)
	got := w.waitForProbe(t, "report")
	checkMetrics(t, got, want)
	w.close()
	relay.Forward("")
	srv.Stop()

	// Offline: several starts, timing process start to the stored report's paint.
	var paints []time.Duration
	for i := 0; i < 3; i++ {
		started := time.Now()
		w.open(t)
		w.waitForProbeMetric(t, "report", "report_as_of")
		if fi, err := os.Stat(w.probe); err == nil {
			paints = append(paints, fi.ModTime().Sub(started))
		}
		checkMetrics(t, w.waitForProbe(t, "report"), want)
		banner := w.waitForProbeMetric(t, "report", "offline_banner")
		if banner.Text == "" {
			t.Fatal("the offline banner is empty")
		}
		if i == 0 {
			w.screenshot(t, "offline.png")
		}
		if i < 2 {
			w.close()
		}
	}
	sort.Slice(paints, func(i, j int) bool { return paints[i] < paints[j] })
	if len(paints) > 0 {
		t.Logf("launch to stored report painted: median %v (runs %v)", paints[len(paints)/2], paints)
	}

	// Back online: retry brings fresh numbers and drops the banner.
	startFerret(t, dbDir, relay, false)
	w.typeKeys(t, "", "F5")
	deadline := time.Now().Add(30 * time.Second)
	for {
		p := w.waitForProbe(t, "report")
		if !hasMetric(p, "offline_banner") && !hasMetric(p, "report_as_of") {
			checkMetrics(t, p, want)
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after retry the window still shows the offline state: %+v", p.Metrics)
		}
		time.Sleep(300 * time.Millisecond)
	}
}

func hasMetric(p probe, id string) bool { return len(metricValues(p, id)) > 0 }

// startFerret runs FerretDB on a free port over the files in dir, seeding
// the sample dataset the first time, and points relay at it.
func startFerret(t *testing.T, dir string, relay *apptest.Relay, seed bool) *ferret.Server {
	t.Helper()
	srv, err := ferret.Start(context.Background(), filepath.Join(dir, "db"), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Stop)
	if seed {
		loadSample(t, srv.URI())
	}
	relay.Forward(apptest.Host(t, srv.URI()))
	return srv
}
