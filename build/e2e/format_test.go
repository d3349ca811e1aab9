//go:build e2e

package e2e

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"usagedash/backend"
)

// This file formats the backend's numbers the way the dashboard must show
// them, independently of the frontend's code: decimal rounding is done on the
// shortest decimal form of each float, half away from zero (as Intl does).

// fixed formats v with exactly places decimals and thousands separators.
func fixed(v float64, places int) string {
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(v, 'f', -1, 64))
	if !ok {
		panic(v)
	}
	neg := r.Sign() < 0
	r.Abs(r)
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil))
	r.Mul(r, scale)
	r.Add(r, big.NewRat(1, 2))
	n := new(big.Int).Quo(r.Num(), r.Denom()) // floor of a positive number
	digits := n.String()
	for len(digits) <= places {
		digits = "0" + digits
	}
	intPart, frac := digits[:len(digits)-places], digits[len(digits)-places:]
	s := group(intPart)
	if places > 0 {
		s += "." + frac
	}
	if neg && strings.Trim(digits, "0") != "" {
		s = "-" + s
	}
	return s
}

// group inserts thousands separators into a string of digits.
func group(d string) string {
	var b strings.Builder
	for i, c := range d {
		if i > 0 && (len(d)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func usd(v float64, places int) string { return "$" + fixed(v, places) }

func integer(n int64) string { return fixed(float64(n), 0) }

// percent formats a 0..1 share as a percentage with places decimals.
func percent(share float64, places int) string {
	r, _ := new(big.Rat).SetString(strconv.FormatFloat(share, 'f', -1, 64))
	f, _ := r.Mul(r, big.NewRat(100, 1)).Float64()
	return fixed(f, places) + "%"
}

// compact formats a count as 950, 1.2K, 2.5M, 1B: one decimal at most,
// rounded half up, moving to the next unit when rounding reaches 1000.
func compact(n int64) string {
	if n < 1000 {
		return strconv.FormatInt(n, 10)
	}
	units := []string{"K", "M", "B", "T"}
	div := int64(1000)
	for i, u := range units {
		tenths := (n*10 + div/2) / div
		if tenths < 10000 || i == len(units)-1 {
			s := fmt.Sprintf("%d.%d", tenths/10, tenths%10)
			return strings.TrimSuffix(s, ".0") + u
		}
		div *= 1000
	}
	return ""
}

// expectedMetrics maps each data-metric id to its visible text ("" when the
// text is not checked) and its exact value, from the backend's report.
func expectedMetrics(r backend.Report) map[string][2]string {
	d := r.Derived
	return map[string][2]string{
		"total_cost_usd":              {usd(r.TotalCostUSD, 2), usd(r.TotalCostUSD, 4)},
		"total_tokens":                {compact(r.TotalTokens), integer(r.TotalTokens)},
		"total_workflows":             {integer(r.TotalWorkflows), integer(r.TotalWorkflows)},
		"total_instances":             {integer(r.TotalInstances), integer(r.TotalInstances)},
		"input_tokens":                {compact(r.TotalInputTokens), integer(r.TotalInputTokens)},
		"output_tokens":               {compact(r.TotalOutputTokens), integer(r.TotalOutputTokens)},
		"cache_creation_input_tokens": {compact(r.TotalCacheCreationTokens), integer(r.TotalCacheCreationTokens)},
		"cache_read_input_tokens":     {compact(r.TotalCacheReadTokens), integer(r.TotalCacheReadTokens)},
		"input_share":                 {percent(d.TokenShares.Input, 1), percent(d.TokenShares.Input, 2)},
		"output_share":                {percent(d.TokenShares.Output, 1), percent(d.TokenShares.Output, 2)},
		"cache_creation_share":        {percent(d.TokenShares.CacheCreation, 1), percent(d.TokenShares.CacheCreation, 2)},
		"cache_read_share":            {percent(d.TokenShares.CacheRead, 1), percent(d.TokenShares.CacheRead, 2)},
		"avg_cost_per_instance_usd":   {"", usd(d.AvgCostPerInstanceUSD, 4)},
		"avg_tokens_per_instance":     {"", fixed(d.AvgTokensPerInstance, 1)},
		"cost_per_1k_tokens_usd":      {"", usd(d.CostPer1KTokensUSD, 4)},
		"total_execution_time_ms":     {"", integer(r.TotalExecutionTimeMS) + " ms"},
	}
}
