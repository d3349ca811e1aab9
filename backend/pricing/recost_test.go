package pricing_test

import (
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/pricing"
)

// TestRecostReport reprices a stored report's model rows by hand: a model
// the old table did not know is now priced, cache writes at the TTL the
// report chose, an unknown model stays unpriced.
func TestRecostReport(t *testing.T) {
	end := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	r := &backend.Report{GeneratedAt: end.Add(48 * time.Hour), PeriodEnd: &end,
		Pricing: &backend.PricingSummary{TableVersion: "2026-02-17",
			CacheTTL: []backend.CacheTTLChoice{{Model: "claude-opus-5-5", TTL: backend.CacheTTL5m}}},
		Breakdowns: &backend.Breakdowns{ByModel: []backend.UsageRow{
			{Key: "claude-opus-5-5", ComputedUSD: 0, UnpricedTokens: 1_200_000,
				Tokens: backend.TokenBreakdown{InputTokens: 1_000_000, CacheCreationInputTokens: 200_000}},
			{Key: "claude-sonnet-5-5", ComputedUSD: 0,
				Tokens: backend.TokenBreakdown{OutputTokens: 100_000, CacheCreationInputTokens: 100_000, CacheReadInputTokens: 1_000_000}},
			{Key: "claude-unreleased-test-0", Tokens: backend.TokenBreakdown{InputTokens: 10}},
		}}}
	got, err := pricing.RecostReport(r, pricing.Default())
	if err != nil {
		t.Fatal(err)
	}
	// Opus 5.5: 1M × $4 + 200K 5-minute writes × $5 = 4 + 1 = 5.
	// Sonnet 5.5 on 2026-11-30 (after the cut): 100K × $10 + 100K 1-hour
	// writes × $4 + 1M reads × $0.10 = 1 + 0.4 + 0.1 = 1.5.
	near(t, "opus 5.5", *got.Models[0].CurrentUSD, 5)
	near(t, "sonnet 5.5", *got.Models[1].CurrentUSD, 1.5)
	near(t, "total", got.CurrentUSD, 6.5)
	if got.Models[2].CurrentUSD != nil || len(got.UnpricedModels) != 1 || got.StoredVersion != "2026-02-17" ||
		got.CurrentVersion != pricing.Default().Version() || got.At.Format(time.DateOnly) != "2026-11-30" {
		t.Errorf("recost %+v", got)
	}
	if _, err := pricing.RecostReport(&backend.Report{}, pricing.Default()); backend.ErrorCode(err) != backend.EINVALID {
		t.Errorf("no rows: %v", err)
	}
}
