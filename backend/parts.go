package backend

import (
	"context"
	"maps"
	"sync"
)

// ReportPart names one part of a report that a source delivers on its own,
// so the window paints the headline totals without waiting for the rest.
type ReportPart string

// The parts of a report. PartTotals is the headline: the platform's
// UserUsageStats fields, Derived and Coverage. The others are Report.Series
// (with SeriesNote), Report.Breakdowns and Report.Pricing.
const (
	PartTotals     ReportPart = "totals"
	PartSeries     ReportPart = "series"
	PartBreakdowns ReportPart = "breakdowns"
	PartPricing    ReportPart = "pricing"
)

// AllParts lists every part, headline first.
var AllParts = []ReportPart{PartTotals, PartSeries, PartBreakdowns, PartPricing}

// PartState is how far one part of a report got.
type PartState string

// The states of a part. The window's own "loading" is the absence of a
// state: a part not in Report.Parts has not arrived (or was not asked for).
const (
	// PartDone: the part is in the report.
	PartDone PartState = "done"
	// PartFailed: fetching the part failed; Message says why and Retryable
	// whether asking again may help.
	PartFailed PartState = "failed"
	// PartUnavailable: the source cannot give this part for this query (the
	// platform API has no breakdowns; a series of an open period); Message
	// says why. Asking again will not change it.
	PartUnavailable PartState = "unavailable"
)

// PartStatus is the state of one part of a report.
type PartStatus struct {
	State PartState `json:"state" ts_type:"string"`
	// Message says, in words fit to show, why the part failed or is
	// unavailable ("" when done).
	Message string `json:"message,omitempty"`
	// Code is the failure's error code (EUNAVAILABLE, EUNAUTHORIZED, ...).
	Code string `json:"code,omitempty"`
	// Retryable is set on a failure that asking again may fix.
	Retryable bool `json:"retryable,omitempty"`
}

// PartFailure is the status of a part whose fetch failed with err.
func PartFailure(err error) PartStatus {
	code := ErrorCode(err)
	retry := code != EUNAUTHORIZED && code != EINVALID && code != ENOTFOUND
	return PartStatus{State: PartFailed, Message: ErrorMessage(err), Code: code, Retryable: retry}
}

// Unavailable is the status of a part the source cannot give, for reason.
func Unavailable(reason string) PartStatus {
	return PartStatus{State: PartUnavailable, Message: reason}
}

// Wants reports whether q asks for part: every part when q.Parts is empty,
// only the headline when q.TotalsOnly.
func (q Query) Wants(part ReportPart) bool {
	if q.TotalsOnly {
		return part == PartTotals
	}
	if len(q.Parts) == 0 {
		return true
	}
	for _, p := range q.Parts {
		if p == part {
			return true
		}
	}
	return false
}

// SetPart records part's status in r.
func (r *Report) SetPart(part ReportPart, st PartStatus) {
	if r.Parts == nil {
		r.Parts = map[ReportPart]PartStatus{}
	}
	r.Parts[part] = st
}

// PartStatusOf returns part's status in r. A report without Parts (stored
// before parts existed, or built in one pass) holds every part it has a
// field for: the totals always, the others when their field is set.
func (r *Report) PartStatusOf(part ReportPart) PartStatus {
	if st, ok := r.Parts[part]; ok {
		return st
	}
	if r.Parts != nil {
		return PartStatus{}
	}
	has := map[ReportPart]bool{PartTotals: true, PartSeries: r.Series != nil,
		PartBreakdowns: r.Breakdowns != nil, PartPricing: r.Pricing != nil}
	if has[part] {
		return PartStatus{State: PartDone}
	}
	if part == PartSeries && r.SeriesNote != "" {
		return Unavailable(r.SeriesNote)
	}
	return PartStatus{}
}

// Snapshot returns a copy of r that later SetPart calls on r do not change.
// The parts' own values (Series, Breakdowns, Pricing) are shared: sources
// never change them once set.
func (r *Report) Snapshot() *Report {
	c := *r
	c.Parts = maps.Clone(r.Parts)
	return &c
}

