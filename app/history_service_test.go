package app_test

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"usagedash/app"
	"usagedash/backend"
	"usagedash/backend/history"
	"usagedash/backend/sample"
)

// Fetched reports are kept; the newest is offered for an instant first
// paint, and the history lists, compares and deletes them without a network.
func TestFetchedReportsAreKeptAndReviewableOffline(t *testing.T) {
	srv := seededServer(t)
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	store, err := history.Open(filepath.Join(dir, "reports"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := newFixture(t, filepath.Join(dir, "conf"), store)
	p := f.saveActive(t, backend.Profile{Name: "DB", Kind: backend.SourceMongoDB, MongoURI: srv.URI(), Account: sample.DemoUsername})
	reports := app.NewReportService(f.life, f.ws, time.UTC, 30*time.Second, nil)
	svc := app.NewHistoryService(store)

	if _, err := reports.Stored(backend.PeriodRequest{Preset: "all_time"}); backend.ErrorCode(err) != backend.ENOTFOUND {
		t.Fatalf("stored before any fetch: %v", err)
	}
	week, err := reports.Fetch(backend.PeriodRequest{Preset: "last_7_days"})
	if err != nil {
		t.Fatal(err)
	}
	all, err := reports.Fetch(backend.PeriodRequest{Preset: "all_time"})
	if err != nil {
		t.Fatal(err)
	}
	srv.Stop() // from here on, no database

	stored, err := reports.Stored(backend.PeriodRequest{Preset: "all_time"})
	if err != nil || stored.Report.TotalCostUSD != all.TotalCostUSD || stored.Entry.FetchedAt.IsZero() {
		t.Fatalf("stored all-time report %+v, %v", stored, err)
	}
	h, err := svc.List("")
	if err != nil || len(h.Entries) != 2 || len(h.Warnings) != 0 || h.Entries[0].PeriodKey != "all_time@UTC" {
		t.Fatalf("history %+v, %v", h, err)
	}
	diff, err := svc.Compare(h.Entries[1].ID, h.Entries[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff.TotalTokens != all.TotalTokens-week.TotalTokens || diff.InputTokens != all.TotalInputTokens-week.TotalInputTokens {
		t.Fatalf("diff %+v", diff)
	}
	if got, want := diff.CostUSD, all.TotalCostUSD-week.TotalCostUSD; got-want > 1e-6 || want-got > 1e-6 {
		t.Fatalf("cost diff %v, want %v", got, want)
	}
	if err := svc.Delete(h.Entries[1].ID); err != nil {
		t.Fatal(err)
	}
	if h, _ := svc.List(p.ID); len(h.Entries) != 1 {
		t.Fatalf("after delete: %+v", h.Entries)
	}

	// The CLI reads the same history with --offline.
	cliStore, _ := history.Open(app.DefaultPaths().Reports, history.Options{})
	if _, err := cliStore.Save(p.ID, p.Name, all); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCommand(t, "", "report", "--offline", "--json")
	var got backend.Report
	if code != 0 || json.Unmarshal([]byte(out), &got) != nil || got.TotalTokens != all.TotalTokens {
		t.Fatalf("report --offline: exit %d %s %s", code, errOut, out)
	}
}
