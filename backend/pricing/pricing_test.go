package pricing_test

import (
	"cmp"
	"errors"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/pricing"
)

// tolerance on dollar amounts: far below a cent, above float rounding.
const tolerance = 1e-9

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > tolerance {
		t.Errorf("%s = %.12f, want %.12f", what, got, want)
	}
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// mustCost prices with the default table and fails on any error.
func mustCost(t *testing.T, model string, at time.Time, u pricing.Usage) pricing.Cost {
	t.Helper()
	c, err := pricing.Default().Cost(model, at, u)
	if err != nil || !c.Priced {
		t.Fatalf("Cost(%q, %s) = %+v, %v; want priced", model, at.Format(time.DateOnly), c, err)
	}
	return c
}

func TestDefaultTableMetadata(t *testing.T) {
	tb := pricing.Default()
	if tb.Version() != "2026-12-04" {
		t.Errorf("Version = %q", tb.Version())
	}
	if s := tb.Source(); !strings.Contains(s, "checked 2026-12-04") ||
		!strings.Contains(s, "https://platform.claude.com/docs/en/about-claude/pricing") {
		t.Errorf("Source = %q", s)
	}
}

// small is the usage priced for every family: each token kind a different
// count, so a rate in the wrong column shows.
var small = pricing.Usage{Input: 1_000, Output: 2_000, CacheWrite5m: 3_000, CacheWrite1h: 4_000, CacheRead: 5_000}

type parts struct{ input, output, w5m, w1h, read, total float64 }

// Expected dollars for `small`, by hand: tokens × rate / 1,000,000.
var (
	// Opus 4.5/4.6 ($5, $25, $6.25, $10, $0.50): 1,000×5 = 0.005; 2,000×25 = 0.05;
	// 3,000×6.25 = 0.01875; 4,000×10 = 0.04; 5,000×0.5 = 0.0025; sum 0.11625.
	opusNew = parts{0.005, 0.05, 0.01875, 0.04, 0.0025, 0.11625}
	// Opus 3/4/4.1 ($15, $75, $18.75, $30, $1.50): 0.015; 0.15; 0.05625; 0.12; 0.0075; sum 0.34875.
	opusOld = parts{0.015, 0.15, 0.05625, 0.12, 0.0075, 0.34875}
	// Sonnet 3.7–4.6 ($3, $15, $3.75, $6, $0.30): 0.003; 0.03; 0.01125; 0.024; 0.0015; sum 0.06975.
	sonnet = parts{0.003, 0.03, 0.01125, 0.024, 0.0015, 0.06975}
	// Haiku 4.5 ($1, $5, $1.25, $2, $0.10): 0.001; 0.01; 0.00375; 0.008; 0.0005; sum 0.02325.
	haiku45 = parts{0.001, 0.01, 0.00375, 0.008, 0.0005, 0.02325}
	// Haiku 3.5 since 2024-12-03 ($0.80, $4, $1, $1.60, $0.08): 0.0008; 0.008; 0.003; 0.0064; 0.0004; sum 0.0186.
	haiku35 = parts{0.0008, 0.008, 0.003, 0.0064, 0.0004, 0.0186}
	// Haiku 3 ($0.25, $1.25, $0.30, $0.50, $0.03): 0.00025; 0.0025; 0.0009; 0.002; 0.00015; sum 0.0058.
	haiku3 = parts{0.00025, 0.0025, 0.0009, 0.002, 0.00015, 0.0058}
	// Fable / Mythos 5.2 ($8, $40, $10, $16, $0.20): 0.008; 0.08; 0.03; 0.064; 0.001; sum 0.183.
	fable52 = parts{0.008, 0.08, 0.03, 0.064, 0.001, 0.183}
	// Fable / Mythos 5.1 ($10, $50, $12.50, $20, $0.25): 0.01; 0.1; 0.0375; 0.08; 0.00125; sum 0.22875.
	fable51 = parts{0.01, 0.1, 0.0375, 0.08, 0.00125, 0.22875}
	// Fable / Mythos 5 ($10, $50, $12.50, $20, $1): 0.01; 0.1; 0.0375; 0.08; 0.005; sum 0.2325.
	fable5 = parts{0.01, 0.1, 0.0375, 0.08, 0.005, 0.2325}
	// Opus 5.5 ($4, $20, $5, $8, $0.20): 0.004; 0.04; 0.015; 0.032; 0.001; sum 0.092.
	opus55 = parts{0.004, 0.04, 0.015, 0.032, 0.001, 0.092}
	// Sonnet 5, and 5.5 before 2026-10-07 ($2, $10, $2.50, $4, $0.20): 0.002; 0.02; 0.0075; 0.016; 0.001; sum 0.0465.
	sonnet5 = parts{0.002, 0.02, 0.0075, 0.016, 0.001, 0.0465}
	// Sonnet 5.5 from 2026-10-07 (reads $0.10): 5,000×0.1 = 0.0005; sum 0.046.
	sonnet55cut = parts{0.002, 0.02, 0.0075, 0.016, 0.0005, 0.046}
	// Haiku 5.5, prompt 13K ≤ 100K ($0.10, $0.50, $0.125, $0.20, $0.01):
	// 0.0001; 0.001; 0.000375; 0.0008; 0.00005; sum 0.002325.
	haiku55 = parts{0.0001, 0.001, 0.000375, 0.0008, 0.00005, 0.002325}
)

