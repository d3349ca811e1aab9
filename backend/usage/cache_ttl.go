package usage

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"usagedash/backend"
)

// The platform's logs keep cache writes without their 5-minute / 1-hour
// split. Under the CacheTTLMatch policy every log is priced at the 5-minute
// rate while the Aggregator keeps, per model, what the 1-hour rate would add
// (ttlSums, and per row Totals.ttlDelta); resolveCacheTTL then picks, per
// model, the TTL whose computed cost of the logs that report one is closer to
// it, and folds the chosen deltas into every sum.

// ttlSums are one model's sums for its cache-TTL choice.
type ttlSums struct {
	// unsplitLogs counts priced logs with cache writes of unknown TTL.
	unsplitLogs int64
	// reported, computed5m and computed1h sum the priced logs that report a
	// cost: reported, and computed at each TTL.
	reported, computed5m, computed1h float64
	// The 1-hour minus 5-minute deltas of the headline sums.
	dComputed, dFilledIn, dCompared, dSaved, dLongExtra float64
	// chosen1h is the choice, set by resolveCacheTTL.
	chosen1h bool
}

// add counts one priced log of the model (its figures at the 5-minute rate).
func (s *ttlSums) add(r *LogRecord, lp *backend.LogPrice) {
	d := lp.Unsplit1h.USD - lp.USD
	if r.CacheCreationTokens > 0 {
		s.unsplitLogs++
	}
	s.dComputed += d
	s.dSaved += lp.Unsplit1h.CacheSavedUSD - lp.CacheSavedUSD
	if lp.LongContext {
		s.dLongExtra += lp.Unsplit1h.LongContextExtraUSD - lp.LongContextExtraUSD
	}
	if r.HasCost {
		s.reported += r.CostUSD
		s.computed5m += lp.USD
		s.computed1h += lp.Unsplit1h.USD
		s.dCompared += d
	} else {
		s.dFilledIn += d
	}
}

// secondaryKey is a secondary-source row met by one model id.
type secondaryKey struct {
	row   string
	model int
}

// secondaryUse sums the logs a secondary-source row priced for one model:
// usd at the 5-minute rate, delta what the 1-hour rate adds.
type secondaryUse struct {
	logs       int64
	usd, delta float64
}

// addTTLDelta adds what pricing a log's unsplit cache writes at the 1-hour
// rate adds to its cost, for the model with index model. The slice grows the
// first time a row meets a model.
func (t *Totals) addTTLDelta(model int, d float64) {
	if model >= len(t.ttlDelta) {
		t.ttlDelta = append(t.ttlDelta, make([]float64, model+1-len(t.ttlDelta))...)
	}
	t.ttlDelta[model] += d
}

// resolveCacheTTL makes the cache-TTL choice of every model and folds it
// into the headline, every breakdown row and the series (once).
func (a *Aggregator) resolveCacheTTL() {
	s := &a.pricing
	if s.pricer == nil || s.resolved {
		return
	}
	s.resolved = true
	if s.policy == backend.CacheTTL1h {
		for i := range s.byIndex {
			s.ruleLogs[slices.Index(backend.AllPriceRules, backend.RuleCache1h)] += s.byIndex[i].ttl.unsplitLogs
		}
	}
	if s.policy != backend.CacheTTLMatch {
		return
	}
	chosen := make([]bool, len(s.byIndex))
	for i, m := range s.byIndex {
		t := &m.ttl
		if t.unsplitLogs == 0 {
			continue
		}
		// Without a reported cost to compare, 1-hour writes: Claude Code's
		// usual TTL.
		t.chosen1h = t.reported == 0 || math.Abs(t.reported-t.computed1h) < math.Abs(t.reported-t.computed5m)
		if !t.chosen1h {
			continue
		}
		chosen[i] = true
		s.ruleLogs[slices.Index(backend.AllPriceRules, backend.RuleCache1h)] += t.unsplitLogs
		a.total.FilledInUSD += t.dFilledIn
		a.total.ComputedComparedUSD += t.dCompared
		a.total.CacheSavingsUSD += t.dSaved
		a.total.LongContextExtraUSD += t.dLongExtra
	}
	fold := func(t *Totals) {
		for i, d := range t.ttlDelta {
			if chosen[i] {
				t.ComputedUSD += d
			}
		}
		t.ttlDelta = nil
	}
	fold(&a.total)
	for _, g := range []group{a.models, a.workflows, a.byInstance, a.modes, a.users} {
		for _, t := range g {
			fold(t)
		}
	}
	for _, t := range a.series.buckets {
		fold(t)
	}
	if a.series.noDate != nil {
		fold(a.series.noDate)
	}
}

