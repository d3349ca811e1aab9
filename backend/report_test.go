package backend_test

import (
	"math"
	"testing"

	"usagedash/backend"
)

func TestDeriveFollowsTheDashboardDefinitions(t *testing.T) {
	r := backend.Report{TotalInstances: 4, TotalTokens: 2000, TotalCostUSD: 3,
		TokenBreakdown: backend.TokenBreakdown{InputTokens: 500, OutputTokens: 500, CacheCreationInputTokens: 250, CacheReadInputTokens: 750}}
	r.Derive()
	d := r.Derived
	check := func(name string, got, want float64) {
		if math.Abs(got-want) > 1e-12 {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	check("avg cost", d.AvgCostPerInstanceUSD, 0.75)
	check("avg tokens", d.AvgTokensPerInstance, 500)
	check("cost per 1K", d.CostPer1KTokensUSD, 1.5)
	check("input share", d.TokenShares.Input, 0.25)
	check("cache read share", d.TokenShares.CacheRead, 0.375)

	var empty backend.Report
	empty.Derive()
	if empty.Derived != (backend.Derived{}) || !empty.IsEmpty() {
		t.Fatalf("an empty report must derive zeros without dividing by zero: %+v", empty.Derived)
	}
}
