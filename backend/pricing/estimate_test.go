package pricing_test

import (
	"slices"
	"testing"

	"usagedash/backend"
	"usagedash/backend/pricing"
)

func TestEstimateCountsUnpriced(t *testing.T) {
	at := day("2026-06-01")
	var e pricing.Estimate // the zero Estimate uses Default()
	adds := []struct {
		model string
		u     pricing.Usage
	}{
		{"claude-opus-4-5", pricing.Usage{Input: 1_000_000}},                       // $5.00
		{"claude-opus-5-20270101", pricing.Usage{Input: 1_000, Output: 500}},       // 1,500 unpriced
		{"claude-opus-5-20270101", pricing.Usage{Input: 2_000, CacheRead: 10_000}}, // 12,000 unpriced
		{"gpt-4o", pricing.Usage{}},                                                // no tokens: nothing missed
		{"", pricing.Usage{Output: 10}},                                            // 10 unpriced
		{"claude-sonnet-4-5", pricing.Usage{Input: 200_001}},                       // 200,001 × $6 = 1.200006, long
	}
	for _, a := range adds {
		if err := e.Add(a.model, at, a.u); err != nil {
			t.Fatalf("Add(%q): %v", a.model, err)
		}
	}
	near(t, "USD", e.USD, 6.200006)
	if e.UnpricedTokens != 13_510 || e.Requests != 6 || e.LongContextRequests != 1 || e.Complete() {
		t.Errorf("estimate = %+v", e)
	}
	if !slices.Equal(e.UnpricedModels, []string{"(no model)", "claude-opus-5-20270101"}) {
		t.Errorf("UnpricedModels = %q", e.UnpricedModels)
	}
	if s := e.String(); s != "≥ $6.20 (13,510 tokens unpriced)" {
		t.Errorf("String = %q", s)
	}
	if err := e.Add("claude-opus-4-5", at, pricing.Usage{Input: -5}); backend.ErrorCode(err) != backend.EBADDATA || e.Requests != 6 {
		t.Errorf("negative usage: %v, requests %d", err, e.Requests)
	}
}

func TestEstimateCompleteAndOverrides(t *testing.T) {
	at := day("2026-06-01")
	tb := pricing.Default().WithOverrides(map[string]string{"claude-opus-5": "claude-opus-4-6"}, nil)
	e := tb.NewEstimate()
	// 1,234,567 × $5 / 1M = 6.172835; plus 1M output × $25 = 25; total 31.172835.
	if err := e.Add("claude-opus-5-20270101", at, pricing.Usage{Input: 1_234_567, Output: 1_000_000}); err != nil {
		t.Fatal(err)
	}
	near(t, "USD", e.USD, 31.172835)
	if !e.Complete() || e.String() != "$31.17" || len(e.UnpricedModels) != 0 {
		t.Errorf("estimate = %+v, %q", e, e.String())
	}
}
