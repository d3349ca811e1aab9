package mongodb_test

import (
	"context"
	"math"
	"slices"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/ferret"
	"usagedash/backend/pricing"
	"usagedash/backend/sample"
)

// TestReportAtCurrentPrices runs a priced report through FerretDB over logs
// of this year's models, each worked out by hand below: every token priced,
// Sonnet 5.5 before and after its 2026-10-07 cache-read cut, Haiku 5.5 under
// and over its 100K tier, cache writes of unknown TTL priced as the reported
// cost shows.
func TestReportAtCurrentPrices(t *testing.T) {
	uid := "user-hand"
	ds := &sample.Dataset{
		Users:     []sample.User{{ID: uid, Username: "hand", Email: "hand@example.com", IsActive: true, CreatedAt: day(t, "2026-01-01")}},
		Workflows: []sample.Workflow{{ID: "wf-hand", UserID: &uid, Name: "by hand", CreatedAt: day(t, "2026-01-01")}},
	}
	models := []string{"claude-opus-5-5", "claude-sonnet-5-5", "claude-haiku-5-5", "claude-fable-5-2", "claude-opus-4-8"}
	mode := "api-key"
	for _, m := range models {
		ds.Instances = append(ds.Instances, sample.Instance{ID: "in-" + m, UserID: &uid, WorkflowID: "wf-hand", Status: "completed",
			Model: &m, Mode: &mode, CreatedAt: day(t, "2026-06-01")})
	}
	n := 0
	add := func(model, at string, in, out, write, read int64, cost *float64) {
		n++
		ts := day(t, at).Add(12 * time.Hour)
		ds.Logs = append(ds.Logs, sample.Log{ID: "log-" + string(rune('a'+n)), InstanceID: "in-" + model, WorkflowID: "wf-hand",
			Timestamp: ts, Type: "completion", CostUSD: cost,
			TokenUsage: &sample.TokenUsage{Input: &in, Output: &out, CacheCreation: &write, CacheRead: &read, Total: in + out + write + read}})
	}
	usd := func(v float64) *float64 { return &v }
	// Opus 5.5 ($4 in, $20 out, $0.20 read): 0.40 + 0.20 + 0.20 = 0.80.
	add("claude-opus-5-5", "2026-11-20", 100_000, 10_000, 0, 1_000_000, usd(0.80))
	// Sonnet 5.5 ($2, $10; reads $0.20, then $0.10 from 2026-10-07):
	// 0.20 + 0.20 + 0.20 = 0.60 the day before, 0.20 + 0.20 + 0.10 = 0.50 on the day.
	add("claude-sonnet-5-5", "2026-10-06", 100_000, 20_000, 0, 1_000_000, usd(0.60))
	add("claude-sonnet-5-5", "2026-10-07", 100_000, 20_000, 0, 1_000_000, usd(0.50))
	// Haiku 5.5 ($0.10, $0.50, $0.01 read), 90K prompt: 0.005 + 0.005 + 0.0004 = 0.0104.
	add("claude-haiku-5-5", "2026-11-01", 50_000, 10_000, 0, 40_000, usd(0.0104))
	// 200K prompt, over 100K, but a log sums a run's requests: standard
	// 0.01 + 0.005 + 0.001 = 0.016, flagged; as ONE request at $0.50 / $2.50 /
	// $0.05 it would be 0.05 + 0.025 + 0.005 = 0.08, so 0.064 more.
	add("claude-haiku-5-5", "2026-11-02", 100_000, 10_000, 0, 100_000, usd(0.016))
	// Fable 5.2 ($8, $40, $10 5m / $16 1h writes, $0.20 read): 0.08 + 0.20 +
	// 0.02 reads + writes 0.10 (5m) or 0.16 (1h); it reports 0.46, the 1h sum.
	add("claude-fable-5-2", "2026-11-20", 10_000, 5_000, 10_000, 100_000, usd(0.46))
	// Opus 4.8 ($5, $25, $6.25 / $10 writes), no reported cost, so no cost to
	// match: 1-hour writes, 1.00 + 0.25 + 0.20 = 1.45.
	add("claude-opus-4-8", "2026-11-20", 200_000, 10_000, 20_000, 0, nil)

	srv := ferret.MustStart(t)
	src := seed(t, srv.URI(), "current_prices", ds)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	r, err := src.Report(ctx, backend.Query{Account: "hand", Period: backend.Period{Preset: backend.PresetAllTime}, Pricer: pricing.Default()})
	if err != nil {
		t.Fatal(err)
	}
	p := r.Pricing
	if p == nil {
		t.Fatal("no pricing")
	}
	near := func(what string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("%s = %.6f, want %.6f", what, got, want)
		}
	}
	// 0.80 + 0.60 + 0.50 + 0.0104 + 0.016 + 0.46 + 1.45 = 3.8364.
	near("computed", p.ComputedUSD, 3.8364)
	near("filled in", p.FilledInUSD, 1.45)
	near("estimated", p.EstimatedUSD, 3.8364)
	near("drift", p.DriftUSD, 0)
	near("long-context extra", p.LongContextExtraUSD, 0.064)
	if p.UnpricedTokens != 0 || len(p.UnpricedModels) != 0 || p.LongContextLogs != 1 || p.LogsWithoutCost != 1 {
		t.Errorf("pricing %+v", p)
	}
	want := map[string]float64{"claude-opus-5-5": 0.80, "claude-sonnet-5-5": 1.10, "claude-haiku-5-5": 0.0264,
		"claude-fable-5-2": 0.46, "claude-opus-4-8": 1.45}
	for _, row := range r.Breakdowns.ByModel {
		near(row.Key, row.ComputedUSD, want[row.Key])
		if row.UnpricedTokens != 0 {
			t.Errorf("%s: %d tokens unpriced", row.Key, row.UnpricedTokens)
		}
	}
	if len(r.Breakdowns.ByModel) != len(want) {
		t.Errorf("%d model rows", len(r.Breakdowns.ByModel))
	}
	if wantRows := []backend.SecondaryRowUse{
		{Row: "claude-fable-5-2@2026-11-09", Logs: 1, ComputedUSD: 0.46},
		{Row: "claude-haiku-5-5@2026-10-07", Logs: 2, ComputedUSD: 0.0264},
		{Row: "claude-opus-4-8@2026-05-28", Logs: 1, ComputedUSD: 1.45},
		{Row: "claude-sonnet-5-5@2026-10-07", Logs: 1, ComputedUSD: 0.50},
	}; !slices.Equal(p.SecondaryRows, wantRows) {
		t.Errorf("secondary rows %+v", p.SecondaryRows)
	}
	if !slices.Equal(p.Rules, []backend.RuleUse{{Rule: "cache-1h", Logs: 2}}) {
		t.Errorf("rules %+v", p.Rules)
	}
	if p.CacheTTLNote != "Cache writes priced as 1-hour writes: they match the reported cost within 0.0%." {
		t.Errorf("note %q", p.CacheTTLNote)
	}
}

func day(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