func TestEveryFamilyEveryRate(t *testing.T) {
	cases := []struct {
		model, family string
		want          parts
		at            string // default 2026-03-01
	}{
		{"claude-fable-5-2", "claude-fable-5-2", fable52, "2026-12-01"},
		{"claude-mythos-5-2", "claude-fable-5-2", fable52, "2026-12-01"},
		{"global.anthropic.claude-fable-5-2-v1:0", "claude-fable-5-2", fable52, "2026-12-01"},
		{"claude-fable-5-1", "claude-fable-5-1", fable51, "2026-12-01"},
		{"claude-mythos-5-1[1m]", "claude-fable-5-1", fable51, "2026-12-01"},
		{"claude-fable-5", "claude-fable-5", fable5, "2026-12-01"},
		{"claude-mythos-5", "claude-fable-5", fable5, "2026-12-01"},
		{"claude-opus-5-5", "claude-opus-5-5", opus55, "2026-12-01"},
		{"claude-opus-5-5[1m]", "claude-opus-5-5", opus55, "2026-12-01"},
		{"claude-opus-5", "claude-opus-5", opusNew, "2026-12-01"},
		{"claude-opus-4-8", "claude-opus-4-8", opusNew, "2026-12-01"},
		{"claude-opus-4-8[1m]", "claude-opus-4-8", opusNew, "2026-12-01"},
		{"global.anthropic.claude-opus-4-8-v1:0", "claude-opus-4-8", opusNew, "2026-12-01"},
		{"claude-opus-4-7", "claude-opus-4-7", opusNew, "2026-06-01"},
		{"claude-sonnet-5", "claude-sonnet-5", sonnet5, "2026-12-01"},
		{"claude-sonnet-5-5", "claude-sonnet-5-5", sonnet5, "2026-10-06"},
		{"claude-sonnet-5-5", "claude-sonnet-5-5", sonnet55cut, "2026-10-07"},
		{"anthropic/claude-sonnet-5.5", "claude-sonnet-5-5", sonnet55cut, "2026-12-01"},
		{"claude-haiku-5-5", "claude-haiku-5-5", haiku55, "2026-12-01"},
		{"claude-opus-4-6", "claude-opus-4-6", opusNew, ""},
		{"claude-opus-4-5-20251101", "claude-opus-4-5", opusNew, ""},
		{"claude-opus-4-5", "claude-opus-4-5", opusNew, ""},
		{"claude-opus-4-1-20250805", "claude-opus-4-1", opusOld, ""},
		{"claude-opus-4-20250514", "claude-opus-4", opusOld, ""},
		{"claude-3-opus-20240229", "claude-opus-3", opusOld, ""},
		{"claude-sonnet-4-6", "claude-sonnet-4-6", sonnet, ""},
		{"claude-sonnet-4-5-20250929", "claude-sonnet-4-5", sonnet, ""},
		{"claude-sonnet-4-20250514", "claude-sonnet-4", sonnet, ""},
		{"claude-3-7-sonnet-20250219", "claude-sonnet-3-7", sonnet, ""},
		{"claude-haiku-4-5-20251001", "claude-haiku-4-5", haiku45, ""},
		{"claude-3-5-haiku-20241022", "claude-haiku-3-5", haiku35, ""},
		{"claude-3-haiku-20240307", "claude-haiku-3", haiku3, ""},
	}
	covered := map[string]bool{}
	for _, tc := range cases {
		at := day(cmp.Or(tc.at, "2026-03-01"))
		c := mustCost(t, tc.model, at, small)
		covered[c.Price.Family] = true
		if c.Price.Family != tc.family || c.LongContext || c.Batch {
			t.Errorf("%s: family %q long %v batch %v", tc.model, c.Price.Family, c.LongContext, c.Batch)
		}
		near(t, tc.model+" input", c.Input, tc.want.input)
		near(t, tc.model+" output", c.Output, tc.want.output)
		near(t, tc.model+" cache write 5m", c.CacheWrite5m, tc.want.w5m)
		near(t, tc.model+" cache write 1h", c.CacheWrite1h, tc.want.w1h)
		near(t, tc.model+" cache read", c.CacheRead, tc.want.read)
		near(t, tc.model+" total", c.USD, tc.want.total)
	}
	for _, f := range pricing.Default().Families() {
		if !covered[f] {
			t.Errorf("family %s has no hand-computed test", f)
		}
	}
}

