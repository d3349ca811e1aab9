package pricing

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"
)

// Estimate sums the cost of many requests, possibly of many models, and
// keeps count of what it could not price, so callers can show
// "≥ $X, N tokens unpriced" instead of a wrong total. Add one request (log
// line) at a time. The zero Estimate prices with Default(); an Estimate is
// not safe for concurrent use.
type Estimate struct {
	// USD is the cost of the priced requests: a lower bound of the total
	// when UnpricedTokens > 0.
	USD float64 `json:"usd"`
	// UnpricedTokens counts every token (input, output, cache) of requests
	// whose model has no known price.
	UnpricedTokens int64 `json:"unpriced_tokens"`
	// UnpricedModels lists those models' ids, sorted, each once; a request
	// without a model id is listed as "(no model)".
	UnpricedModels []string `json:"unpriced_models"`
	// Requests counts the requests added; LongContextRequests those billed at
	// long-context rates.
	Requests            int64 `json:"requests"`
	LongContextRequests int64 `json:"long_context_requests"`

	table *Table
}

// NewEstimate returns an empty Estimate that prices with t.
func (t *Table) NewEstimate() *Estimate { return &Estimate{table: t} }

// Add prices one request of model at at with usage u and adds it. A request
// of an unknown model adds its tokens to UnpricedTokens and its id to
// UnpricedModels (when it has tokens) and returns nil: that is expected, not a
// failure. Usage with negative token counts is not added; Add returns the
// EBADDATA error.
func (e *Estimate) Add(model string, at time.Time, u Usage) error {
	if e.table == nil {
		e.table = Default()
	}
	c, err := e.table.Cost(model, at, u)
	switch {
	case errors.Is(err, ErrUnknownModel):
		e.Requests++
		if n := u.Tokens(); n > 0 {
			e.UnpricedTokens += n
			e.addModel(model)
		}
		return nil
	case err != nil:
		return err
	}
	e.Requests++
	e.USD += c.USD
	if c.LongContext {
		e.LongContextRequests++
	}
	return nil
}

// addModel inserts model into the sorted UnpricedModels unless it is there.
func (e *Estimate) addModel(model string) {
	if model == "" {
		model = "(no model)"
	}
	if i, found := slices.BinarySearch(e.UnpricedModels, model); !found {
		e.UnpricedModels = slices.Insert(e.UnpricedModels, i, model)
	}
}

// Complete reports whether every token added was priced.
func (e *Estimate) Complete() bool { return e.UnpricedTokens == 0 }

// String shows the estimate for people: "$12.34" when complete, else
// "≥ $12.34 (1,234 tokens unpriced)".
func (e *Estimate) String() string {
	s := fmt.Sprintf("$%.2f", e.USD)
	if e.Complete() {
		return s
	}
	return fmt.Sprintf("≥ %s (%s tokens unpriced)", s, groupThousands(e.UnpricedTokens))
}

// groupThousands formats n with comma thousands separators.
func groupThousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}
