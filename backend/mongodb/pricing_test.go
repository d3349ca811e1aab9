package mongodb_test

import (
	"context"
	"math"
	"slices"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/pricing"
	"usagedash/backend/sample"
)

// TestReportPricesLogsFromTheDatabase runs a priced report through FerretDB
// (decoding, the reported-cost flag of null and missing costs, the Pricer
// passed in the Query) and compares Report.Pricing with a loop over the
// dataset's structs priced by Table.Cost, log by log. The sample's demo user
// has an instance of a model without a known price.
func TestReportPricesLogsFromTheDatabase(t *testing.T) {
	src, ds := loadDataset(t, sample.Options{Seed: 5, Now: testNow, Days: 60, Users: 1, Logs: 900})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	table := pricing.Default()
	got, err := src.Report(ctx, backend.Query{Account: sample.DemoUsername, Period: backend.Period{Preset: backend.PresetAllTime}, Pricer: table})
	if err != nil {
		t.Fatal(err)
	}
	models := map[string]string{}
	var demo string
	for _, u := range ds.Users {
		if u.Username == sample.DemoUsername {
			demo = u.ID
		}
	}
	for _, in := range ds.Instances {
		if in.UserID != nil && *in.UserID == demo {
			models[in.ID] = ""
			if in.Model != nil {
				models[in.ID] = *in.Model
			}
		}
	}
	val := func(p *int64) int64 {
		if p == nil {
			return 0
		}
		return *p
	}
	var computed, filledIn, unpricedTokens float64
	var withoutCost int64
	unpriced := map[string]bool{}
	for _, l := range ds.Logs {
		model, mine := models[l.InstanceID]
		if !mine {
			continue
		}
		var u pricing.Usage
		if tu := l.TokenUsage; tu != nil {
			u = pricing.Usage{Input: val(tu.Input), Output: val(tu.Output), CacheWrite5m: val(tu.CacheCreation), CacheRead: val(tu.CacheRead)}
		}
		u.Aggregate = true // a log sums a Claude Code run's requests
		tokens := u.Tokens()
		c, err := table.Cost(model, l.Timestamp, u)
		switch {
		case tokens == 0:
			tokens = val(l.TokensUsed)
			unpricedTokens += float64(tokens)
		case err != nil:
			unpricedTokens += float64(tokens)
			if model != "" { // logs without a model name nothing to price
				unpriced[model] = true
			}
		default:
			computed += c.USD
		}
		if tokens > 0 && l.CostUSD == nil {
			withoutCost++
			filledIn += c.USD
		}
	}
	p := got.Pricing
	if p == nil {
		t.Fatal("no Pricing with a Pricer")
	}
	if math.Abs(p.ComputedUSD-computed) > 5.0001e-5 || math.Abs(p.FilledInUSD-filledIn) > 5.0001e-5 ||
		p.UnpricedTokens != int64(unpricedTokens) || p.LogsWithoutCost != withoutCost || withoutCost == 0 {
		t.Errorf("pricing %+v; want computed %v, filled in %v (%d logs), %v unpriced tokens", p, computed, filledIn, withoutCost, unpricedTokens)
	}
	if !slices.Contains(p.UnpricedModels, sample.UnpricedModel) || len(p.UnpricedModels) != len(unpriced) {
		t.Errorf("unpriced models %v, want %v", p.UnpricedModels, unpriced)
	}
	if p.TableVersion != table.Version() || math.Abs(p.EstimatedUSD-(got.TotalCostUSD+filledIn)) > 2e-4 {
		t.Errorf("pricing %+v", p)
	}
	for _, row := range got.Breakdowns.ByModel {
		if row.Key == sample.UnpricedModel && (row.UnpricedTokens == 0 || row.ComputedUSD != 0) {
			t.Errorf("unpriced model row %+v", row)
		}
	}
	// Without a Pricer there is no Pricing.
	plain, err := src.Report(ctx, backend.Query{Account: sample.DemoUsername, Period: backend.Period{Preset: backend.PresetAllTime}})
	if err != nil || plain.Pricing != nil {
		t.Fatalf("no Pricer: %+v, %v", plain.Pricing, err)
	}
}