func TestOneMillionInputOpus45IsFiveDollars(t *testing.T) {
	c := mustCost(t, "claude-opus-4-5", day("2026-01-10"), pricing.Usage{Input: 1_000_000})
	near(t, "USD", c.USD, 5.00)
}

// TestMultiplierRules checks every shipped row against the usual ratios,
// catching typos in prices.json: writes 1.25x / 2x input, reads 0.1x, output
// 5x input (true of every Claude model so far), tiers 2x input and 1.5x
// output above 200K. The exceptions are listed by row: Haiku 3 ($0.30 5m
// writes and $0.03 reads on $0.25 input), reads at 0.025x (Fable 5.1, 5.2)
// and 0.05x (Opus 5.5, Sonnet 5.5 after its cut), and Haiku 5.5's tier (5x
// every rate above 100K).
func TestMultiplierRules(t *testing.T) {
	readFactor := map[string]float64{"claude-fable-5-1@2026-09-01": 0.025, "claude-fable-5-2@2026-11-09": 0.025,
		"claude-opus-5-5@2026-09-22": 0.05, "claude-sonnet-5-5@2026-10-07": 0.05}
	tb := pricing.Default()
	rows := 0
	for _, f := range tb.Families() {
		for _, p := range tb.Rows(f) {
			rows++
			r, id := p.Rates, p.Row()
			if f != "claude-haiku-3" {
				near(t, id+" 5m", r.CacheWrite5m, 1.25*r.Input)
				near(t, id+" read", r.CacheRead, cmp.Or(readFactor[id], 0.1)*r.Input)
			}
			near(t, id+" 1h", r.CacheWrite1h, 2*r.Input)
			near(t, id+" output", r.Output, 5*r.Input)
			if lc := p.LongContext; lc != nil {
				in, out, threshold := 2.0, 1.5, int64(200_000)
				if f == "claude-haiku-5-5" {
					in, out, threshold = 5, 5, 100_000
				}
				if lc.ThresholdTokens != threshold {
					t.Errorf("%s threshold %d", id, lc.ThresholdTokens)
				}
				near(t, id+" long input", lc.Input, in*r.Input)
				near(t, id+" long output", lc.Output, out*r.Output)
				near(t, id+" long 5m", lc.CacheWrite5m, 1.25*lc.Input)
				near(t, id+" long 1h", lc.CacheWrite1h, 2*lc.Input)
				near(t, id+" long read", lc.CacheRead, 0.1*lc.Input)
			}
			if p.Source == "" || (p.Confidence != pricing.ConfidenceOfficial && p.Confidence != pricing.ConfidenceSecondary) {
				t.Errorf("%s: source %q confidence %q", id, p.Source, p.Confidence)
			}
		}
	}
	if rows < 24 {
		t.Errorf("only %d rows", rows)
	}
}

