package backend

import (
	"context"
	"sync"
	"time"
)

// FetchPlan says how to fetch one report: from which source, with which
// query, and within how long (0: no deadline for the whole fetch, as for
// the platform API, whose every call has its own).
type FetchPlan struct {
	Source  Source
	Query   Query
	Timeout time.Duration
}

// Fetches runs the window's report fetches part by part, so the app layer
// can offer one method per part: each call asks for one part of the report
// of a key (a profile and a period) and gets it as soon as it has arrived,
// while one fetch serves every part. A fetch serves each part once: asking
// again for a part the current fetch has already served (a refresh) starts
// a new fetch, which the other parts' calls then join. It is safe for
// concurrent use.
type Fetches struct {
	base context.Context
	// OnReport, when set, is called (from the fetch's goroutine) with each
	// fetch's whole report once every part has settled and the totals are
	// done: a retried part is merged into the report it completes. The app
	// keeps it in the history.
	OnReport func(key string, r *Report)

	mu      sync.Mutex
	current map[string]*fetch
	last    map[string]*Report // the newest whole report of each key
}

// fetch is one report fetch and the parts it has delivered.
type fetch struct {
	parts  map[ReportPart]*partSlot
	served map[ReportPart]bool
	report *Report // the parts delivered so far (guarded by Fetches.mu)
}

// partSlot holds one part until it arrives.
type partSlot struct {
	done   chan struct{}
	result PartResult
}

// NewFetches runs fetches under base: cancelling it (shutdown) cancels every
// fetch in flight.
func NewFetches(base context.Context) *Fetches {
	return &Fetches{base: base, current: map[string]*fetch{}, last: map[string]*Report{}}
}

// Part returns part of key's report, waiting until it has arrived or ctx
// ends. It joins the current fetch of key when that fetch has not served
// part yet; otherwise it starts a new fetch of every part with plan. A part
// that failed or is unavailable is a result too (see PartResult.Status); the
// error is for ctx ending or plan failing.
func (f *Fetches) Part(ctx context.Context, key string, part ReportPart, plan func() (FetchPlan, error)) (*PartResult, error) {
	return f.await(ctx, key, part, nil, plan)
}

// Retry fetches part of key's report again, alone (a failed part's Retry),
// and returns it when it has arrived; the other parts stay as they were.
func (f *Fetches) Retry(ctx context.Context, key string, part ReportPart, plan func() (FetchPlan, error)) (*PartResult, error) {
	return f.await(ctx, key, part, []ReportPart{part}, plan)
}

func (f *Fetches) await(ctx context.Context, key string, part ReportPart, only []ReportPart, plan func() (FetchPlan, error)) (*PartResult, error) {
	f.mu.Lock()
	cur := f.current[key]
	if only != nil || cur == nil || cur.served[part] || cur.parts[part] == nil {
		cur = f.start(key, only, plan)
	}
	cur.served[part] = true
	slot := cur.parts[part]
	f.mu.Unlock()
	select {
	case <-slot.done:
		res := slot.result
		return &res, nil
	case <-ctx.Done():
		return nil, WrapError(ctx.Err(), EUNAVAILABLE, "usagedash stopped waiting for this part of the report.")
	}
}

// start registers a new fetch of key (of the given parts; nil: all) and
// runs it. f.mu is held.
func (f *Fetches) start(key string, only []ReportPart, plan func() (FetchPlan, error)) *fetch {
	parts := only
	if parts == nil {
		parts = AllParts
	}
	ft := &fetch{parts: map[ReportPart]*partSlot{}, served: map[ReportPart]bool{}, report: &Report{}}
	if prev := f.last[key]; only != nil && prev != nil {
		ft.report = prev.Snapshot() // a retried part completes the report it belongs to
	}
	for _, p := range parts {
		ft.parts[p] = &partSlot{done: make(chan struct{})}
	}
	f.current[key] = ft
	go f.run(key, ft, only, plan)
	return ft
}

// run fetches ft's parts and hands each to its slot as it arrives.
func (f *Fetches) run(key string, ft *fetch, only []ReportPart, plan func() (FetchPlan, error)) {
	fp, err := plan()
	if err != nil {
		failed := &Report{}
		for p := range ft.parts {
			failed.SetPart(p, PartFailure(err))
		}
		for p := range ft.parts {
			f.deliver(key, ft, PartResult{Part: p, Status: failed.PartStatusOf(p), Report: failed.Snapshot()})
		}
		return
	}
	ctx, cancel := f.base, context.CancelFunc(func() {})
	if fp.Timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, fp.Timeout)
	}
	defer cancel()
	q := fp.Query
	q.Parts = only
	if _, err := ReportInParts(ctx, fp.Source, q, func(p PartResult) { f.deliver(key, ft, p) }); err != nil {
		return
	}
	f.mu.Lock()
	r := ft.report.Snapshot()
	f.mu.Unlock()
	if f.OnReport != nil && r.PartStatusOf(PartTotals).State == PartDone {
		f.OnReport(key, r)
	}
}

// deliver merges p into ft's report, keeps that as key's newest report once
// its totals are done, and only then hands p to the callers waiting for it,
// so a Retry started after a part arrived completes a report that has it.
func (f *Fetches) deliver(key string, ft *fetch, p PartResult) {
	slot := ft.parts[p.Part]
	if slot == nil {
		return
	}
	f.mu.Lock()
	ft.report.MergePart(p.Part, p.Report)
	if ft.report.PartStatusOf(PartTotals).State == PartDone {
		f.last[key] = ft.report.Snapshot()
	}
	f.mu.Unlock()
	slot.result = p
	close(slot.done)
}
