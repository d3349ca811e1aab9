package usage_test

import (
	"testing"

	"usagedash/backend"
	"usagedash/backend/usage"
)

func TestTotalsFallBackToLegacyTokensOnlyWhenTypedAreZero(t *testing.T) {
	var legacyOnly usage.Totals
	legacyOnly.Add(&usage.LogRecord{TokensUsed: 700, CostUSD: 0.1})
	legacyOnly.Add(&usage.LogRecord{TokensUsed: 300})
	if got := legacyOnly.TotalTokens(); got != 1000 {
		t.Fatalf("legacy total = %d, want 1000", got)
	}
	var mixed usage.Totals
	mixed.Add(&usage.LogRecord{TokensUsed: 700})
	mixed.Add(&usage.LogRecord{InputTokens: 10, OutputTokens: 20, CacheCreationTokens: 30, CacheReadTokens: 40})
	if got := mixed.TotalTokens(); got != 100 {
		t.Fatalf("mixed total = %d, want 100 (the platform ignores tokens_used once typed tokens exist)", got)
	}
	var r backend.Report
	r.TotalInstances = 2
	mixed.Apply(&r)
	if r.TokenBreakdown.TotalTokens != 100 || r.TotalCacheReadTokens != 40 || r.Derived.AvgTokensPerInstance != 50 {
		t.Fatalf("apply: %+v", r)
	}
}

func TestRoundCostMatchesPythonRound(t *testing.T) {
	// Values checked with CPython: round(x, 4).
	cases := map[float64]float64{
		0.00005:     0.0001, // stored as 5.000000000000000409e-05, above the tie
		1.23456:     1.2346,
		2.675e-4:    0.0003,
		0.12344999:  0.1234,
		171.8449999: 171.845,
		0:           0,
	}
	for in, want := range cases {
		if got := usage.RoundCost(in); got != want {
			t.Errorf("RoundCost(%v) = %v, want %v", in, got, want)
		}
	}
}