func TestOneHourWritesCostMoreThanFiveMinute(t *testing.T) {
	at := day("2026-01-10")
	// Sonnet 4.5, 100,000 tokens (under the long-context threshold):
	// 100,000 × $3.75 = 0.375 at 5 minutes, 100,000 × $6 = 0.60 at 1 hour.
	w5 := mustCost(t, "claude-sonnet-4-5", at, pricing.Usage{CacheWrite5m: 100_000})
	w1 := mustCost(t, "claude-sonnet-4-5", at, pricing.Usage{CacheWrite1h: 100_000})
	near(t, "sonnet 5m", w5.USD, 0.375)
	near(t, "sonnet 1h", w1.USD, 0.60)
	near(t, "1h part", w1.CacheWrite1h, 0.60)
	near(t, "5m part of 1h usage", w1.CacheWrite5m, 0)
	// Opus 4.5 (no tier), 1M tokens: $6.25 at 5 minutes, $10 at 1 hour.
	near(t, "opus 5m", mustCost(t, "claude-opus-4-5", at, pricing.Usage{CacheWrite5m: 1_000_000}).USD, 6.25)
	near(t, "opus 1h", mustCost(t, "claude-opus-4-5", at, pricing.Usage{CacheWrite1h: 1_000_000}).USD, 10.00)
}

func TestLongContextThreshold(t *testing.T) {
	at := day("2026-01-15")
	cases := []struct {
		name, model string
		at          time.Time
		u           pricing.Usage
		long        bool
		want        float64
	}{
		// 150,000 + 50,000 = 200,000: not over. 150,000×3 = 0.45; 50,000×0.3 = 0.015; 10,000×15 = 0.15.
		{"sonnet 4.5 at exactly 200,000", "claude-sonnet-4-5-20250929", at,
			pricing.Usage{Input: 150_000, CacheRead: 50_000, Output: 10_000}, false, 0.615},
		// 200,001: whole request at $6 / $0.60 / $22.50: 150,001×6 = 0.900006; 50,000×0.6 = 0.03; 10,000×22.5 = 0.225.
		{"sonnet 4.5 at 200,001", "claude-sonnet-4-5-20250929", at,
			pricing.Usage{Input: 150_001, CacheRead: 50_000, Output: 10_000}, true, 1.155006},
		// Cache writes count: 1 + 100,000 + 100,000 = 200,001. 1×6 = 0.000006; 100,000×7.5 = 0.75; 100,000×12 = 1.2.
		{"sonnet 4.5 writes count", "claude-sonnet-4-5", at,
			pricing.Usage{Input: 1, CacheWrite5m: 100_000, CacheWrite1h: 100_000}, true, 1.950006},
		// Sonnet 4 since the 1M beta (2025-08-12): same as 4.5.
		{"sonnet 4 at 200,001", "claude-sonnet-4-20250514", day("2025-09-01"),
			pricing.Usage{Input: 150_001, CacheRead: 50_000, Output: 10_000}, true, 1.155006},
		// Sonnet 4 before its tier existed: 150,001×3 = 0.450003 + 0.015 + 0.15.
		{"sonnet 4 before the tier", "claude-sonnet-4-20250514", day("2025-07-01"),
			pricing.Usage{Input: 150_001, CacheRead: 50_000, Output: 10_000}, false, 0.615003},
		// Batch halves the long-context rates: 1.155006 / 2.
		{"sonnet 4.5 long batch", "claude-sonnet-4-5", at,
			pricing.Usage{Input: 150_001, CacheRead: 50_000, Output: 10_000, Batch: true}, true, 0.577503},
		// No tier: Opus 4.5 300,000×5 = 1.5; Sonnet 4.6 and 3.7 300,000×3 = 0.9; Haiku 4.5 300,000×1 = 0.3.
		{"opus 4.5 no tier", "claude-opus-4-5", at, pricing.Usage{Input: 300_000}, false, 1.5},
		{"sonnet 4.6 no tier", "claude-sonnet-4-6", day("2026-03-01"), pricing.Usage{Input: 300_000}, false, 0.9},
		{"sonnet 3.7 no tier", "claude-3-7-sonnet-20250219", at, pricing.Usage{Input: 300_000}, false, 0.9},
		{"haiku 4.5 no tier", "claude-haiku-4-5", at, pricing.Usage{Input: 300_000}, false, 0.3},
	}
	for _, tc := range cases {
		c := mustCost(t, tc.model, tc.at, tc.u)
		if c.LongContext != tc.long {
			t.Errorf("%s: LongContext = %v", tc.name, c.LongContext)
		}
		near(t, tc.name, c.USD, tc.want)
	}
}