// secondaryRows fills sum.SecondaryRows, one per row, sorted.
func (s *pricingState) secondaryRows(sum *backend.PricingSummary) {
	byRow := map[string]*backend.SecondaryRowUse{}
	for k, use := range s.secondary {
		out := byRow[k.row]
		if out == nil {
			out = &backend.SecondaryRowUse{Row: k.row}
			byRow[k.row] = out
		}
		out.Logs += use.logs
		out.ComputedUSD += use.usd
		if s.policy == backend.CacheTTL1h || s.byIndex[k.model].ttl.chosen1h {
			out.ComputedUSD += use.delta
		}
	}
	for _, out := range byRow {
		out.ComputedUSD = RoundCost(out.ComputedUSD)
		sum.SecondaryRows = append(sum.SecondaryRows, *out)
	}
	slices.SortFunc(sum.SecondaryRows, func(x, y backend.SecondaryRowUse) int { return cmp.Compare(x.Row, y.Row) })
}

// ttlChoices lists, per model with cache writes of unknown TTL, how they
// were priced, and the sentence for the pricing card.
func (s *pricingState) ttlChoices() ([]backend.CacheTTLChoice, string) {
	out := []backend.CacheTTLChoice{}
	var reported, computed float64
	for _, m := range s.byIndex {
		t := &m.ttl
		if t.unsplitLogs == 0 {
			continue
		}
		c := backend.CacheTTLChoice{Model: m.id, TTL: backend.CacheTTL5m, Policy: s.policy,
			ReportedUSD: RoundCost(t.reported), ComputedUSD: RoundCost(t.computed5m)}
		if s.policy == backend.CacheTTL1h || (s.policy == backend.CacheTTLMatch && t.chosen1h) {
			c.TTL, c.ComputedUSD = backend.CacheTTL1h, RoundCost(t.computed1h)
		}
		if t.reported > 0 {
			pct := math.Abs(t.reported-c.ComputedUSD) / t.reported * 100
			c.MismatchPercent = &pct
		}
		reported += t.reported
		computed += c.ComputedUSD
		out = append(out, c)
	}
	slices.SortFunc(out, func(x, y backend.CacheTTLChoice) int { return cmp.Compare(x.Model, y.Model) })
	return out, ttlNote(out, s.policy, reported, computed)
}

// ttlName is how the pricing card names a TTL.
func ttlName(ttl backend.CacheTTL) string {
	if ttl == backend.CacheTTL1h {
		return "1-hour"
	}
	return "5-minute"
}

// ttlNote is the pricing card's sentence on the cache-TTL choice.
func ttlNote(choices []backend.CacheTTLChoice, policy backend.CacheTTL, reported, computed float64) string {
	if len(choices) == 0 {
		return ""
	}
	if policy != backend.CacheTTLMatch {
		return fmt.Sprintf("Cache writes priced as %s writes, as the connection's setting says.", ttlName(policy))
	}
	by := map[backend.CacheTTL][]string{}
	for _, c := range choices {
		by[c.TTL] = append(by[c.TTL], c.Model)
	}
	if len(by) == 2 {
		return fmt.Sprintf("Cache writes priced as 1-hour writes for %s and as 5-minute writes for %s: whichever matches the reported cost.",
			strings.Join(by[backend.CacheTTL1h], ", "), strings.Join(by[backend.CacheTTL5m], ", "))
	}
	ttl := choices[0].TTL
	if reported == 0 {
		return fmt.Sprintf("Cache writes priced as %s writes (Claude Code's usual TTL): no log reports a cost to compare.", ttlName(ttl))
	}
	return fmt.Sprintf("Cache writes priced as %s writes: they match the reported cost within %.1f%%.", ttlName(ttl),
		math.Abs(reported-computed)/reported*100)
}
