package usage_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/usage"
)

// TestAbsurdLogsAreRefused: a log with a non-finite, negative or absurd
// figure makes Apply fail with a sentence naming the figure, and leaves the
// report untouched; a report of sane logs still encodes to JSON.
func TestAbsurdLogsAreRefused(t *testing.T) {
	ts := time.Date(2026, 5, 20, 8, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		log  usage.LogRecord
		want string
	}{
		{"huge cost", usage.LogRecord{CostUSD: 1.7e308, HasCost: true}, "total_cost_usd is 1.7e+308 dollars, beyond any real usage"},
		{"infinite cost", usage.LogRecord{CostUSD: math.Inf(1), HasCost: true}, "total_cost_usd is not a finite number"},
		{"NaN cost", usage.LogRecord{CostUSD: math.NaN(), HasCost: true}, "total_cost_usd is not a finite number"},
		{"negative cost", usage.LogRecord{CostUSD: -1, HasCost: true}, "total_cost_usd is negative"},
		{"negative tokens", usage.LogRecord{HasTokenUsage: true, OutputTokens: -5}, "token_usage.output_tokens is negative"},
		{"tokens near the int64 limit", usage.LogRecord{HasTokenUsage: true, InputTokens: math.MaxInt64 - 10}, "token_usage.input_tokens is 9223372036854775797, beyond any real usage"},
		{"huge execution time", usage.LogRecord{ExecutionTimeMS: math.MaxInt64}, "execution_time_ms is 9223372036854775807, beyond any real usage"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := usage.NewAggregator(usage.Inputs{})
			a.Add(&usage.LogRecord{InstanceID: []byte("i1"), Timestamp: ts, HasTokenUsage: true, InputTokens: 10, CostUSD: 0.5, HasCost: true})
			bad := c.log
			bad.InstanceID, bad.Timestamp = []byte("i\x1b[2J2"), ts
			a.Add(&bad)
			r := &backend.Report{}
			err := a.Apply(r, usage.Labels{})
			if backend.ErrorCode(err) != backend.EBADDATA {
				t.Fatalf("Apply = %v, want an EBADDATA refusal", err)
			}
			// The instance id is quoted with its control characters escaped.
			want := `The usage cannot be added up: a log of instance "i\x1b[2J2" cannot be counted: ` + c.want + "."
			if msg := backend.ErrorMessage(err); msg != want {
				t.Fatalf("message %q\nwant    %q", msg, want)
			}
			if r.TotalTokens != 0 || r.Breakdowns != nil {
				t.Fatalf("a refused aggregation filled the report: %+v", r)
			}
		})
	}
}

// TestSumsThatWouldOverflowAreRefused: figures each within the bounds whose
// sum would overflow the derived totals are refused, not wrapped around.
func TestSumsThatWouldOverflowAreRefused(t *testing.T) {
	a := usage.NewAggregator(usage.Inputs{})
	big := usage.LogRecord{InstanceID: []byte("i1"), HasTokenUsage: true, InputTokens: usage.MaxCount, OutputTokens: usage.MaxCount,
		CacheCreationTokens: usage.MaxCount, CacheReadTokens: usage.MaxCount}
	// (MaxInt64 - MaxCount) / 4 / MaxCount is 2305: the 2306th log no longer fits.
	for range 3000 {
		a.Add(&big)
	}
	err := a.Apply(&backend.Report{}, usage.Labels{})
	if !strings.Contains(backend.ErrorMessage(err), "add up to more tokens or dollars than any real usage") {
		t.Fatalf("Apply = %v, want an overflow refusal", err)
	}

	// At the edge that still fits, the totals are exact and the shares right.
	ok := usage.NewAggregator(usage.Inputs{})
	for range 2305 {
		ok.Add(&big)
	}
	r := &backend.Report{TotalInstances: 1}
	if err := ok.Apply(r, usage.Labels{}); err != nil {
		t.Fatal(err)
	}
	if want := int64(4 * 2305 * usage.MaxCount); r.TotalTokens != want || r.Derived.TokenShares.Input != 0.25 {
		t.Fatalf("total %d (want %d), input share %v (want 0.25)", r.TotalTokens, want, r.Derived.TokenShares.Input)
	}
	if _, err := json.Marshal(r); err != nil {
		t.Fatalf("the report does not encode: %v", err)
	}
}
