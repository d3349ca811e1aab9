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
		map[string]string{"claude-opus-9-7": "claude-opus-4-6"},
		map[string]pricing.Price{"my-model": {Rates: pricing.Rates{Input: 2, Output: 8}}})
	var _ backend.Pricer = tb
	tokens := []backend.TokenBreakdown{
		{InputTokens: 1_000, OutputTokens: 2_000, CacheCreationInputTokens: 3_000, CacheReadInputTokens: 5_000},
		{InputTokens: 150_000, OutputTokens: 9_000, CacheCreationInputTokens: 30_000, CacheReadInputTokens: 25_000}, // 205K prompt
		{OutputTokens: 10},
	}
	times := []time.Time{{}, day("2024-11-20"), day("2024-12-03"), day("2026-03-01")}
	for _, model := range []string{"claude-sonnet-4-5-20250929", "claude-3-5-haiku-20241022", "claude-opus-9-7", "my-model", "claude-haiku-4-5"} {
		mp := tb.Model(model)
		for _, at := range times {
			for _, b := range tokens {
				// A log is priced as the aggregate of a run's requests; as one
				// request it could cross the long-context tier.
				one := pricing.FromBreakdown(b, false)
				run := one
				run.Aggregate = true
				want, err := tb.Cost(model, at, run)
				if err != nil {
					t.Fatalf("%s: %v", model, err)
				}
				single, _ := tb.Cost(model, at, one)
				extra := 0.0
				if single.LongContext {
					extra = single.USD - want.USD
				}
				saved, _ := tb.CacheSavings(model, at, run)
				got := mp.PriceRequest(at, logOf(b))
				if !got.Priced || got.LongContext != single.LongContext || got.USD != want.USD || got.CacheSavedUSD != saved ||
					got.LongContextExtraUSD != extra {
					t.Errorf("%s at %s %+v: got %+v, want USD %v long %v extra %v saved %v", model, at.Format(time.DateOnly), b, got,
						want.USD, single.LongContext, extra, saved)
				}
			}
		}
	}
	// By hand. Sonnet 4.5, a log of 205,000 prompt tokens > 200K: priced at
	// the standard rates $3 / $15 / $3.75 write / $0.30 read (a log sums a
	// run's requests), flagged, with what it would cost more as ONE request
	// at the long-context rates $6 / $22.50 / $7.50 / $0.60.
	long := tb.Model("claude-sonnet-4-5").PriceRequest(day("2026-01-10"), logOf(tokens[1]))
	near(t, "standard USD", long.USD, 150_000*3e-6+9_000*15e-6+30_000*3.75e-6+25_000*0.3e-6) // 0.45+0.135+0.1125+0.0075
	near(t, "standard USD by hand", long.USD, 0.705)
	near(t, "as one long-context request", long.USD+long.LongContextExtraUSD, 1.3425)                // 0.9+0.2025+0.225+0.015
	near(t, "savings at standard rates", long.CacheSavedUSD, 25_000*(3-0.3)/1e6-30_000*(3.75-3)/1e6) // 0.0675-0.0225 = 0.045
	if !long.LongContext {
		t.Error("205K prompt tokens not flagged as crossing the long-context threshold")
	}
	// Haiku 3.5 before and after its 2024-12-03 price cut ($1 → $0.80 input).
	h := tb.Model("claude-3-5-haiku-latest")
	near(t, "haiku 3.5 before the cut", h.PriceRequest(day("2024-12-02"), logOf(backend.TokenBreakdown{InputTokens: 1_000_000})).USD, 1)
	near(t, "haiku 3.5 after the cut", h.PriceRequest(day("2024-12-03"), logOf(backend.TokenBreakdown{InputTokens: 1_000_000})).USD, 0.8)
}

func TestPricerUnknownModelsAndBadTokensAreUnpriced(t *testing.T) {
	tb := pricing.Default()
	b := backend.TokenBreakdown{InputTokens: 10, OutputTokens: 10}
	for _, model := range []string{"", "claude-opus-9-7", "gpt-4o"} {
		if got := tb.Model(model).PriceRequest(day("2026-01-01"), logOf(b)); got != (backend.LogPrice{}) {
			t.Errorf("%q priced: %+v", model, got)
		}
	}
	if got := tb.Model("claude-opus-4-6").PriceRequest(time.Time{}, logOf(backend.TokenBreakdown{InputTokens: -1})); got.Priced {
		t.Errorf("negative tokens priced: %+v", got)
	}
	if tb.Version() != "2026-12-04" || tb.Source() == "" {
		t.Errorf("version %q source %q", tb.Version(), tb.Source())
	}
}

func TestPricerPriceAllocatesNothing(t *testing.T) {
	mp := pricing.Default().Model("claude-sonnet-4-5-20250929")
	b := backend.TokenBreakdown{InputTokens: 1_000, OutputTokens: 2_000, CacheReadInputTokens: 300_000}
	at := day("2026-01-10")
	if n := testing.AllocsPerRun(100, func() { _ = mp.PriceRequest(at, logOf(b)) }); n != 0 {
		t.Fatalf("Price allocates %v times per call", n)
	}
}

// logOf is a platform log's usage: tokens b summing a run's requests, cache
// writes of unknown TTL.
func logOf(b backend.TokenBreakdown) backend.RequestUsage {
	u := pricing.FromBreakdown(b, false)
	u.Aggregate = true
	return u
}
