package app

import (
	"math"
	"path/filepath"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/history"
	"usagedash/backend/pricing"
)

// TestRecostStoredReport stores a report priced by an old table, in which
// Opus 5.5 was unknown, and reprices it from the history on disk: 1M input
// × $4 = $4 now, beside the stored $0.
func TestRecostStoredReport(t *testing.T) {
	store, err := history.Open(filepath.Join(t.TempDir(), "reports"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	end := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	start := end.Add(-24 * time.Hour)
	r := &backend.Report{GeneratedAt: end, PeriodStart: &start, PeriodEnd: &end, TotalTokens: 1_000_000,
		Source:  backend.SourceInfo{Kind: backend.SourceMongoDB, Label: "test"},
		Period:  backend.Period{Preset: backend.PresetAllTime},
		Pricing: &backend.PricingSummary{TableVersion: "2026-02-17", UnpricedTokens: 1_000_000, UnpricedModels: []string{"claude-opus-5-5"}},
		Breakdowns: &backend.Breakdowns{ByModel: []backend.UsageRow{{Key: "claude-opus-5-5", Logs: 1, UnpricedTokens: 1_000_000,
			Tokens: backend.TokenBreakdown{InputTokens: 1_000_000, TotalTokens: 1_000_000}}}}}
	e, err := store.Save("p1", "test", r)
	if err != nil {
		t.Fatal(err)
	}
	got, err := NewRecostService(store, pricing.Default).Recost(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	rc := got.Recost
	if rc.StoredVersion != "2026-02-17" || rc.StoredUSD != 0 || math.Abs(rc.CurrentUSD-4) > 1e-9 || got.Stored.Entry.ID != e.ID {
		t.Errorf("recost %+v", rc)
	}
	if _, err := NewRecostService(nil, pricing.Default).Recost(e.ID); backend.ErrorCode(err) != backend.EUNAVAILABLE {
		t.Errorf("no history: %v", err)
	}
}
