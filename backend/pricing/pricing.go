// Package pricing turns Anthropic API token usage into US dollars.
//
// The prices ship with the app (prices.json, embedded), so costs work
// offline; each price carries the date it took effect and the table carries
// its version and source. A model without a known price is never priced at
// $0: Cost and the Pricer (Table.Model) report it as unpriced, so callers can
// show "≥ $X, N tokens unpriced". Users can map unknown model ids to known
// ones or enter prices of their own (Table.WithOverrides).
//
// Rules applied, all per request (one log line):
//   - cache writes cost 1.25x the input rate for the 5-minute TTL and 2x for
//     the 1-hour TTL; cache reads 0.1x (the table stores each rate explicitly);
//   - a request to a model with a long-context tier (Sonnet 4 and 4.5) whose
//     input, cache writes and cache reads together exceed 200,000 tokens is
//     billed whole, output included, at the tier's rates;
//   - a batch request costs 50% of every rate, cache rates included: the
//     pricing page says prompt-caching multipliers "stack with other pricing
//     modifiers, including the Batch API discount", and the Message Batches
//     page that "all usage is charged at 50% of the standard API prices".
//     The long-context tier applies before the batch discount.
//
// Because the long-context rule depends on the size of one request, usage must
// be priced request by request: pricing the sum of many requests can both
// trigger the tier wrongly and miss it. Sum the Costs instead. Usage known to sum several requests (Usage.Aggregate) is priced at
// the standard rates; see Table.Model for how platform logs are priced.
package pricing

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"usagedash/backend"
)

// perMillion is the unit of every rate: USD per million tokens.
const perMillion = 1e6

// BatchFactor is what a batch request pays of each standard rate.
const BatchFactor = 0.5

// Rates are prices in USD per million tokens.
type Rates struct {
	Input        float64 `json:"input"`
	Output       float64 `json:"output"`
	CacheWrite5m float64 `json:"cache_write_5m"`
	CacheWrite1h float64 `json:"cache_write_1h"`
	CacheRead    float64 `json:"cache_read"`
}

// scaled returns r with every rate multiplied by f.
func (r Rates) scaled(f float64) Rates {
	return Rates{r.Input * f, r.Output * f, r.CacheWrite5m * f, r.CacheWrite1h * f, r.CacheRead * f}
}

// LongContext is a model's long-context tier: a request whose input tokens,
// cache writes and cache reads together exceed ThresholdTokens is billed whole
// at Rates.
type LongContext struct {
	ThresholdTokens int64 `json:"threshold_tokens"`
	Rates
}

// Price is what one model family costs from a date on, or a price the user
// entered (Custom).
type Price struct {
	// Family is the canonical family id ("claude-sonnet-4-5", see Normalize),
	// or for a custom price the id it was entered for.
	Family string `json:"family"`
	// Name is the family's display name ("Claude Sonnet 4.5").
	Name string `json:"name"`
	// From is when the price took effect (UTC midnight); zero for custom prices,
	// which apply at every date.
	From time.Time `json:"from" ts_type:"string"`
	Rates
	// LongContext is nil when the model has no long-context tier.
	LongContext *LongContext `json:"long_context,omitempty"`
	// Custom is true for prices the user entered.
	Custom bool `json:"custom"`
	// Note explains the entry (a price change, a missing rate derived by rule).
	Note string `json:"note,omitempty"`
}

// RatesFor returns the rates that apply to one request with usage u (the
// long-context tier when u crosses it, then the batch discount when u.Batch)
// and whether the long-context tier applies.
func (p Price) RatesFor(u Usage) (Rates, bool) {
	r, long := p.Rates, false
	if lc := p.LongContext; lc != nil && !u.Aggregate && u.PromptTokens() > lc.ThresholdTokens {
		r, long = lc.Rates, true
	}
	if u.Batch {
		r = r.scaled(BatchFactor)
	}
	return r, long
}

// Usage is the token usage of ONE request (one log line).
type Usage struct {
	Input        int64 `json:"input"`
	Output       int64 `json:"output"`
	CacheWrite5m int64 `json:"cache_write_5m"`
	CacheWrite1h int64 `json:"cache_write_1h"`
	CacheRead    int64 `json:"cache_read"`
	// Batch is true for requests sent through the Message Batches API.
	Batch bool `json:"batch"`
	// Aggregate is true when the usage sums several requests (a Claude Code
	// log covers a whole run). The long-context tier, which depends on the
	// size of one request, is then not applied: summed prompt tokens above
	// the threshold say nothing about any single request.
	Aggregate bool `json:"aggregate"`
}

// PromptTokens is the request's input as the long-context rule counts it:
// input, cache writes and cache reads.
func (u Usage) PromptTokens() int64 {
	return u.Input + u.CacheWrite5m + u.CacheWrite1h + u.CacheRead
}

// Tokens is every token of the request, output included.
func (u Usage) Tokens() int64 { return u.PromptTokens() + u.Output }

// FromAPI builds a Usage from the Messages API usage object: input_tokens,
// output_tokens, cache_creation_input_tokens (all cache writes),
// cache_read_input_tokens and cache_creation.ephemeral_5m_input_tokens /
// ephemeral_1h_input_tokens (0 when absent). Cache writes not attributed to
// the 1-hour TTL are counted at the 5-minute TTL, the API's default; a log that
// drops the split therefore under-prices 1-hour writes, so keep it.
func FromAPI(input, output, cacheCreation, cacheRead, ephemeral5m, ephemeral1h int64, batch bool) Usage {
	return Usage{
		Input:        input,
		Output:       output,
		CacheWrite5m: max(ephemeral5m, cacheCreation-ephemeral1h),
		CacheWrite1h: ephemeral1h,
		CacheRead:    cacheRead,
		Batch:        batch,
	}
}

