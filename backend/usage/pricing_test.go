package usage_test

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/pricing"
	"usagedash/backend/usage"
)

// exact is the tolerance on unrounded sums; rounded is RoundCost's
// half-unit of the 4th decimal (far below a cent).
const (
	exact   = 1e-9
	rounded = 5.0001e-5
)

func closeTo(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.10f, want %.10f", what, got, want)
	}
}

// TestPricingByHand prices four logs whose costs are worked out here.
func TestPricingByHand(t *testing.T) {
	agg := usage.NewAggregator(usage.Inputs{Pricer: pricing.Default(), Instances: []usage.Instance{
		{ID: "s", Model: "claude-sonnet-4-5-20250929", Mode: "api-key"},
		{ID: "u", Model: "claude-unreleased-test-0", Mode: "api-key"},
	}})
	at := time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC)
	// Sonnet 4.5 at $3 / $15 / $3.75 write / $0.30 read per million:
	// 1,000×3 + 500×15 + 2,000×3.75 + 10,000×0.30 = 21,000 µ$ = $0.021;
	// caching saved 10,000×(3−0.30) − 2,000×(3.75−3) = 25,500 µ$ = $0.0255.
	agg.Add(&usage.LogRecord{InstanceID: []byte("s"), Timestamp: at, HasTokenUsage: true, InputTokens: 1_000, OutputTokens: 500,
		CacheCreationTokens: 2_000, CacheReadTokens: 10_000, CostUSD: 0.02, HasCost: true})
	// 150,000 + 60,000 = 210,000 prompt tokens > 200K, but a log sums a run's
	// requests: standard rates 150,000×3 + 10,000×15 + 60,000×0.30 = $0.618,
	// no reported cost; saved 60,000×(3−0.30) = $0.162. As ONE request at the
	// long-context $6 / $22.50 / $0.60 it would be 0.9 + 0.225 + 0.036 =
	// $1.161, so $0.543 more.
	agg.Add(&usage.LogRecord{InstanceID: []byte("s"), Timestamp: at, HasTokenUsage: true, InputTokens: 150_000, OutputTokens: 10_000,
		CacheReadTokens: 60_000})
	// A model without a known price: 200 tokens unpriced, never $0.
	agg.Add(&usage.LogRecord{InstanceID: []byte("u"), Timestamp: at, HasTokenUsage: true, InputTokens: 100, OutputTokens: 100,
		CostUSD: 0.01, HasCost: true})
	// Legacy tokens_used: no split by kind, 5,000 tokens unpriced.
	agg.Add(&usage.LogRecord{InstanceID: []byte("s"), Timestamp: at, TokensUsed: 5_000, CostUSD: 0.03, HasCost: true})
	// A note without tokens or cost changes nothing.
	agg.Add(&usage.LogRecord{InstanceID: []byte("s"), Timestamp: at})

	var r backend.Report
	agg.Apply(&r, usage.Labels{})
	want := backend.PricingSummary{
		TableVersion: pricing.Default().Version(), TableSource: pricing.Default().Source(),
		ComputedUSD: 0.639, UnpricedTokens: 5_200, UnpricedModels: []string{"claude-unreleased-test-0"},
		LogsWithoutCost: 1, FilledInUSD: 0.618, EstimatedUSD: 0.678,
		ReportedComparedUSD: 0.02, ComputedComparedUSD: 0.021, DriftUSD: -0.001,
		LongContextLogs: 1, LongContextExtraUSD: 0.543, CacheSavingsUSD: 0.1875,
		// cache reads / (input + cache writes + cache reads)
		CacheHitRatio: 70_000.0 / (151_100 + 2_000 + 70_000),
		Rules:         []backend.RuleUse{}, SecondaryRows: []backend.SecondaryRowUse{},
		// "match": 0.021 at 5 minutes is closer to the reported 0.02 than
		// 0.021 + 2,000×(6−3.75) µ$ = 0.0255 at 1 hour; 0.001 / 0.02 = 5%.
		CacheTTL: []backend.CacheTTLChoice{{Model: "claude-sonnet-4-5-20250929", TTL: backend.CacheTTL5m, Policy: backend.CacheTTLMatch,
			ReportedUSD: 0.02, ComputedUSD: 0.021}},
		CacheTTLNote: "Cache writes priced as 5-minute writes: they match the reported cost within 5.0%.",
	}
	if r.Pricing != nil && len(r.Pricing.CacheTTL) == 1 {
		if pct := r.Pricing.CacheTTL[0].MismatchPercent; pct == nil || math.Abs(*pct-5) > 1e-9 {
			t.Errorf("mismatch %v, want 5%%", pct)
		}
		r.Pricing.CacheTTL[0].MismatchPercent = nil
	}
	if r.Pricing == nil || !reflect.DeepEqual(*r.Pricing, want) {
		t.Fatalf("pricing\n got %+v\nwant %+v", r.Pricing, want)
	}
	models := rowsByKey(r.Breakdowns.ByModel)
	if s := models["claude-sonnet-4-5-20250929"]; s.ComputedUSD != 0.639 || s.UnpricedTokens != 5_000 || s.CostUSD != 0.05 {
		t.Errorf("sonnet row %+v", s)
	}
	if u := models["claude-unreleased-test-0"]; u.ComputedUSD != 0 || u.UnpricedTokens != 200 {
		t.Errorf("unpriced row %+v", u)
	}
}

