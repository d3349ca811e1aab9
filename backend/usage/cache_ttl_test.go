package usage_test

import (
	"math"
	"slices"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/pricing"
	"usagedash/backend/usage"
)

// TestCacheTTLMatch prices cache writes of unknown TTL per model at the TTL
// that matches the reported cost, and checks the headline, a row mixing both
// models, the rules, the secondary-source rows and the card's sentence
// against sums worked out here.
func TestCacheTTLMatch(t *testing.T) {
	agg := usage.NewAggregator(usage.Inputs{Pricer: pricing.Default(), Instances: []usage.Instance{
		{ID: "o", Model: "claude-opus-5-5", Mode: "api-key"},
		{ID: "h", Model: "claude-haiku-4-5", Mode: "api-key"},
		{ID: "f", Model: "claude-fable-5-2", Mode: "api-key"},
		{ID: "r", Model: "us.anthropic.claude-opus-4-8-v1:0", Mode: "api-key"},
	}})
	at := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	// Opus 5.5 ($4 in, $20 out, $5 5m, $8 1h): 10,000 in, 2,000 out, 100,000
	// writes: 0.04 + 0.04 + 0.50 = 0.58 at 5m, + 0.80 = 0.88 at 1h; it reports
	// 0.88, so 1-hour writes. A second log without a cost: 1,000 out and
	// 50,000 writes, 0.02 + 0.40 = 0.42 at 1h.
	agg.Add(&usage.LogRecord{InstanceID: []byte("o"), Timestamp: at, HasTokenUsage: true, InputTokens: 10_000, OutputTokens: 2_000,
		CacheCreationTokens: 100_000, HasCost: true, CostUSD: 0.88})
	agg.Add(&usage.LogRecord{InstanceID: []byte("o"), Timestamp: at, HasTokenUsage: true, OutputTokens: 1_000, CacheCreationTokens: 50_000})
	// Haiku 4.5 ($1, $5, $1.25 5m, $2 1h): 100,000 in, 10,000 out, 200,000
	// writes: 0.10 + 0.05 + 0.25 = 0.40 at 5m (0.55 at 1h); it reports 0.40.
	agg.Add(&usage.LogRecord{InstanceID: []byte("h"), Timestamp: at, HasTokenUsage: true, InputTokens: 100_000, OutputTokens: 10_000,
		CacheCreationTokens: 200_000, HasCost: true, CostUSD: 0.40})
	// Fable 5.2, a secondary-source row ($8, $40): 1,000 in + 1,000 out =
	// 0.008 + 0.04 = 0.048, no cost reported.
	agg.Add(&usage.LogRecord{InstanceID: []byte("f"), Timestamp: at, HasTokenUsage: true, InputTokens: 1_000, OutputTokens: 1_000})
	// Opus 4.8 through a US regional endpoint: 1M input × $5 × 1.1 = 5.50
	// (regional rule; a secondary-source row), no cost reported.
	agg.Add(&usage.LogRecord{InstanceID: []byte("r"), Timestamp: at, HasTokenUsage: true, InputTokens: 1_000_000})

	var r backend.Report
	if err := agg.Apply(&r, usage.Labels{}); err != nil {
		t.Fatal(err)
	}
	p := r.Pricing
	// 0.88 + 0.42 + 0.40 + 0.048 + 5.50 = 7.248; filled in 0.42 + 0.048 + 5.50.
	near := func(what string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("%s = %.10f, want %.10f", what, got, want)
		}
	}
	near("ComputedUSD", p.ComputedUSD, 7.248)
	near("FilledInUSD", p.FilledInUSD, 5.968)
	near("ComputedComparedUSD", p.ComputedComparedUSD, 1.28)
	near("DriftUSD", p.DriftUSD, 0)
	// Savings: the write premium only, Opus at 1h (8−4) × 150,000 = −0.60,
	// Haiku at 5m (1.25−1) × 200,000 = −0.05.
	near("CacheSavingsUSD", p.CacheSavingsUSD, -0.65)
	mode := r.Breakdowns.ByMode[0]
	near("api-key row (both models)", mode.ComputedUSD, 7.248)
	for _, row := range r.Breakdowns.ByModel {
		want := map[string]float64{"claude-opus-5-5": 1.30, "claude-haiku-4-5": 0.40, "claude-fable-5-2": 0.048,
			"us.anthropic.claude-opus-4-8-v1:0": 5.50}[row.Key]
		near(row.Key+" row", row.ComputedUSD, want)
	}
	var series float64
	for _, row := range r.Series.Rows {
		series += row.ComputedUSD
	}
	near("series", series, 7.248)
	if want := []backend.RuleUse{{Rule: "regional", Logs: 1}, {Rule: "cache-1h", Logs: 2}}; !slices.Equal(p.Rules, want) {
		t.Errorf("rules %+v, want %+v", p.Rules, want)
	}
	if want := []backend.SecondaryRowUse{{Row: "claude-fable-5-2@2026-11-09", Logs: 1, ComputedUSD: 0.048},
		{Row: "claude-opus-4-8@2026-05-28", Logs: 1, ComputedUSD: 5.5}}; !slices.Equal(p.SecondaryRows, want) {
		t.Errorf("secondary rows %+v, want %+v", p.SecondaryRows, want)
	}
	if want := "Cache writes priced as 1-hour writes for claude-opus-5-5 and as 5-minute writes for claude-haiku-4-5: whichever matches the reported cost."; p.CacheTTLNote != want {
		t.Errorf("note %q", p.CacheTTLNote)
	}
	if len(p.CacheTTL) != 2 || p.CacheTTL[1].Model != "claude-opus-5-5" || p.CacheTTL[1].TTL != backend.CacheTTL1h ||
		*p.CacheTTL[1].MismatchPercent != 0 || p.CacheTTL[0].TTL != backend.CacheTTL5m {
		t.Errorf("choices %+v", p.CacheTTL)
	}

	// The same logs under a fixed 5-minute policy: Opus at 0.58 + 0.27.
	fixed := usage.NewAggregator(usage.Inputs{Pricer: pricing.Default().WithCacheTTL(backend.CacheTTL5m),
		Instances: []usage.Instance{{ID: "o", Model: "claude-opus-5-5"}}})
	fixed.Add(&usage.LogRecord{InstanceID: []byte("o"), Timestamp: at, HasTokenUsage: true, InputTokens: 10_000, OutputTokens: 2_000,
		CacheCreationTokens: 100_000, HasCost: true, CostUSD: 0.88})
	fixed.Add(&usage.LogRecord{InstanceID: []byte("o"), Timestamp: at, HasTokenUsage: true, OutputTokens: 1_000, CacheCreationTokens: 50_000})
	var f backend.Report
	if err := fixed.Apply(&f, usage.Labels{}); err != nil {
		t.Fatal(err)
	}
	near("5m policy", f.Pricing.ComputedUSD, 0.85)
	if f.Pricing.CacheTTLNote != "Cache writes priced as 5-minute writes, as the connection's setting says." {
		t.Errorf("note %q", f.Pricing.CacheTTLNote)
	}
}
