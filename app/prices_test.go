package app

import (
	"math"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/pricing"
)

// TestSettingsPricesApplyTheCurrentOverrides checks that the Pricer the
// report service gets follows the settings: an alias prices an unknown model
// as its target, a custom price (zero cache rates derived from the input
// rate) wins, and a change shows at the next call.
func TestSettingsPricesApplyTheCurrentOverrides(t *testing.T) {
	st := backend.DefaultSettings()
	profile := backend.Profile{ID: "p1"}
	prices := SettingsPrices(func() backend.Settings { return st }, nil, func() (backend.Profile, error) { return profile, nil })
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	tokens := backend.TokenBreakdown{InputTokens: 1_000_000, OutputTokens: 1_000_000, CacheCreationInputTokens: 1_000_000, CacheReadInputTokens: 1_000_000}

	if got := prices().Model("claude-opus-9-7").PriceRequest(at, logOf(tokens)); got.Priced {
		t.Fatalf("unknown model priced without an alias: %+v", got)
	}
	st.ModelAliases = map[string]string{"claude-opus-9-7": "claude-opus-4-6"}
	st.CustomPrices = map[string]backend.ModelRates{"my-model": {Input: 2, Output: 8}}
	p := prices()
	if p.Version() != pricing.Default().Version() {
		t.Errorf("version %q", p.Version())
	}
	// Opus 4.6: $5 input + $25 output + $6.25 write + $0.50 read per million.
	if got := p.Model("claude-opus-9-7").PriceRequest(at, logOf(tokens)); !got.Priced || math.Abs(got.USD-36.75) > 1e-9 {
		t.Errorf("aliased model: %+v, want $36.75", got)
	}
	// Custom: $2 + $8 + $2.50 (1.25x input) + $0.20 (0.1x input).
	if got := p.Model("my-model").PriceRequest(at, logOf(tokens)); !got.Priced || math.Abs(got.USD-12.7) > 1e-9 {
		t.Errorf("custom model: %+v, want $12.70", got)
	}
	if got := prices().Model("gpt-4o").PriceRequest(at, logOf(tokens)); got.Priced {
		t.Errorf("another vendor's model priced: %+v", got)
	}
	// The active profile's cache-TTL policy: match by default, 1h when set.
	if got := prices().CacheTTL(); got != backend.CacheTTLMatch {
		t.Errorf("default policy %q", got)
	}
	st.CacheTTL = map[string]backend.CacheTTL{"p1": backend.CacheTTL1h}
	if got := prices().CacheTTL(); got != backend.CacheTTL1h {
		t.Errorf("profile policy %q", got)
	}
}

// logOf is a platform log's usage: tokens b, cache writes of unknown TTL.
func logOf(b backend.TokenBreakdown) backend.RequestUsage {
	u := pricing.FromBreakdown(b, false)
	u.Aggregate = true
	return u
}
