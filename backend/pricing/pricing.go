// Package pricing turns Anthropic API token usage into US dollars.
//
// The prices ship with the app (prices.json, embedded), so costs work
// offline; each row carries the date it took effect, its source, the date it
// was verified and a confidence mark ("secondary" for rows known only from
// third-party price files). A newer table downloaded from LiteLLM can be
// merged in (Merge, Update). A model without a known price is never priced at
// $0: Cost and the Pricer (Table.Model) report it as unpriced. Users can map
// unknown model ids to known ones or enter prices of their own
// (Table.WithOverrides).
//
// Every rule is data in the table, applied per request:
//   - each row states its cache-write (5-minute, 1-hour) and cache-read rates;
//     nothing is derived from the input rate;
//   - a prompt-size tier (Sonnet 4 / 4.5 above 200K, Haiku 5.5 above 100K)
//     bills the whole request, output included, at the tier's rates when its
//     input, cache writes and cache reads together exceed the threshold;
//   - modifiers multiply every rate from a date on (and until a date): fast
//     mode per model, regional inference x1.1 where documented. A modifier
//     without a confirmed multiplier is not applied; the request is flagged;
//   - a batch request pays the table's batch_factor (50%) of every rate,
//     stacking with caching and the other rules.
//
// Because tiers depend on the size of one request, usage must be priced
// request by request; usage known to sum several (Usage.Aggregate) is priced
// at the standard rates and flagged when it crosses a tier.
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

// BatchFactor is what a batch request pays of each standard rate under a
// price the user entered; the table's rows carry the table's batch_factor.
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

// LongContext is a prompt-size tier: a request whose input tokens, cache
// writes and cache reads together exceed ThresholdTokens is billed whole,
// output included, at Rates.
type LongContext struct {
	ThresholdTokens int64 `json:"threshold_tokens"`
	Rates
}

// Confidence marks how a row is known.
const (
	// ConfidenceOfficial: from Anthropic's own pricing or model pages.
	ConfidenceOfficial = "official"
	// ConfidenceSecondary: only from secondary sources (third-party tools'
	// price files or changelogs, LiteLLM).
	ConfidenceSecondary = "secondary"
)

// Price is one row of the table: what a model family costs from a date on,
// or a price the user entered (Custom).
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
	// LongContext is the prompt-size tier, nil when the model has none.
	LongContext *LongContext `json:"long_context,omitempty"`
	// Modifiers are the family's dated multipliers (fast mode, regional).
	Modifiers []Modifier `json:"modifiers,omitempty"`
	// Custom is true for prices the user entered.
	Custom bool `json:"custom"`
	// Note explains the entry (a price change, a disagreement between sources).
	Note string `json:"note,omitempty"`
	// Source says where the row comes from; Verified is the YYYY-MM-DD date
	// it was last checked against it.
	Source   string `json:"source,omitempty"`
	Verified string `json:"verified,omitempty"`
	// Confidence is ConfidenceOfficial or ConfidenceSecondary.
	Confidence string `json:"confidence,omitempty"`
	// Provenance says which table the row came from (see Provenance).
	Provenance Provenance `json:"provenance"`
	// row is the row's id, Family@From ("claude-fable-5-2@2026-11-09").
	row string
	// batch is what a batch request pays of every rate (0: BatchFactor).
	batch float64
}

// Modifier multiplies every rate of requests under one rule (fast mode or
// regional inference) from From up to (not including) Until.
type Modifier struct {
	// Rule is "fast" or "regional".
	Rule string `json:"rule"`
	// From and Until bound the rule in time; a zero Until is open-ended.
	From  time.Time `json:"from" ts_type:"string"`
	Until time.Time `json:"until,omitzero" ts_type:"string"`
	// Multiplier applies to every rate; 0 means the rule exists but its
	// multiplier is unconfirmed: requests under it are flagged, not priced up.
	Multiplier float64 `json:"multiplier"`
	Source     string  `json:"source,omitempty"`
	Confidence string  `json:"confidence,omitempty"`
}

// activeAt reports whether the modifier is in force at at (the zero time:
// whether it is open-ended).
func (m Modifier) activeAt(at time.Time) bool {
	if at.IsZero() {
		return m.Until.IsZero()
	}
	return !at.Before(m.From) && (m.Until.IsZero() || at.Before(m.Until))
}

// Row is the row's id, Family@From (Family alone for custom prices).
func (p Price) Row() string {
	if p.row != "" {
		return p.row
	}
	return rowID(p.Family, p.From)
}

