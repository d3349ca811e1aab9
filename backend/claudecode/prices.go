package claudecode

import (
	"reflect"
	"time"

	"usagedash/backend"
)

// cachedPrice is one request's price, kept until the request grows or the
// report is priced with another table.
type cachedPrice struct {
	valid, priced, unconfirmed bool
	usd, saved                 float64
	rules                      backend.PriceRule
}

// priceCache prices requests once per price table: a report over a month
// of requests reprices nothing unless the table or a request changed.
type priceCache struct {
	pricer  backend.Pricer
	version string
	models  map[uint32]backend.ModelPricer
	prices  []cachedPrice
}

// use makes p the table prices come from, dropping every cached price when
// it is another table (or one that cannot be compared).
func (c *priceCache) use(p backend.Pricer, l *ledger) {
	same := p != nil && c.pricer != nil && reflect.TypeOf(p).Comparable() && reflect.TypeOf(c.pricer) == reflect.TypeOf(p) &&
		c.pricer == p && c.version == p.Version()
	if !same {
		c.pricer, c.models, c.prices = p, map[uint32]backend.ModelPricer{}, nil
		if p != nil {
			c.version = p.Version()
		}
	}
	if n := len(l.requests); len(c.prices) < n {
		c.prices = append(c.prices, make([]cachedPrice, n-len(c.prices))...)
	}
}

// forget drops the cached price of request i (its usage grew).
func (c *priceCache) forget(i int) {
	if i < len(c.prices) {
		c.prices[i] = cachedPrice{}
	}
}

// cached is request i's price as last computed by price.
func (c *priceCache) cached(i int) *cachedPrice { return &c.prices[i] }

// price returns request i's price, computing it when not cached. Without a
// table nothing is priced.
func (c *priceCache) price(i int, r *request, l *ledger) *cachedPrice {
	cp := &c.prices[i]
	if cp.valid || c.pricer == nil {
		return cp
	}
	mp, ok := c.models[r.model]
	if !ok {
		mp = c.pricer.Model(l.names[r.model])
		c.models[r.model] = mp
	}
	lp := mp.PriceRequest(time.UnixMilli(r.at), requestUsage(r.tokens))
	*cp = cachedPrice{valid: true, priced: lp.Priced, unconfirmed: lp.Unconfirmed, usd: lp.USD, saved: lp.CacheSavedUSD, rules: lp.Rules}
	return cp
}

// requestUsage is t as the pricer takes it: cache writes split by TTL as
// the line says, the rest (writes the line gives no TTL for) unsplit.
func requestUsage(t Tokens) backend.RequestUsage {
	u := backend.RequestUsage{Input: t.Input, Output: t.Output, CacheRead: t.CacheRead,
		CacheWrite5m: t.Write5m, CacheWrite1h: t.Write1h, Batch: t.Batch, Fast: t.Fast, Regional: t.Regional}
	if split := t.Write5m + t.Write1h; t.CacheCreation > split {
		u.CacheWriteUnsplit = t.CacheCreation - split
	}
	return u
}
