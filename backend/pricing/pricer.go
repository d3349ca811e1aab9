package pricing

import (
	"time"

	"usagedash/backend"
)

// Table implements backend.Pricer, so sources can price logs as they stream.
var _ backend.Pricer = (*Table)(nil)

// Model resolves model once (custom price, alias, family, as Lookup does)
// and returns the pricer of its logs, which picks the dated entry in force at
// each log's time. A model without a known price (or "") gets a pricer whose
// every LogPrice has Priced false.
func (t *Table) Model(model string) backend.ModelPricer {
	return &modelPricer{prices: t.entries(model, 0)}
}

// modelPricer prices the logs of one resolved model.
type modelPricer struct {
	// prices are the model's entries, oldest first (nil: unknown model).
	prices []Price
}

// Price prices one log made at at with tokens b, with the same rate math as
// Table.Cost and Table.CacheSavings. A platform log is the usage of a Claude
// Code run, which usually sums several API requests, so it is priced as an
// aggregate (Usage.Aggregate): at the standard rates. When its prompt tokens
// cross the model's long-context threshold, LongContext is set and
// LongContextExtraUSD says what it would cost more were it one long-context
// request. Logs carry no batch flag, so none is a batch request. A log with a
// negative token count, or of a model without a known price, is not priced.
func (m *modelPricer) Price(at time.Time, b backend.TokenBreakdown) backend.LogPrice {
	p, ok := pick(m.prices, at)
	if !ok || b.InputTokens < 0 || b.OutputTokens < 0 || b.CacheCreationInputTokens < 0 || b.CacheReadInputTokens < 0 {
		return backend.LogPrice{}
	}
	u := FromBreakdown(b, false)
	u.Aggregate = true
	c := p.cost("", u)
	lp := backend.LogPrice{Priced: true, USD: c.USD, CacheSavedUSD: p.cacheSaved(u)}
	u.Aggregate = false
	if one := p.cost("", u); one.LongContext {
		lp.LongContext, lp.LongContextExtraUSD = true, one.USD-c.USD
	}
	return lp
}