// MergePart copies part (its fields and status) from src into r.
func (r *Report) MergePart(part ReportPart, src *Report) {
	switch part {
	case PartTotals:
		parts, series, note, b, p := r.Parts, r.Series, r.SeriesNote, r.Breakdowns, r.Pricing
		*r = *src
		r.Parts, r.Series, r.SeriesNote, r.Breakdowns, r.Pricing = parts, series, note, b, p
	case PartSeries:
		r.Series, r.SeriesNote = src.Series, src.SeriesNote
	case PartBreakdowns:
		r.Breakdowns = src.Breakdowns
	case PartPricing:
		r.Pricing = src.Pricing
	}
	r.SetPart(part, src.PartStatusOf(part))
}

// noPart is the message of a part a source left unset.
const noPart = "This connection does not provide this part of the report."

// PartResult is one part of a report as it arrives.
type PartResult struct {
	Part   ReportPart `json:"part" ts_type:"string"`
	Status PartStatus `json:"status"`
	// Report is the report as far as it has arrived: its Parts say which
	// parts it holds (this one among them).
	Report *Report `json:"report"`
}

// ReportInParts fetches q's report from src and calls deliver once for each
// part q wants, as soon as the part has arrived: a source that fetches parts
// separately (the platform API) delivers its headline first, a source that
// computes every part in one pass delivers them together when it is done.
// deliver is never called concurrently. The returned report holds every
// part; it is nil with the error when the whole fetch failed (for example the
// session ended), after deliver had the parts that arrived before.
func ReportInParts(ctx context.Context, src Source, q Query, deliver func(PartResult)) (*Report, error) {
	var mu sync.Mutex
	sent := map[ReportPart]bool{}
	send := func(part ReportPart, r *Report) {
		mu.Lock()
		defer mu.Unlock()
		if sent[part] || !q.Wants(part) {
			return
		}
		sent[part] = true
		deliver(PartResult{Part: part, Status: r.PartStatusOf(part), Report: r.Snapshot()})
	}
	inner := q
	inner.OnPart = func(part ReportPart, r *Report) {
		send(part, r)
		if q.OnPart != nil {
			q.OnPart(part, r)
		}
	}
	r, err := src.Report(ctx, inner)
	if err != nil {
		failed := &Report{}
		for _, part := range AllParts {
			failed.SetPart(part, PartFailure(err))
		}
		for _, part := range AllParts {
			send(part, failed)
		}
		return nil, err
	}
	for _, part := range AllParts {
		if r.PartStatusOf(part).State == "" {
			r.SetPart(part, Unavailable(noPart))
		}
		send(part, r)
	}
	return r, nil
}

// NoteNoPriceTable is the message of the pricing part of a report computed
// without a price table.
const NoteNoPriceTable = "No price table was given, so costs were not computed from tokens."

// SettleOnePass completes a report computed in one pass (a MongoDB scan):
// it counts what was active in the period (Coverage), records every part's
// status (the series unavailable with its SeriesNote when it could not be
// built, the pricing unavailable without a price table) and marks the
// series' computed costs unknown when nothing was priced.
func (r *Report) SettleOnePass() {
	done := PartStatus{State: PartDone}
	r.CountActive()
	r.SetPart(PartTotals, done)
	r.SetPart(PartBreakdowns, done)
	if r.Breakdowns == nil {
		r.SetPart(PartBreakdowns, Unavailable(noPart))
	}
	r.SetPart(PartSeries, done)
	if r.Series == nil {
		r.SetPart(PartSeries, Unavailable(r.SeriesNote))
	}
	r.SetPart(PartPricing, done)
	if r.Pricing == nil {
		r.SetPart(PartPricing, Unavailable(NoteNoPriceTable))
		if r.Series != nil {
			r.Series.MarkUnknown(FieldComputedUSD, FieldUnpricedTokens)
		}
	}
}
