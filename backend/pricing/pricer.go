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

// Price prices one log made at at with tokens b as ONE request (a log has no
// batch flag, so none is a batch request), with the same rate math as
// Table.Cost and Table.CacheSavings. A log with a negative token count, or a
// model without a known price, is not priced.
func (m *modelPricer) Price(at time.Time, b backend.TokenBreakdown) backend.LogPrice {
	p, ok := pick(m.prices, at)
	if !ok || b.InputTokens < 0 || b.OutputTokens < 0 || b.CacheCreationInputTokens < 0 || b.CacheReadInputTokens < 0 {
		return backend.LogPrice{}
	}
	u := FromBreakdown(b, false)
	c := p.cost("", u)
	return backend.LogPrice{Priced: true, LongContext: c.LongContext, USD: c.USD, CacheSavedUSD: p.cacheSaved(u)}
}
