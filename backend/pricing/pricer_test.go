package pricing_test

import (
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/pricing"
)

// TestPricerMatchesCostAndCacheSavings checks the backend.Pricer adapter
// against Table.Cost and Table.CacheSavings for each way a model resolves
// (family, dated id, alias, custom price, effective dates, long context) and
// by hand for two logs.
func TestPricerMatchesCostAndCacheSavings(t *testing.T) {
	tb := pricing.Default().WithOverrides(
		map[string]string{"claude-opus-4-7": "claude-opus-4-6"},
		map[string]pricing.Price{"my-model": {Rates: pricing.Rates{Input: 2, Output: 8}}})
	var _ backend.Pricer = tb
	tokens := []backend.TokenBreakdown{
		{InputTokens: 1_000, OutputTokens: 2_000, CacheCreationInputTokens: 3_000, CacheReadInputTokens: 5_000},
		{InputTokens: 150_000, OutputTokens: 9_000, CacheCreationInputTokens: 30_000, CacheReadInputTokens: 25_000}, // 205K prompt
		{OutputTokens: 10},
	}
	times := []time.Time{{}, day("2024-11-20"), day("2024-12-03"), day("2026-03-01")}
	for _, model := range []string{"claude-sonnet-4-5-20250929", "claude-3-5-haiku-20241022", "claude-opus-4-7", "my-model", "claude-haiku-4-5"} {
		mp := tb.Model(model)
		for _, at := range times {
			for _, b := range tokens {
				u := pricing.FromBreakdown(b, false)
				want, err := tb.Cost(model, at, u)
				if err != nil {
					t.Fatalf("%s: %v", model, err)
				}
				saved, _ := tb.CacheSavings(model, at, u)
				got := mp.Price(at, b)
				if !got.Priced || got.LongContext != want.LongContext || got.USD != want.USD || got.CacheSavedUSD != saved {
					t.Errorf("%s at %s %+v: got %+v, want USD %v long %v saved %v", model, at.Format(time.DateOnly), b, got, want.USD, want.LongContext, saved)
				}
			}
		}
	}
	// By hand. Sonnet 4.5, 205,000 prompt tokens > 200K: the whole request at
	// the long-context rates $6 / $22.50 / $7.50 write / $0.60 read.
	long := tb.Model("claude-sonnet-4-5").Price(day("2026-01-10"), tokens[1])
	near(t, "long-context USD", long.USD, 150_000*6e-6+9_000*22.5e-6+30_000*7.5e-6+25_000*0.6e-6) // 0.9+0.2025+0.225+0.015 = 1.3425
	near(t, "long-context USD by hand", long.USD, 1.3425)
	near(t, "long-context savings", long.CacheSavedUSD, 25_000*(6-0.6)/1e6-30_000*(7.5-6)/1e6) // 0.135-0.045 = 0.09
	if !long.LongContext {
		t.Error("205K prompt tokens not at the long-context tier")
	}
	// Haiku 3.5 before and after its 2024-12-03 price cut ($1 → $0.80 input).
	h := tb.Model("claude-3-5-haiku-latest")
	near(t, "haiku 3.5 before the cut", h.Price(day("2024-12-02"), backend.TokenBreakdown{InputTokens: 1_000_000}).USD, 1)
	near(t, "haiku 3.5 after the cut", h.Price(day("2024-12-03"), backend.TokenBreakdown{InputTokens: 1_000_000}).USD, 0.8)
}

func TestPricerUnknownModelsAndBadTokensAreUnpriced(t *testing.T) {
	tb := pricing.Default()
	b := backend.TokenBreakdown{InputTokens: 10, OutputTokens: 10}
	for _, model := range []string{"", "claude-opus-4-7", "gpt-4o"} {
		if got := tb.Model(model).Price(day("2026-01-01"), b); got != (backend.LogPrice{}) {
			t.Errorf("%q priced: %+v", model, got)
		}
	}
	if got := tb.Model("claude-opus-4-6").Price(time.Time{}, backend.TokenBreakdown{InputTokens: -1}); got.Priced {
		t.Errorf("negative tokens priced: %+v", got)
	}
	if tb.Version() != "2026-02-17" || tb.Source() == "" {
		t.Errorf("version %q source %q", tb.Version(), tb.Source())
	}
}

func TestPricerPriceAllocatesNothing(t *testing.T) {
	mp := pricing.Default().Model("claude-sonnet-4-5-20250929")
	b := backend.TokenBreakdown{InputTokens: 1_000, OutputTokens: 2_000, CacheReadInputTokens: 300_000}
	at := day("2026-01-10")
	if n := testing.AllocsPerRun(100, func() { _ = mp.Price(at, b) }); n != 0 {
		t.Fatalf("Price allocates %v times per call", n)
	}
}