func rowID(family string, from time.Time) string {
	if from.IsZero() {
		return family
	}
	return family + "@" + from.Format(time.DateOnly)
}

// Usage is the token usage of one request, or of a log summing several
// (Aggregate): backend.RequestUsage.
type Usage = backend.RequestUsage

// FromAPI builds a Usage from the Messages API usage object: input_tokens,
// output_tokens, cache_creation_input_tokens (all cache writes),
// cache_read_input_tokens and cache_creation.ephemeral_5m_input_tokens /
// ephemeral_1h_input_tokens (0 when absent). Cache writes not attributed to
// the 1-hour TTL are counted at the 5-minute TTL, the API's default.
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

// FromBreakdown builds a Usage from a platform log's token breakdown, which
// does not split cache writes by TTL: they are CacheWriteUnsplit.
func FromBreakdown(b backend.TokenBreakdown, batch bool) Usage {
	return Usage{Input: b.InputTokens, Output: b.OutputTokens, CacheWriteUnsplit: b.CacheCreationInputTokens,
		CacheRead: b.CacheReadInputTokens, Batch: batch}
}

// Cost is the price of one request, split by token kind so the UI can explain
// it. The parts sum to USD.
type Cost struct {
	Model string  `json:"model"`
	USD   float64 `json:"usd"`
	// Priced is false when no price is known for Model: USD is then 0 and
	// must not be shown as a cost.
	Priced bool `json:"priced"`
	// LongContext is true when the request was billed at a prompt-size tier.
	LongContext bool `json:"long_context"`
	Batch       bool `json:"batch"`
	// Rules are the ids of the rules applied; Unconfirmed is set when a rule
	// without a confirmed multiplier was met (and not applied).
	Rules       []string `json:"rules"`
	Unconfirmed bool     `json:"unconfirmed"`
	// The parts, in USD. Unsplit cache writes are in CacheWrite5m.
	Input        float64 `json:"input"`
	Output       float64 `json:"output"`
	CacheWrite5m float64 `json:"cache_write_5m"`
	CacheWrite1h float64 `json:"cache_write_1h"`
	CacheRead    float64 `json:"cache_read"`
	// Price is the table row used; Rates the rates applied after every rule.
	Price Price `json:"price"`
	Rates Rates `json:"rates"`
}

// ErrUnknownModel is the cause of the error Cost returns for a model without a
// known price (errors.Is works on it).
var ErrUnknownModel = errors.New("unknown model")

// Cost prices ONE request of model made at at with usage u. For a model
// without a known price it returns a Cost with Priced false and USD 0, and an
// ENOTFOUND *backend.Error wrapping ErrUnknownModel; for negative token counts
// an EBADDATA error. Sum per-request Costs rather than pricing summed usage.
func (t *Table) Cost(model string, at time.Time, u Usage) (Cost, error) {
	c := Cost{Model: model, Batch: u.Batch, Rules: []string{}}
	if negative(u) {
		return c, backend.Errorf(backend.EBADDATA, "The usage of model %q has a negative token count.", model)
	}
	p, ok := t.Lookup(model, at)
	if !ok {
		return c, &backend.Error{Code: backend.ENOTFOUND, Err: ErrUnknownModel, Message: fmt.Sprintf(
			"No price is known for model %q: map it to a known model or enter its price.", model)}
	}
	if IsFastID(model) {
		u.Fast = true
	}
	q := p.quote(at, u)
	c = Cost{Model: model, Batch: u.Batch, Priced: true, LongContext: q.rules.Has(backend.RuleLongContext),
		Rules: q.rules.IDs(), Unconfirmed: q.unconfirmed, Price: p, Rates: q.rates}
	r := q.rates
	c.Input, c.Output, c.CacheRead = usd(u.Input, r.Input), usd(u.Output, r.Output), usd(u.CacheRead, r.CacheRead)
	c.CacheWrite5m = usd(u.CacheWrite5m+u.CacheWriteUnsplit, r.CacheWrite5m)
	c.CacheWrite1h = usd(u.CacheWrite1h, r.CacheWrite1h)
	c.USD = c.Input + c.Output + c.CacheWrite5m + c.CacheWrite1h + c.CacheRead
	return c, nil
}

// negative reports whether any token count of u is negative.
func negative(u Usage) bool {
	return u.Input < 0 || u.Output < 0 || u.CacheWrite5m < 0 || u.CacheWrite1h < 0 || u.CacheWriteUnsplit < 0 || u.CacheRead < 0
}