// FromBreakdown builds a Usage from a log's token breakdown, which does not
// split cache writes by TTL: they are counted at the 5-minute rate.
func FromBreakdown(b backend.TokenBreakdown, batch bool) Usage {
	return FromAPI(b.InputTokens, b.OutputTokens, b.CacheCreationInputTokens, b.CacheReadInputTokens, 0, 0, batch)
}

// Cost is the price of one request, split by token kind so the UI can explain
// it. The five parts sum to USD.
type Cost struct {
	Model string  `json:"model"`
	USD   float64 `json:"usd"`
	// Priced is false when no price is known for Model: USD is then 0 and
	// must not be shown as a cost.
	Priced bool `json:"priced"`
	// LongContext is true when the request was billed at long-context rates.
	LongContext bool `json:"long_context"`
	Batch       bool `json:"batch"`
	// The parts, in USD.
	Input        float64 `json:"input"`
	Output       float64 `json:"output"`
	CacheWrite5m float64 `json:"cache_write_5m"`
	CacheWrite1h float64 `json:"cache_write_1h"`
	CacheRead    float64 `json:"cache_read"`
	// Price is the table entry used; Rates the rates applied after the
	// long-context tier and the batch discount.
	Price Price `json:"price"`
	Rates Rates `json:"rates"`
}

// ErrUnknownModel is the cause of the error Cost returns for a model without a
// known price (errors.Is works on it).
var ErrUnknownModel = errors.New("unknown model")

// Version is the price table's version (the date of its newest entry).
func (t *Table) Version() string { return t.version }

// Source says where the table's prices come from.
func (t *Table) Source() string { return t.source }

// Cost prices ONE request of model made at at with usage u. For a model
// without a known price it returns a Cost with Priced false and USD 0, and an
// ENOTFOUND *backend.Error wrapping ErrUnknownModel; for negative token counts
// an EBADDATA error. Sum per-request Costs rather than pricing summed usage
// (see the package documentation).
func (t *Table) Cost(model string, at time.Time, u Usage) (Cost, error) {
	c := Cost{Model: model, Batch: u.Batch}
	if u.Input < 0 || u.Output < 0 || u.CacheWrite5m < 0 || u.CacheWrite1h < 0 || u.CacheRead < 0 {
		return c, backend.Errorf(backend.EBADDATA, "The usage of model %q has a negative token count.", model)
	}
	p, ok := t.Lookup(model, at)
	if !ok {
		return c, &backend.Error{Code: backend.ENOTFOUND, Err: ErrUnknownModel, Message: fmt.Sprintf(
			"No price is known for model %q: map it to a known model or enter its price.", model)}
	}
	return p.cost(model, u), nil
}

// cost prices one request with usage u at p (the rate math of Cost).
func (p Price) cost(model string, u Usage) Cost {
	r, long := p.RatesFor(u)
	c := Cost{Model: model, Batch: u.Batch, Priced: true, LongContext: long, Price: p, Rates: r}
	c.Input = usd(u.Input, r.Input)
	c.Output = usd(u.Output, r.Output)
	c.CacheWrite5m = usd(u.CacheWrite5m, r.CacheWrite5m)
	c.CacheWrite1h = usd(u.CacheWrite1h, r.CacheWrite1h)
	c.CacheRead = usd(u.CacheRead, r.CacheRead)
	c.USD = c.Input + c.Output + c.CacheWrite5m + c.CacheWrite1h + c.CacheRead
	return c
}

// usd is the cost of tokens at rate USD per million tokens.
func usd(tokens int64, rate float64) float64 { return float64(tokens) * rate / perMillion }

// CacheSavings says what prompt caching saved on one request: what its
// cache-read tokens would have cost at the input rate minus what they cost,
// less the premium paid for cache writes over the input rate, at the rates
// that applied to the request (long-context tier and batch discount included;
// the tier is the same with or without caching, since the rule counts cache
// tokens). It is negative when writes cost more than reads saved. hitRatio is
// CacheRead / (Input + cache writes + CacheRead), 0 without prompt tokens.
// For a model without a known price savedUSD is 0.
func (t *Table) CacheSavings(model string, at time.Time, u Usage) (savedUSD float64, hitRatio float64) {
	if n := u.PromptTokens(); n > 0 {
		hitRatio = float64(u.CacheRead) / float64(n)
	}
	p, ok := t.Lookup(model, at)
	if !ok {
		return 0, hitRatio
	}
	return p.cacheSaved(u), hitRatio
}

// cacheSaved is what caching saved on one request with usage u at p (the
// rate math of CacheSavings).
func (p Price) cacheSaved(u Usage) float64 {
	r, _ := p.RatesFor(u)
	return usd(u.CacheRead, r.Input-r.CacheRead) -
		usd(u.CacheWrite5m, r.CacheWrite5m-r.Input) -
		usd(u.CacheWrite1h, r.CacheWrite1h-r.Input)
}

// validRates reports why r cannot be a price, or "" when it can.
func validRates(r Rates) string {
	for _, v := range []float64{r.Input, r.Output, r.CacheWrite5m, r.CacheWrite1h, r.CacheRead} {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return "rates must be finite and not negative"
		}
	}
	if r.Input == 0 && r.Output == 0 {
		return "the input or output rate must be above zero"
	}
	return ""
}

// cleanID lower-cases and trims a model id for map keys.
func cleanID(id string) string { return strings.ToLower(strings.TrimSpace(id)) }
