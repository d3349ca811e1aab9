package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"

	"usagedash/backend"
	"usagedash/backend/claudecode"
	"usagedash/backend/pricing"
)

// compare prints, day by day, whether ccusage's tokens equal ours and
// explains each cost difference by one rule:
//
//   - long-context: a request whose prompt crosses a model's threshold is
//     billed whole at the tier's rates; ccusage bills only the tokens above
//     200K of each kind at them;
//   - unknown to ccusage: ccusage prices a model it has no price for at $0.
//
// Whatever these two rules do not explain is printed as "unexplained".
func compare(ctx context.Context, src *claudecode.Source, q backend.Query, ccusageFile string) error {
	b, err := os.ReadFile(ccusageFile)
	if err != nil {
		return err
	}
	var cc struct {
		Daily []day `json:"daily"`
	}
	if err := json.Unmarshal(b, &cc); err != nil {
		return err
	}
	theirs := map[string]day{}
	for _, d := range cc.Daily {
		theirs[d.Date] = d
	}
	r, err := src.Report(ctx, q)
	if err != nil {
		return err
	}
	ours := map[string]day{}
	for _, d := range daily(r)["daily"] {
		ours[d.Date] = d
	}
	table := pricing.Default()
	longCtx, unknown := map[string]float64{}, map[string]float64{}
	var longN, unknownN int
	err = src.Requests(ctx, q, func(req claudecode.Request) {
		date := req.At.Format("2006-01-02")
		if req.Priced && missingIn(theirs[date], req.Model) {
			unknown[date] += req.USD
			unknownN++
			return
		}
		if req.Rules.Has(backend.RuleLongContext) {
			longCtx[date] += req.USD - perKindTier(table, req)
			longN++
		}
	})
	if err != nil {
		return err
	}
	dates := make([]string, 0, len(ours))
	for d := range ours {
		dates = append(dates, d)
	}
	for d := range theirs {
		if _, ok := ours[d]; !ok {
			dates = append(dates, d)
		}
	}
	slices.Sort(dates)
	fmt.Println("| day | tokens equal | usagedash $ | ccusage $ | difference $ | long-context $ | unknown to ccusage $ | unexplained $ |")
	fmt.Println("|---|---|---|---|---|---|---|---|")
	var sumO, sumT, sumL, sumU, sumX float64
	equalDays := 0
	for _, d := range dates {
		o, t := ours[d], theirs[d]
		eq := o.Input == t.Input && o.Output == t.Output && o.CacheCreation == t.CacheCreation && o.CacheRead == t.CacheRead
		if eq {
			equalDays++
		}
		diff := o.Cost - t.Cost
		unexplained := diff - longCtx[d] - unknown[d]
		if math.Abs(unexplained) < 0.005 {
			unexplained = 0
		}
		fmt.Printf("| %s | %v | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n", d, eq, o.Cost, t.Cost, diff, longCtx[d], unknown[d], unexplained)
		sumO, sumT, sumL, sumU, sumX = sumO+o.Cost, sumT+t.Cost, sumL+longCtx[d], sumU+unknown[d], sumX+unexplained
	}
	fmt.Printf("| all %d days | %d equal | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n", len(dates), equalDays, sumO, sumT, sumO-sumT, sumL, sumU, sumX)
	fmt.Printf("\nlong-context requests: %d (usagedash bills them whole at the tier's rates: +$%.2f)\n", longN, sumL)
	fmt.Printf("requests of models ccusage prices at $0: %d ($%.2f at usagedash's prices)\n", unknownN, sumU)
	fmt.Printf("unpriced by usagedash (no known price, reported as unpriced tokens): %d tokens in %v\n", r.Pricing.UnpricedTokens, r.Pricing.UnpricedModels)
	return nil
}

// missingIn reports whether ccusage's day lists model without a price.
func missingIn(d day, model string) bool {
	for _, m := range d.Models {
		if m.Name == model && m.Missing {
			return true
		}
	}
	return false
}

// perKindTier is what ccusage charges for a long-context request: each token
// kind at the standard rate up to the threshold and at the tier's rate
// above it.
func perKindTier(table *pricing.Table, req claudecode.Request) float64 {
	p, ok := table.Lookup(req.Model, req.At)
	if !ok || p.LongContext == nil {
		return req.USD
	}
	th := p.LongContext.ThresholdTokens
	part := func(n int64, base, long float64) float64 {
		below := min(n, th)
		return (float64(below)*base + float64(n-below)*long) / 1e6
	}
	t, b, l := req.Tokens, p.Rates, p.LongContext.Rates
	w5 := t.Write5m + max(0, t.CacheCreation-t.Write5m-t.Write1h)
	return part(t.Input, b.Input, l.Input) + part(t.Output, b.Output, l.Output) + part(w5, b.CacheWrite5m, l.CacheWrite5m) +
		part(t.Write1h, b.CacheWrite1h, l.CacheWrite1h) + part(t.CacheRead, b.CacheRead, l.CacheRead)
}
