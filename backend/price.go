package backend

import "time"

// Pricer prices logs at API prices from a dated price table.
type Pricer interface {
	// Version and Source identify the price table.
	Version() string
	Source() string
	// Model returns the pricer of one model id ("" when unknown). Callers
	// resolve it once per model, so pricing each log stays cheap.
	Model(model string) ModelPricer
	// CacheTTL is how cache writes of unknown TTL (RequestUsage.
	// CacheWriteUnsplit) are priced for this connection.
	CacheTTL() CacheTTL
}

// ModelPricer prices the requests (or logs) of one model.
type ModelPricer interface {
	// PriceRequest prices one API request made at at with usage u, or a log
	// summing several requests when u.Aggregate is set. Every rule of the
	// price table that applies is applied (prompt-size tier, fast mode,
	// batch, regional, cache TTLs) and listed in LogPrice.Rules. A model
	// without a known price, or a negative token count, gives a LogPrice
	// with Priced false.
	PriceRequest(at time.Time, u RequestUsage) LogPrice
}

// RequestUsage is the token usage of one API request, as the Messages API
// reports it, or of a log that sums several requests (Aggregate).
type RequestUsage struct {
	// Input is input_tokens: prompt tokens neither read from nor written to
	// the cache.
	Input int64 `json:"input"`
	// Output is output_tokens.
	Output int64 `json:"output"`
	// CacheRead is cache_read_input_tokens.
	CacheRead int64 `json:"cache_read"`
	// CacheWrite5m and CacheWrite1h are the cache writes of each TTL
	// (cache_creation.ephemeral_5m_input_tokens / ephemeral_1h_input_tokens).
	CacheWrite5m int64 `json:"cache_write_5m"`
	CacheWrite1h int64 `json:"cache_write_1h"`
	// CacheWriteUnsplit are cache writes of unknown TTL (the platform's logs
	// keep only cache_creation_input_tokens). LogPrice prices them at the
	// 5-minute rate and gives the price at the 1-hour rate beside it
	// (LogPrice.Unsplit1h), so the caller can apply its CacheTTL policy.
	CacheWriteUnsplit int64 `json:"cache_write_unsplit"`
	// Batch is a request sent through the Message Batches API (50% off every
	// rate, stacking with caching).
	Batch bool `json:"batch"`
	// Fast is a request in fast mode (usage "speed": "fast", or a model id
	// ending in "-fast").
	Fast bool `json:"fast"`
	// Regional is a request pinned to a region (inference_geo, or a cloud
	// regional endpoint).
	Regional bool `json:"regional"`
	// Aggregate says the usage sums several requests. Prompt-size tiers,
	// which depend on the size of one request, are then not applied; a sum
	// crossing a tier's threshold sets LogPrice.LongContext instead.
	Aggregate bool `json:"aggregate"`
}

// CacheWrites is every cache-write token, whatever its TTL.
func (u RequestUsage) CacheWrites() int64 {
	return u.CacheWrite5m + u.CacheWrite1h + u.CacheWriteUnsplit
}

// PromptTokens is the request's prompt as prompt-size tiers count it: input,
// cache writes and cache reads.
func (u RequestUsage) PromptTokens() int64 { return u.Input + u.CacheWrites() + u.CacheRead }

// Tokens is every token of the request, output included.
func (u RequestUsage) Tokens() int64 { return u.PromptTokens() + u.Output }

// CacheTTL is how a connection prices cache writes of unknown TTL.
type CacheTTL string

// The cache-TTL policies of a connection.
const (
	// CacheTTL5m prices them as 5-minute writes.
	CacheTTL5m CacheTTL = "5m"
	// CacheTTL1h prices them as 1-hour writes.
	CacheTTL1h CacheTTL = "1h"
	// CacheTTLMatch, the default, prices each model's writes at whichever
	// TTL brings the computed cost of its logs closer to their reported cost.
	CacheTTLMatch CacheTTL = "match"
)

// PriceRule is one pricing rule a request was priced under; a LogPrice holds
// a set of them (bits).
type PriceRule uint16

// The pricing rules, with their stable ids (PriceRule.ID).
const (
	// RuleLongContext: the request's prompt exceeded a prompt-size tier's
	// threshold and the whole request was billed at the tier's rates.
	RuleLongContext PriceRule = 1 << iota
	// RuleFast: a fast-mode multiplier was applied.
	RuleFast
	// RuleBatch: the batch discount was applied.
	RuleBatch
	// RuleRegional: the regional-inference multiplier was applied.
	RuleRegional
	// RuleCache1h: cache writes were priced at the 1-hour rate.
	RuleCache1h
)

// AllPriceRules lists every rule, in the order reports list them.
var AllPriceRules = []PriceRule{RuleLongContext, RuleFast, RuleBatch, RuleRegional, RuleCache1h}

// ID is the rule's stable id: "long-context", "fast", "batch", "regional"
// or "cache-1h".
func (r PriceRule) ID() string {
	switch r {
	case RuleLongContext:
		return "long-context"
	case RuleFast:
		return "fast"
	case RuleBatch:
		return "batch"
	case RuleRegional:
		return "regional"
	case RuleCache1h:
		return "cache-1h"
	}
	return "unknown"
}

// Has reports whether the set r holds rule.
func (r PriceRule) Has(rule PriceRule) bool { return r&rule != 0 }

// IDs lists the ids of the rules in the set r, in AllPriceRules order.
func (r PriceRule) IDs() []string {
	ids := []string{}
	for _, one := range AllPriceRules {
		if r.Has(one) {
			ids = append(ids, one.ID())
		}
	}
	return ids
}

// LogPrice is one request's (or log's) cost at API prices.
type LogPrice struct {
	// Priced is false when the model has no known price; USD is then 0 and
	// must not be shown as a cost.
	Priced bool
	// USD is the cost, unsplit cache writes priced at the 5-minute rate.
	USD float64
	// CacheSavedUSD is what caching saved (see PricingSummary).
	CacheSavedUSD float64
	// LongContext is set when an Aggregate usage's prompt crosses a
	// prompt-size tier, which is then not applied; LongContextExtraUSD is
	// what it would cost more as one request at the tier's rates.
	LongContext         bool
	LongContextExtraUSD float64
	// Unsplit1h is the same price with the CacheWriteUnsplit tokens priced
	// as 1-hour writes (equal to the 5-minute figures without such tokens).
	Unsplit1h UnsplitPrice
	// Rules is the set of rules applied (RuleCache1h only for writes known
	// to be 1-hour ones; see Unsplit1h for unsplit writes).
	Rules PriceRule
	// Row identifies the price-table row used ("claude-fable-5-2@2026-11-09").
	Row string
	// Secondary is set when that row is known only from secondary sources
	// (third-party price files), not from an official page.
	Secondary bool
	// Unconfirmed is set when a rule applies whose multiplier is not
	// confirmed (fast mode on Fable 5.2, regional on 5.x models): it is not
	// applied, so USD is a lower bound. Never a silent guess.
	Unconfirmed bool
}

// UnsplitPrice is a LogPrice's figures with its unsplit cache writes priced
// at the 1-hour rate.
type UnsplitPrice struct {
	USD                 float64
	CacheSavedUSD       float64
	LongContextExtraUSD float64
}
