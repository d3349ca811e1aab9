package claudecode

import (
	"cmp"
	"context"
	"slices"
	"sort"
	"time"

	"usagedash/backend"
	"usagedash/backend/usage"
)

// Labels of rows whose key names nothing.
const (
	unknownProject = "Unknown project"
	unknownSession = "Unknown session"
	unknownModel   = "Unknown model"
)

// Report refreshes (reads what was appended since the last refresh), then
// computes q's report from every request counted in q's period: totals,
// usage over time, and breakdowns by model, project (ByWorkflow) and session
// (ByInstance). Claude Code records no cost, so the headline cost is the
// cost computed request by request with q.Pricer (SourceInfo.CostComputed);
// a request of a model without a known price adds its tokens to
// Pricing.UnpricedTokens, never $0. q.Account is ignored: the transcripts
// are this computer's user's.
func (s *Source) Report(ctx context.Context, q backend.Query) (*backend.Report, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.refresh(ctx); err != nil {
		return nil, err
	}
	return s.build(q), nil
}

// acc sums requests for one row.
type acc struct {
	requests                                int64
	input, output, cacheCreation, cacheRead int64
	usd, saved                              float64
	unpricedTokens, unconfirmed             int64
	rules                                   [8]int64 // requests per price rule bit
}

func (a *acc) add(r *request, p *cachedPrice) {
	a.requests++
	t := &r.tokens
	a.input += t.Input
	a.output += t.Output
	a.cacheCreation += t.CacheCreation
	a.cacheRead += t.CacheRead
	if !p.priced {
		a.unpricedTokens += t.Sum()
		return
	}
	a.usd += p.usd
	a.saved += p.saved
	if p.unconfirmed {
		a.unconfirmed++
	}
	if p.rules == 0 {
		return
	}
	for bit := range a.rules {
		if p.rules&(1<<bit) != 0 {
			a.rules[bit]++
		}
	}
}

func (a *acc) tokens() backend.TokenBreakdown {
	return backend.TokenBreakdown{InputTokens: a.input, OutputTokens: a.output, CacheCreationInputTokens: a.cacheCreation,
		CacheReadInputTokens: a.cacheRead, TotalTokens: a.input + a.output + a.cacheCreation + a.cacheRead}
}

func (a *acc) row(key, label string) backend.UsageRow {
	usd := usage.RoundCost(a.usd)
	return backend.UsageRow{Key: key, Label: label, Logs: a.requests, Tokens: a.tokens(), CostUSD: usd,
		ComputedUSD: usd, UnpricedTokens: a.unpricedTokens}
}

// build computes the report of q from the ledger.
func (s *Source) build(q backend.Query) *backend.Report {
	p := q.Period
	loc := p.Location()
	s.prices.use(q.Pricer, s.ledger)
	var total acc
	n := len(s.ledger.names)
	models, projects, sessions := make(byName, n), make(byName, n), make(byName, n)
	var matched []int32
	first, last := int64(1<<62), int64(-1<<62)
	seen := make([]bool, n) // projects and sessions with requests at any time
	var allProjects, allSessions int64
	for i := range s.ledger.requests {
		r := &s.ledger.requests[i]
		if !s.scoped(r.file) {
			continue
		}
		if !seen[r.project] {
			seen[r.project] = true
			allProjects++
		}
		if !seen[r.session] {
			seen[r.session] = true
			allSessions++
		}
		if !inPeriod(r, p) {
			continue
		}
		pr := s.prices.price(i, r, s.ledger)
		total.add(r, pr)
		models.row(r.model).add(r, pr)
		projects.row(r.project).add(r, pr)
		sessions.row(r.session).add(r, pr)
		matched = append(matched, int32(i))
		if r.at != 0 {
			first, last = min(first, r.at), max(last, r.at)
		}
	}
	rep := &backend.Report{
		TotalWorkflows: allProjects,
		TotalInstances: allSessions,
		PeriodStart:    backend.UTCTime(p.Start),
		PeriodEnd:      backend.UTCTime(p.End),
		Source:         s.Info(),
		GeneratedAt:    time.Now().UTC(),
		Period:         p,
		Breakdowns: &backend.Breakdowns{
			ByModel:    s.rows(models, unknownModel, nil),
			ByWorkflow: s.rows(projects, unknownProject, nil),
			ByInstance: s.rows(sessions, unknownSession, func(id uint32) string { return sessionLabel(s.ledger.names[id]) }),
		},
	}
	rep.TokenBreakdown = total.tokens()
	rep.TotalTokens = rep.TokenBreakdown.TotalTokens
	rep.TotalInputTokens, rep.TotalOutputTokens = total.input, total.output
	rep.TotalCacheCreationTokens, rep.TotalCacheReadTokens = total.cacheCreation, total.cacheRead
	if q.Pricer != nil {
		rep.TotalCostUSD = usage.RoundCost(total.usd)
		rep.Pricing = s.pricingSummary(q.Pricer, &total, models)
	}
	rep.CountActive()
	rep.Derive()
	s.series(rep, matched, first, last, loc)
	rep.RecordOnlyDays = s.recordOnlyDays(matched, loc)
	rep.Notes = s.notes(&total, q.Pricer != nil, len(rep.RecordOnlyDays))
	return rep
}