func TestNoPricerNoPricing(t *testing.T) {
	agg := usage.NewAggregator(usage.Inputs{Instances: []usage.Instance{{ID: "s", Model: "claude-sonnet-4-5"}}})
	agg.Add(&usage.LogRecord{InstanceID: []byte("s"), HasTokenUsage: true, InputTokens: 1_000})
	var r backend.Report
	agg.Apply(&r, usage.Labels{})
	if tot := agg.Totals(); r.Pricing != nil || r.Breakdowns.ByModel[0].ComputedUSD != 0 || tot.UnpricedTokens != 0 || tot.LogsWithoutCost != 0 {
		t.Fatalf("pricing without a pricer: %+v %+v", r.Pricing, tot)
	}
}

// priceSums is the independent computation of one row's (or the headline's)
// pricing sums.
type priceSums struct {
	computed, unpriced, withoutCost, filledIn, reported, compared, long, longExtra, saved, cost float64
}

// logSpec is a generated log and what it is attributed to.
type logSpec struct {
	rec         usage.LogRecord
	model, mode string
}

// TestPricingMatchesAPlainLoop aggregates seeded random logs of priced,
// aliased, custom-priced, unknown and missing models (a Haiku 3.5 price
// change, Sonnet 4.5 requests over 200K, legacy tokens_used logs, logs with
// and without a reported cost, a deleted instance) and compares the headline
// and every by-model and by-mode row with sums computed log by log with
// Table.Cost and Table.CacheSavings.
func TestPricingMatchesAPlainLoop(t *testing.T) {
	// Cache writes as 5-minute ones, as Table.Cost prices unsplit writes
	// (TestCacheTTLMatch covers the "match" policy).
	table := pricing.Default().WithOverrides(map[string]string{"team-sonnet": "claude-sonnet-4-5"},
		map[string]pricing.Price{"my-model": {Rates: pricing.Rates{Input: 2, Output: 8}}}).WithCacheTTL(backend.CacheTTL5m)
	instances := []usage.Instance{
		{ID: "sonnet", Model: "claude-sonnet-4-5-20250929", Mode: "api-key"},
		{ID: "opus", Model: "claude-opus-4-6", Mode: "max-plan"},
		{ID: "haiku35", Model: "claude-3-5-haiku-20241022", Mode: "api-key"},
		{ID: "alias", Model: "team-sonnet", Mode: "max-plan"},
		{ID: "custom", Model: "my-model", Mode: "api-key"},
		{ID: "unknown", Model: "claude-opus-9", Mode: "api-key"},
		{ID: "nomodel"},
	}
	ids := append([]string{"deleted"}, "sonnet", "opus", "haiku35", "alias", "custom", "unknown", "nomodel")
	modelOf, modeOf := map[string]string{}, map[string]string{}
	for _, in := range instances {
		modelOf[in.ID], modeOf[in.ID] = in.Model, in.Mode
	}
	rng := rand.New(rand.NewPCG(42, 4242))
	start := time.Date(2024, 11, 20, 0, 0, 0, 0, time.UTC) // the Haiku 3.5 cut was on 2024-12-03
	var logs []logSpec
	for i := range 3000 {
		id := ids[rng.IntN(len(ids))]
		rec := usage.LogRecord{InstanceID: []byte(id), Timestamp: start.Add(time.Duration(rng.Int64N(int64(25 * 24 * time.Hour))))}
		if i == 7 {
			rec.Timestamp = time.Time{} // priced at the newest entry
		}
		mode := modeOf[id]
		if rng.IntN(6) == 0 {
			rec.Mode = []byte("max-plan")
			mode = "max-plan"
		}
		switch roll := rng.IntN(20); {
		case roll == 0: // a note
		case roll <= 2: // legacy
			rec.TokensUsed = 1 + rng.Int64N(50_000)
		default:
			rec.HasTokenUsage = true
			rec.InputTokens, rec.OutputTokens = rng.Int64N(30_000), rng.Int64N(8_000)
			rec.CacheCreationTokens, rec.CacheReadTokens = rng.Int64N(40_000), rng.Int64N(150_000)
			if roll == 3 { // a long request
				rec.CacheReadTokens = 190_000 + rng.Int64N(50_000)
			}
		}
		if rng.IntN(10) < 7 {
			rec.HasCost, rec.CostUSD = true, rng.Float64()*2
		}
		logs = append(logs, logSpec{rec: rec, model: modelOf[id], mode: mode})
	}
	// The deterministic Sonnet 4.5 log over 200K.
	logs = append(logs, logSpec{rec: usage.LogRecord{InstanceID: []byte("sonnet"), Timestamp: start, HasTokenUsage: true,
		InputTokens: 201_000, OutputTokens: 1_000, HasCost: true, CostUSD: 1.2}, model: modelOf["sonnet"], mode: "api-key"})

	// The plain loop.
	headline := &priceSums{}
	byModel, byMode := map[string]*priceSums{}, map[string]*priceSums{}
	unpricedModels := map[string]bool{}
	longLogs := 0
	for _, l := range logs {
		for _, s := range []*priceSums{headline, priceRow(byModel, l.model), priceRow(byMode, l.mode)} {
			r := &l.rec
			s.cost += r.CostUSD
			typed := r.InputTokens + r.OutputTokens + r.CacheCreationTokens + r.CacheReadTokens
			if typed == 0 {
				if r.TokensUsed > 0 {
					s.unpriced += float64(r.TokensUsed)
					if !r.HasCost {
						s.withoutCost++
					}
				}
				continue
			}
			// A log sums a run's requests: standard rates; as ONE request it
			// may cross the long-context tier, which is reported beside.
			one := pricing.FromBreakdown(backend.TokenBreakdown{InputTokens: r.InputTokens, OutputTokens: r.OutputTokens,
				CacheCreationInputTokens: r.CacheCreationTokens, CacheReadInputTokens: r.CacheReadTokens}, false)
			u := one
			u.Aggregate = true
			c, err := table.Cost(l.model, r.Timestamp, u)
			saved, _ := table.CacheSavings(l.model, r.Timestamp, u)
			if err != nil {
				s.unpriced += float64(typed)
				unpricedModels[l.model] = true
			} else {
				s.computed += c.USD
				s.saved += saved
				if single, _ := table.Cost(l.model, r.Timestamp, one); single.LongContext {
					s.long++
					s.longExtra += single.USD - c.USD
				}
				if r.HasCost {
					s.reported += r.CostUSD
					s.compared += c.USD
				}
			}
			if !r.HasCost {
				s.withoutCost++
				s.filledIn += c.USD
			}
		}
		if c, err := table.Cost(l.model, l.rec.Timestamp, pricing.Usage{Input: l.rec.InputTokens, CacheWrite5m: l.rec.CacheCreationTokens,
			CacheRead: l.rec.CacheReadTokens}); err == nil && c.LongContext {
			longLogs++
		}
	}
	if longLogs < 5 || headline.unpriced == 0 || headline.withoutCost == 0 || len(unpricedModels) != 2 {
		t.Fatalf("the generated logs miss a case: %d long, %+v, unpriced models %v", longLogs, headline, unpricedModels)
	}

	agg := usage.NewAggregator(usage.Inputs{Instances: instances, Pricer: table})
	for i := range logs {
		rec := logs[i].rec
		agg.Add(&rec)
	}
	var r backend.Report
	agg.Apply(&r, usage.Labels{})

	// Headline, unrounded.
	tot := agg.Totals()
	closeTo(t, "ComputedUSD", tot.ComputedUSD, headline.computed, exact)
	closeTo(t, "FilledInUSD", tot.FilledInUSD, headline.filledIn, exact)
	closeTo(t, "ReportedComparedUSD", tot.ReportedComparedUSD, headline.reported, exact)
	closeTo(t, "ComputedComparedUSD", tot.ComputedComparedUSD, headline.compared, exact)
	closeTo(t, "CacheSavingsUSD", tot.CacheSavingsUSD, headline.saved, exact)
	closeTo(t, "LongContextExtraUSD", tot.LongContextExtraUSD, headline.longExtra, exact)
	if float64(tot.UnpricedTokens) != headline.unpriced || float64(tot.LogsWithoutCost) != headline.withoutCost ||
		float64(tot.LongContextLogs) != headline.long || tot.LongContextLogs != int64(longLogs) {
		t.Errorf("counts %+v, want %+v (%d long)", tot, headline, longLogs)
	}
	// Headline, rounded into the report.
	p := r.Pricing
	closeTo(t, "Pricing.ComputedUSD", p.ComputedUSD, headline.computed, rounded)
	closeTo(t, "Pricing.FilledInUSD", p.FilledInUSD, headline.filledIn, rounded)
	closeTo(t, "Pricing.EstimatedUSD", p.EstimatedUSD, headline.cost+headline.filledIn, rounded)
	closeTo(t, "Pricing.ReportedComparedUSD", p.ReportedComparedUSD, headline.reported, rounded)
	closeTo(t, "Pricing.ComputedComparedUSD", p.ComputedComparedUSD, headline.compared, rounded)
	closeTo(t, "Pricing.DriftUSD", p.DriftUSD, headline.reported-headline.compared, rounded)
	closeTo(t, "Pricing.CacheSavingsUSD", p.CacheSavingsUSD, headline.saved, rounded)
	closeTo(t, "Pricing.LongContextExtraUSD", p.LongContextExtraUSD, headline.longExtra, rounded)
	hit := float64(r.TotalCacheReadTokens) / float64(r.TotalInputTokens+r.TotalCacheCreationTokens+r.TotalCacheReadTokens)
	closeTo(t, "Pricing.CacheHitRatio", p.CacheHitRatio, hit, exact)
	if p.UnpricedTokens != int64(headline.unpriced) || p.LogsWithoutCost != int64(headline.withoutCost) || p.LongContextLogs != int64(longLogs) ||
		!reflect.DeepEqual(p.UnpricedModels, []string{"claude-opus-9"}) || p.TableVersion != table.Version() {
		t.Errorf("pricing %+v", p)
	}
	// Rows, rounded.
	for name, c := range map[string]struct {
		rows []backend.UsageRow
		want map[string]*priceSums
	}{"by model": {r.Breakdowns.ByModel, byModel}, "by mode": {r.Breakdowns.ByMode, byMode}} {
		got := rowsByKey(c.rows)
		if len(got) != len(c.want) {
			t.Errorf("%s: %d rows, want %d", name, len(got), len(c.want))
		}
		for key, w := range c.want {
			row := got[key]
			closeTo(t, name+" "+key+" ComputedUSD", row.ComputedUSD, w.computed, rounded)
			closeTo(t, name+" "+key+" CostUSD", row.CostUSD, w.cost, rounded)
			if row.UnpricedTokens != int64(w.unpriced) {
				t.Errorf("%s %s: %d unpriced tokens, want %v", name, key, row.UnpricedTokens, w.unpriced)
			}
		}
	}
}

