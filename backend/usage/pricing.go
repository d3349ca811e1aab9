package usage

import (
	"slices"

	"usagedash/backend"
)

// logPrice is one log's contribution to the pricing sums of a Totals. The
// Aggregator prices a log once and every Totals the log goes to adds it.
type logPrice struct {
	computedUSD, filledInUSD, reportedComparedUSD, computedComparedUSD, cacheSavedUSD, longContextExtraUSD float64
	unpricedTokens, withoutCost, longContext                                                               int64
}

// addPrice adds one log's pricing contribution.
func (t *Totals) addPrice(p *logPrice) {
	t.ComputedUSD += p.computedUSD
	t.UnpricedTokens += p.unpricedTokens
	t.LogsWithoutCost += p.withoutCost
	t.FilledInUSD += p.filledInUSD
	t.ReportedComparedUSD += p.reportedComparedUSD
	t.ComputedComparedUSD += p.computedComparedUSD
	t.LongContextLogs += p.longContext
	t.LongContextExtraUSD += p.longContextExtraUSD
	t.CacheSavingsUSD += p.cacheSavedUSD
}

// pricingState prices an Aggregator's logs. Each model id is resolved once.
type pricingState struct {
	pricer backend.Pricer
	models map[string]backend.ModelPricer
}

func newPricingState(p backend.Pricer) pricingState {
	if p == nil {
		return pricingState{}
	}
	return pricingState{pricer: p, models: map[string]backend.ModelPricer{}}
}

// instancePricing is how one instance's logs are priced: with its model's
// pricer (nil without a Pricer).
type instancePricing struct {
	modelID string
	pricer  backend.ModelPricer
	// unpriced is set once a log of the instance had tokens split by kind
	// that its model could not price.
	unpriced bool
}

// forModel returns the pricing of instances of model ("" for instances
// without a model and deleted ones, which no table prices).
func (s *pricingState) forModel(model string) instancePricing {
	if s.pricer == nil {
		return instancePricing{modelID: model}
	}
	mp, ok := s.models[model]
	if !ok {
		mp = s.pricer.Model(model)
		s.models[model] = mp
	}
	return instancePricing{modelID: model, pricer: mp}
}

// price sets r.price: the log priced as one request of its instance's model
// at its timestamp. A log with tokens that cannot be priced (a model without
// a known price, or only the legacy tokens_used count, which has no split by
// kind) adds its tokens to UnpricedTokens and nothing to ComputedUSD: it is
// never priced at $0. It allocates nothing.
func (s *pricingState) price(in *instancePricing, r *LogRecord) {
	r.price = logPrice{}
	if s.pricer == nil {
		return
	}
	typed := r.InputTokens + r.OutputTokens + r.CacheCreationTokens + r.CacheReadTokens
	tokens := typed
	var lp backend.LogPrice
	if typed > 0 {
		lp = in.pricer.PriceRequest(r.Timestamp, backend.RequestUsage{Input: r.InputTokens, Output: r.OutputTokens,
			CacheWriteUnsplit: r.CacheCreationTokens, CacheRead: r.CacheReadTokens, Aggregate: true})
		if !lp.Priced && r.InputTokens >= 0 && r.OutputTokens >= 0 && r.CacheCreationTokens >= 0 && r.CacheReadTokens >= 0 {
			in.unpriced = true
		}
	} else {
		tokens = r.TokensUsed
	}
	if tokens <= 0 {
		return // a note without tokens costs nothing either way
	}
	p := &r.price
	if lp.Priced {
		p.computedUSD, p.cacheSavedUSD = lp.USD, lp.CacheSavedUSD
		if lp.LongContext {
			p.longContext, p.longContextExtraUSD = 1, lp.LongContextExtraUSD
		}
		if r.HasCost {
			p.reportedComparedUSD, p.computedComparedUSD = r.CostUSD, lp.USD
		}
	} else {
		p.unpricedTokens = tokens
	}
	if !r.HasCost {
		p.withoutCost, p.filledInUSD = 1, lp.USD
	}
}

// applyPricing sets r.Pricing from the headline sums (the rows carry their
// own, see row), or leaves it nil when the aggregation had no Pricer.
func (a *Aggregator) applyPricing(r *backend.Report) {
	r.Pricing = nil
	if a.pricing.pricer == nil {
		return
	}
	t := &a.total
	s := &backend.PricingSummary{
		TableVersion:        a.pricing.pricer.Version(),
		TableSource:         a.pricing.pricer.Source(),
		ComputedUSD:         RoundCost(t.ComputedUSD),
		UnpricedTokens:      t.UnpricedTokens,
		UnpricedModels:      a.unpricedModels(),
		LogsWithoutCost:     t.LogsWithoutCost,
		FilledInUSD:         RoundCost(t.FilledInUSD),
		EstimatedUSD:        RoundCost(t.CostUSD + t.FilledInUSD),
		ReportedComparedUSD: RoundCost(t.ReportedComparedUSD),
		ComputedComparedUSD: RoundCost(t.ComputedComparedUSD),
		DriftUSD:            RoundCost(t.ReportedComparedUSD - t.ComputedComparedUSD),
		LongContextLogs:     t.LongContextLogs,
		LongContextExtraUSD: RoundCost(t.LongContextExtraUSD),
		CacheSavingsUSD:     RoundCost(t.CacheSavingsUSD),
	}
	if prompt := t.InputTokens + t.CacheCreationTokens + t.CacheReadTokens; prompt > 0 {
		s.CacheHitRatio = float64(t.CacheReadTokens) / float64(prompt)
	}
	r.Pricing = s
}

// unpricedModels lists, sorted and once each, the model ids of the
// instances with logs that could not be priced, which the user can map to a
// known model or price. Logs without a model (instances without one, deleted
// instances) count in UnpricedTokens but name nothing to price, so they are
// not listed. Never nil.
func (a *Aggregator) unpricedModels() []string {
	out := []string{}
	for _, in := range a.instances {
		if in.unpriced && in.modelID != "" && !slices.Contains(out, in.modelID) {
			out = append(out, in.modelID)
		}
	}
	slices.Sort(out)
	return out
}
