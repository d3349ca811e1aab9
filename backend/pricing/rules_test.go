package pricing_test

import (
	"slices"
	"testing"

	"usagedash/backend"
	"usagedash/backend/pricing"
)

// price is one request through the Pricer, as a Claude Code source calls it.
func price(t *testing.T, model, at string, u backend.RequestUsage) backend.LogPrice {
	t.Helper()
	lp := pricing.Default().Model(model).PriceRequest(day(at), u)
	if !lp.Priced {
		t.Fatalf("%s at %s not priced", model, at)
	}
	return lp
}

// TestEveryRuleByHand prices one request under each rule, with the dollars
// worked out in the comments.
func TestEveryRuleByHand(t *testing.T) {
	oneM := backend.RequestUsage{Input: 1_000_000}
	fast := backend.RequestUsage{Input: 1_000_000, Fast: true}
	cases := []struct {
		name, model, at string
		u               backend.RequestUsage
		usd             float64
		rules           []string
		unconfirmed     bool
	}{
		// Fast mode multiplies every rate: Opus 4.6 x6 ($5 → $30).
		{"opus 4.6 fast", "claude-opus-4-6", "2026-03-01", fast, 30, []string{"fast"}, false},
		// Opus 4.7 x6 until 2026-07-24, then no fast mode: $30, then $5.
		{"opus 4.7 fast", "claude-opus-4-7", "2026-07-23", fast, 30, []string{"fast"}, false},
		{"opus 4.7 fast removed", "claude-opus-4-7", "2026-07-24", fast, 5, []string{}, false},
		// Opus 4.8 x2 until 2026-11-30: $10, then $5.
		{"opus 4.8 fast", "claude-opus-4-8", "2026-11-29", fast, 10, []string{"fast"}, false},
		{"opus 4.8 fast removed", "claude-opus-4-8", "2026-11-30", fast, 5, []string{}, false},
		// A "-fast" id is a fast request: Opus 5 x2, 100K out × $25 × 2 = $5.
		{"opus 5 -fast id", "claude-opus-5-fast", "2026-12-01", backend.RequestUsage{Output: 100_000}, 5, []string{"fast"}, false},
		// Opus 5.5 x2: 1M × $4 × 2 = $8.
		{"opus 5.5 fast", "claude-opus-5-5", "2026-12-01", fast, 8, []string{"fast"}, false},
		// Fable 5.2 fast: multiplier unconfirmed, priced at $8 and flagged.
		{"fable 5.2 fast", "claude-fable-5-2", "2026-12-01", fast, 8, []string{}, true},
		// Regional x1.1 on Opus 4.6: $5.50; through a US cloud id on Opus
		// 4.8 too; unconfirmed on Opus 5.5 (priced $4, flagged).
		{"opus 4.6 regional", "claude-opus-4-6", "2026-03-01", backend.RequestUsage{Input: 1_000_000, Regional: true}, 5.5, []string{"regional"}, false},
		{"opus 4.8 us. id", "us.anthropic.claude-opus-4-8-v1:0", "2026-12-01", oneM, 5.5, []string{"regional"}, false},
		{"opus 4.8 global. id", "global.anthropic.claude-opus-4-8-v1:0", "2026-12-01", oneM, 5, []string{}, false},
		{"opus 5.5 regional", "eu.anthropic.claude-opus-5-5", "2026-12-01", oneM, 4, []string{}, true},
		// Batch halves every rate and stacks with caching: Opus 5.5, 1M reads
		// × $0.20 × 0.5 + 1M 1-hour writes × $8 × 0.5 = 0.10 + 4 = 4.10.
		{"opus 5.5 batch cached", "claude-opus-5-5", "2026-12-01",
			backend.RequestUsage{CacheRead: 1_000_000, CacheWrite1h: 1_000_000, Batch: true}, 4.1, []string{"batch", "cache-1h"}, false},
		// Fast and batch stack: Opus 4.6 1M in × $5 × 6 × 0.5 = $15.
		{"opus 4.6 fast batch", "claude-opus-4-6", "2026-03-01", backend.RequestUsage{Input: 1_000_000, Fast: true, Batch: true}, 15,
			[]string{"fast", "batch"}, false},
		// Haiku 5.5 at 100K prompt exactly: standard, 60,000 × $0.10 + 40,000
		// reads × $0.01 + 10,000 out × $0.50 = 0.006 + 0.0004 + 0.005.
		{"haiku 5.5 at 100K", "claude-haiku-5-5", "2026-12-01", backend.RequestUsage{Input: 60_000, CacheRead: 40_000, Output: 10_000},
			0.0114, []string{}, false},
		// Over 100K the whole request, output included: 60,001 × $0.50 +
		// 40,000 reads × $0.05 + 10,000 × $2.50 = 0.0300005 + 0.002 + 0.025.
		{"haiku 5.5 over 100K", "claude-haiku-5-5", "2026-12-01", backend.RequestUsage{Input: 60_001, CacheRead: 40_000, Output: 10_000},
			0.0570005, []string{"long-context"}, false},
		// Sonnet 4.5 over 200K: 200,001 × $6 + 1,000 × $22.50 = 1.200006 + 0.0225.
		{"sonnet 4.5 over 200K", "claude-sonnet-4-5", "2026-03-01", backend.RequestUsage{Input: 200_001, Output: 1_000}, 1.222506,
			[]string{"long-context"}, false},
		// Opus 5.5 has no tier: 500K × $4 = $2.
		{"opus 5.5 flat", "claude-opus-5-5", "2026-12-01", backend.RequestUsage{Input: 500_000}, 2, []string{}, false},
	}
	for _, tc := range cases {
		lp := price(t, tc.model, tc.at, tc.u)
		near(t, tc.name, lp.USD, tc.usd)
		if got := lp.Rules.IDs(); !slices.Equal(got, tc.rules) || lp.Unconfirmed != tc.unconfirmed {
			t.Errorf("%s: rules %v unconfirmed %v, want %v %v", tc.name, got, lp.Unconfirmed, tc.rules, tc.unconfirmed)
		}
	}
}