// TestPricePerRequestNotPerAggregate shows why Cost takes one request: two
// 150,000-token requests cost 2 × 150,000 × $3 = $0.90, but their summed
// usage would cross the threshold and price at 300,000 × $6 = $1.80.
func TestPricePerRequestNotPerAggregate(t *testing.T) {
	at := day("2026-01-15")
	var perRequest float64
	for range 2 {
		perRequest += mustCost(t, "claude-sonnet-4-5", at, pricing.Usage{Input: 150_000}).USD
	}
	near(t, "per request", perRequest, 0.90)
	near(t, "aggregate (wrong)", mustCost(t, "claude-sonnet-4-5", at, pricing.Usage{Input: 300_000}).USD, 1.80)
}

func TestBatchHalvesEveryRate(t *testing.T) {
	at := day("2026-01-10")
	u := pricing.Usage{Input: 1_000_000, Output: 1_000_000, CacheWrite5m: 1_000_000, CacheWrite1h: 1_000_000, CacheRead: 1_000_000}
	// Standard Opus 4.5: 5 + 25 + 6.25 + 10 + 0.50 = 46.75.
	near(t, "standard", mustCost(t, "claude-opus-4-5", at, u).USD, 46.75)
	u.Batch = true
	c := mustCost(t, "claude-opus-4-5", at, u)
	// Batch: 2.50 + 12.50 + 3.125 + 5 + 0.25 = 23.375 (cache rates stack with the discount).
	near(t, "batch input", c.Input, 2.50)
	near(t, "batch output", c.Output, 12.50)
	near(t, "batch 5m", c.CacheWrite5m, 3.125)
	near(t, "batch 1h", c.CacheWrite1h, 5.00)
	near(t, "batch read", c.CacheRead, 0.25)
	near(t, "batch total", c.USD, 23.375)
	if !c.Batch || c.Rates.Input != 2.5 {
		t.Errorf("Batch %v, applied rates %+v", c.Batch, c.Rates)
	}
}

func TestEffectiveDates(t *testing.T) {
	// Claude Haiku 3.5: $1 / $5 from 2024-11-04, $0.80 / $4 from 2024-12-03.
	// 1M input + 1M output: 1 + 5 = $6.00 before, 0.80 + 4 = $4.80 after.
	u := pricing.Usage{Input: 1_000_000, Output: 1_000_000}
	cases := []struct {
		at   time.Time
		want float64
	}{
		{day("2024-11-20"), 6.00},
		{time.Date(2024, 12, 2, 23, 59, 59, 0, time.UTC), 6.00},
		{day("2024-12-03"), 4.80}, // in force from UTC midnight
		{day("2025-06-01"), 4.80},
		{day("2024-10-01"), 6.00}, // before launch (skewed clock): first entry
		{time.Time{}, 4.80},       // unknown date: newest entry
	}
	for _, tc := range cases {
		near(t, "haiku 3.5 at "+tc.at.String(), mustCost(t, "claude-3-5-haiku-20241022", tc.at, u).USD, tc.want)
	}
}

