package app

import (
	"context"
	"time"

	"usagedash/backend"
)

// figures are the glance's costs and when they were current.
type figures struct {
	today, month float64
	asOf         time.Time
	stale        bool // from the history: the source could not be reached
}

// GlanceFetcher gets today's and this month's cost of a profile: live
// through the workspace (so a refused token is dropped and the history
// policy applies), or, when the source fails, the last stored figures.
type GlanceFetcher struct {
	ws      *Workspace
	loc     *time.Location
	timeout time.Duration
}

// NewGlanceFetcher returns a GlanceFetcher resolving days in loc, each
// report bounded by timeout.
func NewGlanceFetcher(ws *Workspace, loc *time.Location, timeout time.Duration) *GlanceFetcher {
	return &GlanceFetcher{ws: ws, loc: loc, timeout: timeout}
}

// glancePresets are the periods a glance shows, in figures' order.
var glancePresets = []backend.PresetID{backend.PresetToday, backend.PresetThisMonth}

// Figures returns p's figures at now; live is false when they came from
// the history (or, with asOf zero, when there are none at all).
func (f *GlanceFetcher) Figures(ctx context.Context, p backend.Profile, now time.Time) (fig figures, live bool) {
	periods := make([]backend.Period, len(glancePresets))
	for i, preset := range glancePresets {
		periods[i], _ = backend.ResolveRequest(backend.PeriodRequest{Preset: string(preset)}, now, f.loc)
	}
	if costs, err := f.fetch(ctx, p, periods); err == nil {
		return figures{today: costs[0], month: costs[1], asOf: now}, true
	}
	return f.stored(p, periods), false
}

// fetch asks the source for each period's totals.
func (f *GlanceFetcher) fetch(ctx context.Context, p backend.Profile, periods []backend.Period) ([]float64, error) {
	costs := make([]float64, len(periods))
	for i, per := range periods {
		cctx, cancel := context.WithTimeout(ctx, f.timeout)
		// The tray needs the totals: no per-bucket calls to a platform.
		r, err := f.ws.Fetch(cctx, p, backend.Query{Account: p.Account, Period: per, TotalsOnly: true})
		cancel()
		if err != nil {
			return nil, err
		}
		costs[i] = r.TotalCostUSD
	}
	return costs, nil
}

// stored returns the newest stored figures (asOf: the oldest of them), or
// none when a period has no stored report.
func (f *GlanceFetcher) stored(p backend.Profile, periods []backend.Period) figures {
	costs := make([]float64, len(periods))
	var when time.Time
	for i, per := range periods {
		r, e, err := f.ws.History().Latest(p.ID, per)
		if err != nil {
			return figures{stale: true}
		}
		costs[i] = r.TotalCostUSD
		if when.IsZero() || e.FetchedAt.Before(when) {
			when = e.FetchedAt
		}
	}
	return figures{today: costs[0], month: costs[1], asOf: when, stale: true}
}