// TestLogPriceNamesItsRow: the row id, the secondary mark, and a platform
// log's unsplit cache writes at both TTLs.
func TestLogPriceNamesItsRow(t *testing.T) {
	// Fable 5.2 (secondary): 100K unsplit writes, $10 5m = 1.00, $16 1h = 1.60.
	lp := price(t, "claude-mythos-5-2", "2026-12-01", backend.RequestUsage{CacheWriteUnsplit: 100_000, Aggregate: true})
	if lp.Row != "claude-fable-5-2@2026-11-09" || !lp.Secondary {
		t.Errorf("fable %+v", lp)
	}
	near(t, "5m", lp.USD, 1)
	near(t, "1h", lp.Unsplit1h.USD, 1.6)
	// Savings shift by the same 0.60: −(10−8)×0.1 = −0.20 and −(16−8)×0.1 = −0.80.
	near(t, "saved 5m", lp.CacheSavedUSD, -0.2)
	near(t, "saved 1h", lp.Unsplit1h.CacheSavedUSD, -0.8)
	// Sonnet 5.5 before its cut is an official row; after, a secondary one.
	if a, b := price(t, "claude-sonnet-5-5", "2026-10-06", backend.RequestUsage{Input: 1}),
		price(t, "claude-sonnet-5-5", "2026-10-07", backend.RequestUsage{Input: 1}); a.Secondary || !b.Secondary ||
		a.Row != "claude-sonnet-5-5@2026-09-22" || b.Row != "claude-sonnet-5-5@2026-10-07" {
		t.Errorf("sonnet 5.5 rows %q %v, %q %v", a.Row, a.Secondary, b.Row, b.Secondary)
	}
	// A Haiku 5.5 log over 100K is an aggregate: standard rates, flagged,
	// with what the tier would add: 200K in × ($0.50 − $0.10) = 0.08.
	lp = price(t, "claude-haiku-5-5", "2026-12-01", backend.RequestUsage{Input: 200_000, Aggregate: true})
	near(t, "aggregate", lp.USD, 0.02)
	near(t, "tier extra", lp.LongContextExtraUSD, 0.08)
	if !lp.LongContext || lp.Rules != 0 {
		t.Errorf("aggregate %+v", lp)
	}
}