// scoped reports whether the transcript with name id file lies under one of
// the source's folders.
func (s *Source) scoped(file uint32) bool {
	if int(file) >= len(s.inScope) {
		s.inScope = append(s.inScope, make([]uint8, len(s.ledger.names)-len(s.inScope))...)
	}
	if s.inScope[file] == 0 {
		s.inScope[file] = 2
		if underAny(s.ledger.names[file], s.folders) {
			s.inScope[file] = 1
		}
	}
	return s.inScope[file] == 1
}

// byName holds one row's sums per name id (nil: no request).
type byName []*acc

func (b byName) row(id uint32) *acc {
	if b[id] == nil {
		b[id] = &acc{}
	}
	return b[id]
}

// rows turns per-name sums into rows sorted by cost, then key.
func (s *Source) rows(m byName, unknown string, label func(id uint32) string) []backend.UsageRow {
	var out []backend.UsageRow
	for id, a := range m {
		if a == nil {
			continue
		}
		key := s.ledger.names[id]
		l := key
		switch {
		case key == "":
			l = unknown
		case label != nil:
			l = label(uint32(id))
		}
		out = append(out, a.row(key, l))
	}
	slices.SortFunc(out, func(x, y backend.UsageRow) int {
		return cmp.Or(cmp.Compare(y.CostUSD, x.CostUSD), cmp.Compare(x.Key, y.Key))
	})
	return out
}

// sessionLabel is a session id shortened to 8 characters, as the other
// sources show instance ids.
func sessionLabel(id string) string {
	if len(id) > 8 {
		return id[:8]
	}
	return id
}

// pricingSummary is the report's Pricing: every request priced on its own.
func (s *Source) pricingSummary(pricer backend.Pricer, total *acc, models byName) *backend.PricingSummary {
	usd := usage.RoundCost(total.usd)
	ps := &backend.PricingSummary{TableVersion: pricer.Version(), TableSource: pricer.Source(),
		ComputedUSD: usd, UnpricedTokens: total.unpricedTokens, UnpricedModels: []string{},
		LogsWithoutCost: total.requests, FilledInUSD: usd, EstimatedUSD: usd,
		LongContextLogs: total.rules[bitOf(backend.RuleLongContext)], CacheSavingsUSD: usage.RoundCost(total.saved)}
	for id, a := range models {
		if a != nil && a.unpricedTokens > 0 && s.ledger.names[id] != "" {
			ps.UnpricedModels = append(ps.UnpricedModels, s.ledger.names[id])
		}
	}
	slices.Sort(ps.UnpricedModels)
	if prompt := total.input + total.cacheCreation + total.cacheRead; prompt > 0 {
		ps.CacheHitRatio = float64(total.cacheRead) / float64(prompt)
	}
	return ps
}

// bitOf is the bit number of a single rule.
func bitOf(rule backend.PriceRule) int {
	for b := 0; b < 16; b++ {
		if rule == 1<<b {
			return b
		}
	}
	return 0
}

// series sets rep.Series: a row per bucket of the period (or, for an open
// period, from the first to the last request), zero rows included, so the
// rows sum to the headline figures. Requests without a time (all-time
// reports only) get a "No date" row first.
func (s *Source) series(rep *backend.Report, matched []int32, first, last int64, loc *time.Location) {
	p := rep.Period
	from, to := time.UnixMilli(first), time.UnixMilli(last)
	if p.Start != nil {
		from = *p.Start
	}
	if p.End != nil {
		to = *p.End
	}
	var buckets []backend.Bucket
	if !to.Before(from) {
		var err error
		if buckets, err = backend.BucketsBetween(p.BucketSize(), from, to, loc); err != nil {
			rep.SeriesNote = "Usage over time is not shown: " + backend.ErrorMessage(err)
			return
		}
	}
	sums := make([]acc, len(buckets))
	starts, ends := make([]int64, len(buckets)), make([]int64, len(buckets))
	for k, b := range buckets {
		starts[k], ends[k] = b.Start.UnixMilli(), b.End.UnixMilli()
	}
	cur := 0 // the bucket of the last request
	var noDate *acc
	for _, i := range matched {
		r := &s.ledger.requests[i]
		pr := s.prices.cached(int(i))
		if r.at == 0 {
			if noDate == nil {
				noDate = &acc{}
			}
			noDate.add(r, pr)
			continue
		}
		if r.at < starts[cur] || r.at > ends[cur] { // requests come mostly in time order
			cur = min(sort.Search(len(ends), func(k int) bool { return ends[k] >= r.at }), len(ends)-1)
		}
		sums[cur].add(r, pr)
	}
	rows := make([]backend.UsageRow, 0, len(buckets)+1)
	if noDate != nil {
		rows = append(rows, noDate.row("", usage.NoDate))
	}
	for k, b := range buckets {
		rows = append(rows, sums[k].row(b.Key, b.Label))
	}
	rep.Series = &backend.Series{Bucket: p.BucketSize(), Rows: rows}
}
