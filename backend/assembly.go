package backend

import "sync"

// Assembly builds a report from parts that arrive separately and possibly
// concurrently (a source that fetches them with separate calls), handing
// each to Query.OnPart as it settles. It is safe for concurrent use.
type Assembly struct {
	mu     sync.Mutex
	q      Query
	report *Report
	err    error
}

// NewAssembly starts assembling q's report into r (which holds what every
// part shares: Source, Period, GeneratedAt).
func NewAssembly(q Query, r *Report) *Assembly {
	return &Assembly{q: q, report: r}
}

// Settle records part's status, after fill (when not nil) has written the
// part's fields into the report, and passes the report to Query.OnPart.
// Parts the query does not want are ignored, and so is every part once the
// assembly has failed.
func (a *Assembly) Settle(part ReportPart, st PartStatus, fill func(r *Report)) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.err != nil || !a.q.Wants(part) {
		return
	}
	if fill != nil {
		fill(a.report)
	}
	a.report.SetPart(part, st)
	if a.q.OnPart != nil {
		a.q.OnPart(part, a.report)
	}
}

// Fail fails the whole report with err (the first error wins); parts that
// settle later are dropped.
func (a *Assembly) Fail(err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.err == nil {
		a.err = err
	}
}

// Result returns the report, or the error that failed it. Call it once every
// part has settled.
func (a *Assembly) Result() (*Report, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.err != nil {
		return nil, a.err
	}
	return a.report, nil
}
