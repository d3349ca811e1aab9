package usage

import (
	"slices"

	"usagedash/backend"
)

// logPrice is one log's contribution to the pricing sums of a Totals. The
// Aggregator prices a log once and every Totals the log goes to adds it.
// Unsplit cache writes are in at the 5-minute rate; ttlDelta is what pricing
// them at the 1-hour rate adds to computedUSD, for the model ttlModel (see
// cacheTTL.go).
type logPrice struct {
	computedUSD, filledInUSD, reportedComparedUSD, computedComparedUSD, cacheSavedUSD, longContextExtraUSD float64
	unpricedTokens, withoutCost, longContext                                                               int64
	ttlDelta                                                                                               float64
	ttlModel                                                                                               int
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
	if p.ttlDelta != 0 {
		t.addTTLDelta(p.ttlModel, p.ttlDelta)
	}
}

// pricingState prices an Aggregator's logs. Each model id is resolved once.
type pricingState struct {
	pricer backend.Pricer
	policy backend.CacheTTL
	models map[string]*modelPricing
	// byIndex lists the models in the order they were resolved.
	byIndex []*modelPricing
	// ruleLogs counts the logs each rule priced (AllPriceRules order).
	ruleLogs        []int64
	unconfirmedLogs int64
	secondary       map[secondaryKey]*secondaryUse
	// resolved is set once resolveCacheTTL folded the cache-TTL choice in.
	resolved bool
}

// modelPricing is one model id's pricer and the sums its cache-TTL choice
// is made from.
type modelPricing struct {
	id     string
	index  int
	pricer backend.ModelPricer
	ttl    ttlSums
}

func newPricingState(p backend.Pricer) pricingState {
	if p == nil {
		return pricingState{}
	}
	return pricingState{pricer: p, policy: p.CacheTTL(), models: map[string]*modelPricing{},
		ruleLogs: make([]int64, len(backend.AllPriceRules)), secondary: map[secondaryKey]*secondaryUse{}}
}

// instancePricing is how one instance's logs are priced: with its model's
// pricer (nil without a Pricer).
type instancePricing struct {
	modelID string
	model   *modelPricing
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
		mp = &modelPricing{id: model, index: len(s.byIndex), pricer: s.pricer.Model(model)}
		s.models[model] = mp
		s.byIndex = append(s.byIndex, mp)
	}
	return instancePricing{modelID: model, model: mp}
}

// price sets r.price: the log priced as the aggregate of a run's requests of
// its instance's model at its timestamp, its cache writes of unknown TTL by
// the Pricer's policy. A log with tokens that cannot be priced (a model
// without a known price, or only the legacy tokens_used count, which has no
// split by kind) adds its tokens to UnpricedTokens and nothing to
// ComputedUSD: it is never priced at $0. It allocates nothing once the
// secondary-source rows it meets are known.
func (s *pricingState) price(in *instancePricing, r *LogRecord) {
	r.price = logPrice{}
	if s.pricer == nil {
		return
	}
	typed := r.InputTokens + r.OutputTokens + r.CacheCreationTokens + r.CacheReadTokens
	tokens := typed
	var lp backend.LogPrice
	if typed > 0 {
		lp = in.model.pricer.PriceRequest(r.Timestamp, backend.RequestUsage{Input: r.InputTokens, Output: r.OutputTokens,
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
	if !lp.Priced {
		p.unpricedTokens = tokens
		if !r.HasCost {
			p.withoutCost = 1
		}
		return
	}
	if s.policy == backend.CacheTTL1h {
		lp.USD, lp.CacheSavedUSD, lp.LongContextExtraUSD = lp.Unsplit1h.USD, lp.Unsplit1h.CacheSavedUSD, lp.Unsplit1h.LongContextExtraUSD
	}
	p.computedUSD, p.cacheSavedUSD = lp.USD, lp.CacheSavedUSD
	if lp.LongContext {
		p.longContext, p.longContextExtraUSD = 1, lp.LongContextExtraUSD
	}
	if r.HasCost {
		p.reportedComparedUSD, p.computedComparedUSD = r.CostUSD, lp.USD
	} else {
		p.withoutCost, p.filledInUSD = 1, lp.USD
	}
	s.count(in.model, r, &lp)
}

// count adds a priced log to the report-wide sums: the rules it was priced
// under, the secondary-source row that priced it, its cache-TTL sums.
func (s *pricingState) count(m *modelPricing, r *LogRecord, lp *backend.LogPrice) {
	if lp.Rules != 0 {
		for i, rule := range backend.AllPriceRules {
			if lp.Rules.Has(rule) {
				s.ruleLogs[i]++
			}
		}
	}
	if lp.Unconfirmed {
		s.unconfirmedLogs++
	}
	if lp.Secondary {
		k := secondaryKey{lp.Row, m.index}
		use := s.secondary[k]
		if use == nil {
			use = &secondaryUse{}
			s.secondary[k] = use
		}
		use.logs++
		use.usd += r.price.computedUSD
		use.delta += lp.Unsplit1h.USD - lp.USD
	}
	m.ttl.add(r, lp)
	if s.policy == backend.CacheTTLMatch && r.CacheCreationTokens > 0 {
		r.price.ttlDelta, r.price.ttlModel = lp.Unsplit1h.USD-lp.USD, m.index
	}
}

// applyPricing sets r.Pricing from the headline sums (the rows carry their
// own, see row), or leaves it nil when the aggregation had no Pricer. The
// cache-TTL choice must have been resolved (resolveCacheTTL).
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
		Rules:               []backend.RuleUse{},
		SecondaryRows:       []backend.SecondaryRowUse{},
		UnconfirmedLogs:     a.pricing.unconfirmedLogs,
	}
	if prompt := t.InputTokens + t.CacheCreationTokens + t.CacheReadTokens; prompt > 0 {
		s.CacheHitRatio = float64(t.CacheReadTokens) / float64(prompt)
	}
	for i, rule := range backend.AllPriceRules {
		if n := a.pricing.ruleLogs[i]; n > 0 {
			s.Rules = append(s.Rules, backend.RuleUse{Rule: rule.ID(), Logs: n})
		}
	}
	a.pricing.secondaryRows(s)
	s.CacheTTL, s.CacheTTLNote = a.pricing.ttlChoices()
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
