package usage

import (
	"fmt"
	"math"
)

// Bounds beyond which a figure from a source is refused as absurd rather
// than added up: no real usage comes near them, and below them every sum
// of a few thousand figures stays far inside int64 and float64, so the
// derived totals, averages and shares cannot overflow.
const (
	// MaxCount bounds one token, log, instance or millisecond count: a
	// million billion (1e15), about a billion dollars of tokens at the
	// cheapest price.
	MaxCount = 1_000_000_000_000_000
	// MaxCostUSD bounds one cost in dollars: a million million (1e12).
	MaxCostUSD = 1e12
)

// CheckCount returns an error saying why the count named name is refused
// (negative or beyond MaxCount), or nil. Its text reads "total_tokens is
// negative", to follow "The source's answer is refused: ".
func CheckCount(name string, n int64) error {
	switch {
	case n < 0:
		return fmt.Errorf("%s is negative", name)
	case n > MaxCount:
		return fmt.Errorf("%s is %d, beyond any real usage", name, n)
	}
	return nil
}

// CheckCost returns an error saying why the dollar amount named name is
// refused (negative, not a finite number, or beyond MaxCostUSD), or nil.
func CheckCost(name string, usd float64) error {
	switch {
	case math.IsNaN(usd) || math.IsInf(usd, 0):
		return fmt.Errorf("%s is not a finite number", name)
	case usd < 0:
		return fmt.Errorf("%s is negative", name)
	case usd > MaxCostUSD:
		return fmt.Errorf("%s is %.4g dollars, beyond any real usage", name, usd)
	}
	return nil
}

// checkRecord returns why a log cannot be counted, or nil.
func checkRecord(r *LogRecord) error {
	counts := [...]struct {
		name string
		n    int64
	}{
		{"token_usage.input_tokens", r.InputTokens}, {"token_usage.output_tokens", r.OutputTokens},
		{"token_usage.cache_creation_input_tokens", r.CacheCreationTokens},
		{"token_usage.cache_read_input_tokens", r.CacheReadTokens},
		{"tokens_used", r.TokensUsed}, {"execution_time_ms", r.ExecutionTimeMS},
	}
	for _, c := range counts {
		if err := CheckCount(c.name, c.n); err != nil {
			return err
		}
	}
	return CheckCost("total_cost_usd", r.CostUSD)
}

// room reports whether adding r to t keeps every sum within int64 and
// every amount within float64: each sum must stay at most the int64 limit
// less MaxCount, so that the derived typed total (four sums) fits too.
func (t *Totals) room(r *LogRecord) bool {
	const limit = (math.MaxInt64 - MaxCount) / 4
	for _, s := range [...]int64{t.InputTokens + r.InputTokens, t.OutputTokens + r.OutputTokens,
		t.CacheCreationTokens + r.CacheCreationTokens, t.CacheReadTokens + r.CacheReadTokens,
		t.LegacyTokensUsed + r.TokensUsed, t.ExecutionTimeMS + r.ExecutionTimeMS} {
		if s > limit {
			return false
		}
	}
	return t.CostUSD+r.CostUSD <= MaxCostUSD*1e3
}
