package pricing

import (
	"time"

	"usagedash/backend"
)

// Table implements backend.Pricer, so sources can price logs as they stream.
var _ backend.Pricer = (*Table)(nil)

// Model resolves model once (custom price, alias, family, as Lookup does)
// and returns the pricer of its requests, which picks the row in force at
// each request's time. A model id ending in "-fast" prices every request in
// fast mode; one with a geographic cloud prefix ("us.", "eu.", "jp.", "au.",
// "apac.") as regional inference. A model without a known price (or "") gets
// a pricer whose every LogPrice has Priced false.
func (t *Table) Model(model string) backend.ModelPricer {
	return &modelPricer{prices: t.entries(model, 0), fast: IsFastID(model), regional: IsRegionalID(model)}
}

// modelPricer prices the requests of one resolved model.
type modelPricer struct {
	// prices are the model's rows, oldest first (nil: unknown model).
	prices         []Price
	fast, regional bool
}

// PriceRequest prices one request (or, with u.Aggregate, one log summing
// several) made at at, with the same rate math as Table.Cost and
// Table.CacheSavings. It allocates nothing.
func (m *modelPricer) PriceRequest(at time.Time, u backend.RequestUsage) backend.LogPrice {
	i := pickIndex(m.prices, at)
	if i < 0 || negative(u) {
		return backend.LogPrice{}
	}
	u.Fast = u.Fast || m.fast
	u.Regional = u.Regional || m.regional
	return m.prices[i].logPrice(at, u)
}

// CacheTTL is how t prices cache writes of unknown TTL: CacheTTLMatch unless
// WithCacheTTL set another policy.
func (t *Table) CacheTTL() backend.CacheTTL {
	if t.cacheTTL == "" {
		return backend.CacheTTLMatch
	}
	return t.cacheTTL
}

// WithCacheTTL returns a copy of t that prices cache writes of unknown TTL
// by policy (a connection's setting); an unknown policy is CacheTTLMatch.
func (t *Table) WithCacheTTL(policy backend.CacheTTL) *Table {
	n := *t
	switch policy {
	case backend.CacheTTL5m, backend.CacheTTL1h:
		n.cacheTTL = policy
	default:
		n.cacheTTL = backend.CacheTTLMatch
	}
	return &n
}