func TestParsePicksEntryInForce(t *testing.T) {
	tb, err := pricing.Parse([]byte(`{"version": "test-1", "source": "test", "batch_factor": 0.5, "families": [
		{"family": "claude-opus-9", "name": "Opus 9", "prices": [
			{"from": "2027-06-01", "input": 2, "output": 10, "source": "t", "verified": "2027-01-01", "confidence": "official"},
			{"from": "2027-01-01", "input": 4, "output": 20, "source": "t", "verified": "2027-01-01", "confidence": "official"},
			{"from": "2027-03-01", "input": 3, "output": 15, "source": "t", "verified": "2027-01-01", "confidence": "official"}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	for at, want := range map[string]float64{"2027-01-01": 4, "2027-02-28": 4, "2027-03-01": 3, "2027-05-31": 3, "2027-06-01": 2, "2030-01-01": 2} {
		c, err := tb.Cost("claude-opus-9-20270101", day(at), pricing.Usage{Input: 1_000_000})
		if err != nil {
			t.Fatal(err)
		}
		near(t, "opus 9 at "+at, c.USD, want)
	}
}

func TestParseRejectsBadTables(t *testing.T) {
	for name, js := range map[string]string{
		"not json":        `{`,
		"no version":      `{"source": "s", "families": []}`,
		"no batch factor": `{"version": "v", "source": "s", "families": []}`,
		"not canonical":   `{"version": "v", "source": "s", "batch_factor": 0.5, "families": [{"family": "claude-3-opus", "prices": [{"from": "2024-01-01", "input": 1, "output": 1}]}]}`,
		"bad date":        `{"version": "v", "source": "s", "batch_factor": 0.5, "families": [{"family": "claude-opus-3", "prices": [{"from": "2024-1-1", "input": 1, "output": 1}]}]}`,
		"negative rate":   `{"version": "v", "source": "s", "batch_factor": 0.5, "families": [{"family": "claude-opus-3", "prices": [{"from": "2024-01-01", "input": -1, "output": 1}]}]}`,
		"same date":       `{"version": "v", "source": "s", "batch_factor": 0.5, "families": [{"family": "claude-opus-3", "prices": [{"from": "2024-01-01", "input": 1, "output": 1}, {"from": "2024-01-01", "input": 2, "output": 1}]}]}`,
		"no prices":       `{"version": "v", "source": "s", "batch_factor": 0.5, "families": [{"family": "claude-opus-3", "prices": []}]}`,
		"bad tier":        `{"version": "v", "source": "s", "batch_factor": 0.5, "families": [{"family": "claude-opus-3", "prices": [{"from": "2024-01-01", "input": 1, "output": 1, "long_context": {"input": 2, "output": 2}}]}]}`,
	} {
		if _, err := pricing.Parse([]byte(js)); backend.ErrorCode(err) != backend.EINVALID {
			t.Errorf("%s: err = %v, want EINVALID", name, err)
		}
	}
}

func TestUnknownModelIsNeverZero(t *testing.T) {
	c, err := pricing.Default().Cost("claude-opus-9-20270101", day("2027-02-01"), pricing.Usage{Input: 1_000})
	if c.Priced || c.USD != 0 || !errors.Is(err, pricing.ErrUnknownModel) || backend.ErrorCode(err) != backend.ENOTFOUND {
		t.Fatalf("Cost = %+v, %v; want unpriced ENOTFOUND", c, err)
	}
	if !strings.Contains(backend.ErrorMessage(err), `"claude-opus-9-20270101"`) {
		t.Errorf("message %q does not name the model", backend.ErrorMessage(err))
	}
	if _, err := pricing.Default().Cost("claude-opus-4-5", day("2026-01-01"), pricing.Usage{Input: -1}); backend.ErrorCode(err) != backend.EBADDATA {
		t.Errorf("negative tokens: err = %v, want EBADDATA", err)
	}
}

func TestCacheSavings(t *testing.T) {
	tb := pricing.Default()
	at := day("2026-01-15")
	// Sonnet 4.5, 200,000 prompt tokens (not long context):
	// reads 160,000 × (3 − 0.30) = 0.432; 5m premium 20,000 × (3.75 − 3) = 0.015;
	// 1h premium 10,000 × (6 − 3) = 0.03; saved 0.432 − 0.015 − 0.03 = 0.387.
	// Hit ratio 160,000 / (10,000 + 20,000 + 10,000 + 160,000) = 0.8.
	saved, ratio := tb.CacheSavings("claude-sonnet-4-5", at,
		pricing.Usage{Input: 10_000, Output: 1_000, CacheWrite5m: 20_000, CacheWrite1h: 10_000, CacheRead: 160_000})
	near(t, "saved", saved, 0.387)
	near(t, "ratio", ratio, 0.8)

	// Writes without reads lose money: Opus 4.5, 100,000 × (10 − 5) = −0.50.
	saved, ratio = tb.CacheSavings("claude-opus-4-5", at, pricing.Usage{CacheWrite1h: 100_000})
	near(t, "write only", saved, -0.50)
	near(t, "write only ratio", ratio, 0)

	// Long context: 200,001 prompt tokens, 200,000 × (6 − 0.60) = 1.08.
	saved, ratio = tb.CacheSavings("claude-sonnet-4-5", at, pricing.Usage{Input: 1, CacheRead: 200_000})
	near(t, "long", saved, 1.08)
	near(t, "long ratio", ratio, 200_000.0/200_001.0)

	// Batch: Opus 4.5, 1M reads × (2.50 − 0.25) = 2.25.
	saved, _ = tb.CacheSavings("claude-opus-4-5", at, pricing.Usage{CacheRead: 1_000_000, Batch: true})
	near(t, "batch", saved, 2.25)

	// Unknown model: nothing claimed saved, the ratio still shown; no tokens: 0.
	saved, ratio = tb.CacheSavings("gpt-4o", at, pricing.Usage{Input: 1, CacheRead: 3})
	near(t, "unknown", saved, 0)
	near(t, "unknown ratio", ratio, 0.75)
	if _, ratio = tb.CacheSavings("claude-opus-4-5", at, pricing.Usage{}); ratio != 0 {
		t.Errorf("empty ratio %v", ratio)
	}
}

func TestFromAPI(t *testing.T) {
	cases := []struct {
		name                       string
		got                        pricing.Usage
		want5m, want1h, wantPrompt int64
	}{
		{"split", pricing.FromAPI(10, 20, 300, 40, 100, 200, false), 100, 200, 350},
		{"no split: 5-minute default", pricing.FromAPI(10, 20, 300, 40, 0, 0, false), 300, 0, 350},
		{"only the 1h part given", pricing.FromAPI(10, 20, 300, 40, 0, 200, false), 100, 200, 350},
	}
	for _, tc := range cases {
		if tc.got.CacheWrite5m != tc.want5m || tc.got.CacheWrite1h != tc.want1h || tc.got.PromptTokens() != tc.wantPrompt ||
			tc.got.Input != 10 || tc.got.Output != 20 || tc.got.CacheRead != 40 {
			t.Errorf("%s: %+v", tc.name, tc.got)
		}
	}
	u := pricing.FromBreakdown(backend.TokenBreakdown{InputTokens: 1, OutputTokens: 2, CacheCreationInputTokens: 3, CacheReadInputTokens: 4}, true)
	if u != (pricing.Usage{Input: 1, Output: 2, CacheWriteUnsplit: 3, CacheRead: 4, Batch: true}) || u.Tokens() != 10 {
		t.Errorf("FromBreakdown = %+v", u)
	}
}

func TestConcurrentUse(t *testing.T) {
	tb := pricing.Default().WithOverrides(map[string]string{"x": "claude-opus-4-5"}, nil)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				if c, err := tb.Cost("x", day("2026-01-01"), pricing.Usage{Input: 1_000_000}); err != nil || c.USD != 5 {
					t.Errorf("Cost = %+v, %v", c, err)
					return
				}
			}
		})
	}
	wg.Wait()
}