// quote is the outcome of the rules for one request: the rates to apply.
type quote struct {
	rates Rates
	rules backend.PriceRule
	// crossed is set when an aggregate's prompt crosses the tier it skipped.
	crossed     bool
	unconfirmed bool
}

// quote applies p's rules to a request with usage u made at at: the
// prompt-size tier, then the modifiers (fast, regional), then the batch
// factor.
func (p *Price) quote(at time.Time, u Usage) quote {
	q := quote{rates: p.Rates}
	if lc := p.LongContext; lc != nil && u.PromptTokens() > lc.ThresholdTokens {
		if u.Aggregate {
			q.crossed = true
		} else {
			q.rates, q.rules = lc.Rates, backend.RuleLongContext
		}
	}
	if u.Fast || u.Regional {
		for _, m := range p.Modifiers {
			var rule backend.PriceRule
			switch {
			case m.Rule == "fast" && u.Fast:
				rule = backend.RuleFast
			case m.Rule == "regional" && u.Regional:
				rule = backend.RuleRegional
			default:
				continue
			}
			if !m.activeAt(at) {
				continue
			}
			if m.Multiplier == 0 {
				q.unconfirmed = true
				continue
			}
			q.rates, q.rules = q.rates.scaled(m.Multiplier), q.rules|rule
		}
	}
	if u.Batch {
		f := p.batch
		if f == 0 {
			f = BatchFactor
		}
		q.rates, q.rules = q.rates.scaled(f), q.rules|backend.RuleBatch
	}
	if u.CacheWrite1h > 0 {
		q.rules |= backend.RuleCache1h
	}
	return q
}

// logPrice prices u at p at time at as a backend.LogPrice (the rate math of
// the Pricer). It allocates nothing.
func (p *Price) logPrice(at time.Time, u Usage) backend.LogPrice {
	q := p.quote(at, u)
	lp := backend.LogPrice{Priced: true, Rules: q.rules, Row: p.row, Unconfirmed: q.unconfirmed,
		Secondary: p.Confidence == ConfidenceSecondary}
	lp.USD, lp.CacheSavedUSD = amounts(u, q.rates)
	delta := usd(u.CacheWriteUnsplit, q.rates.CacheWrite1h-q.rates.CacheWrite5m)
	lp.Unsplit1h = backend.UnsplitPrice{USD: lp.USD + delta, CacheSavedUSD: lp.CacheSavedUSD - delta}
	if q.crossed {
		one := u
		one.Aggregate = false
		tier := p.quote(at, one).rates
		usdTier, _ := amounts(one, tier)
		lp.LongContext, lp.LongContextExtraUSD = true, usdTier-lp.USD
		lp.Unsplit1h.LongContextExtraUSD = usdTier + usd(u.CacheWriteUnsplit, tier.CacheWrite1h-tier.CacheWrite5m) - lp.Unsplit1h.USD
	}
	return lp
}

// amounts is the cost of u at rates r (unsplit writes at the 5-minute rate)
// and what caching saved: what the cache reads would have cost at the input
// rate minus what they cost, less the premium of cache writes over the input
// rate (negative when writes cost more than reads saved).
func amounts(u Usage, r Rates) (cost, saved float64) {
	w5 := u.CacheWrite5m + u.CacheWriteUnsplit
	cost = usd(u.Input, r.Input) + usd(u.Output, r.Output) + usd(w5, r.CacheWrite5m) +
		usd(u.CacheWrite1h, r.CacheWrite1h) + usd(u.CacheRead, r.CacheRead)
	saved = usd(u.CacheRead, r.Input-r.CacheRead) - usd(w5, r.CacheWrite5m-r.Input) - usd(u.CacheWrite1h, r.CacheWrite1h-r.Input)
	return cost, saved
}

// usd is the cost of tokens at rate USD per million tokens.
func usd(tokens int64, rate float64) float64 { return float64(tokens) * rate / perMillion }

// CacheSavings says what prompt caching saved on one request (see amounts),
// at the rates that applied to it, and its hit ratio: CacheRead over all
// prompt tokens (0 without prompt tokens). For a model without a known price
// savedUSD is 0.
func (t *Table) CacheSavings(model string, at time.Time, u Usage) (savedUSD float64, hitRatio float64) {
	if n := u.PromptTokens(); n > 0 {
		hitRatio = float64(u.CacheRead) / float64(n)
	}
	p, ok := t.Lookup(model, at)
	if !ok {
		return 0, hitRatio
	}
	_, savedUSD = amounts(u, p.quote(at, u).rates)
	return savedUSD, hitRatio
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
