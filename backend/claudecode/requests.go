package claudecode

import (
	"context"
	"time"

	"usagedash/backend"
)

// Request is one counted API request as a report priced it, for exports and
// for comparing with other tools request by request.
type Request struct {
	At                      time.Time
	Model, Project, Session string
	Tokens                  Tokens
	// Priced is false for a model without a known price (USD is then 0 and
	// is no cost); Rules are the pricing rules applied.
	Priced bool
	USD    float64
	Rules  backend.PriceRule
}

// Requests refreshes, then calls fn with every request in q's period, priced
// with q.Pricer, in no particular order.
func (s *Source) Requests(ctx context.Context, q backend.Query, fn func(Request)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.refresh(ctx); err != nil {
		return err
	}
	s.prices.use(q.Pricer, s.ledger)
	names := s.ledger.names
	for i := range s.ledger.requests {
		r := &s.ledger.requests[i]
		if !s.scoped(r.file) || !inPeriod(r, q.Period) {
			continue
		}
		p := s.prices.price(i, r, s.ledger)
		fn(Request{At: time.UnixMilli(r.at).UTC(), Model: names[r.model], Project: names[r.project], Session: names[r.session],
			Tokens: r.tokens, Priced: p.priced, USD: p.usd, Rules: p.rules})
	}
	return nil
}

// inPeriod reports whether r falls in p; a request without a time falls
// only in the open (all-time) period.
func inPeriod(r *request, p backend.Period) bool {
	if r.at == 0 {
		return p.Start == nil && p.End == nil
	}
	return p.Contains(time.UnixMilli(r.at))
}