func priceRow(m map[string]*priceSums, key string) *priceSums {
	if m[key] == nil {
		m[key] = &priceSums{}
	}
	return m[key]
}

// TestPricedAddAllocatesNothing checks that pricing keeps Add
// allocation-free once the rows a stream touches exist.
func TestPricedAddAllocatesNothing(t *testing.T) {
	agg := usage.NewAggregator(usage.Inputs{Pricer: pricing.Default(), ByUser: true, Instances: []usage.Instance{
		{ID: "a", UserID: "u", WorkflowID: "w", Model: "claude-sonnet-4-5", Mode: "api-key"},
		{ID: "b", Model: "claude-unreleased-test-0"},
	}})
	at := time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC)
	recs := []usage.LogRecord{
		{InstanceID: []byte("a"), Timestamp: at, HasTokenUsage: true, InputTokens: 210_000, OutputTokens: 10, HasCost: true, CostUSD: 1},
		{InstanceID: []byte("b"), Timestamp: at, HasTokenUsage: true, InputTokens: 10},
		{InstanceID: []byte("a"), Timestamp: at, TokensUsed: 10},
	}
	ptrs := make([]*usage.LogRecord, len(recs))
	for i := range recs {
		ptrs[i] = &recs[i]
	}
	checkAddAllocatesNothing(t, agg, ptrs)
}
