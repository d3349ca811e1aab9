package app

import (
	"context"
	"time"

	"usagedash/backend"
)

// ReportService is bound to the window: it lists periods and fetches the
// active profile's report through the workspace.
type ReportService struct {
	life    *Lifecycle
	ws      *Workspace
	loc     *time.Location
	now     func() time.Time
	timeout time.Duration
	// prices returns the price table (with the user's overrides) each fetch
	// computes Report.Pricing with; nil: no pricing.
	prices func() backend.Pricer
}

// NewReportService returns a ReportService with periods resolved in loc,
// each fetch bounded by timeout and priced with prices (nil: unpriced).
func NewReportService(life *Lifecycle, ws *Workspace, loc *time.Location, timeout time.Duration, prices func() backend.Pricer) *ReportService {
	return &ReportService{life: life, ws: ws, loc: loc, now: time.Now, timeout: timeout, prices: prices}
}

// Presets lists the period presets the window offers.
func (s *ReportService) Presets() []backend.Preset { return backend.Presets }

// Source describes the active profile's source (no secrets).
func (s *ReportService) Source() (*backend.SourceInfo, error) {
	p, err := s.ws.ActiveProfile()
	if err != nil {
		return nil, err
	}
	src, _, err := s.ws.Connections().Source(p.ID)
	if err != nil {
		return nil, err
	}
	info := src.Info()
	if info.Account == "" {
		info.Account = p.Account + p.Login
	}
	return &info, nil
}

// Fetch returns the active profile's report for the requested period.
// When the platform refuses the session, the workspace drops the token so
// the window asks to sign in again.
func (s *ReportService) Fetch(req backend.PeriodRequest) (*backend.Report, error) {
	period, err := backend.ResolveRequest(req, s.now(), s.loc)
	if err != nil {
		return nil, err
	}
	p, err := s.ws.ActiveProfile()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(s.life.Context(), s.timeout)
	defer cancel()
	q := backend.Query{Account: p.Account, Period: period}
	if s.prices != nil {
		q.Pricer = s.prices()
	}
	return s.ws.Fetch(ctx, p, q)
}

// Stored returns the newest stored report of the active profile for the
// requested period, so the window can paint what it last knew before the
// network answers. ENOTFOUND when there is none.
func (s *ReportService) Stored(req backend.PeriodRequest) (*StoredReport, error) {
	period, err := backend.ResolveRequest(req, s.now(), s.loc)
	if err != nil {
		return nil, err
	}
	p, err := s.ws.ActiveProfile()
	if err != nil {
		return nil, err
	}
	r, e, err := s.ws.History().Latest(p.ID, period)
	if err != nil {
		return nil, err
	}
	return &StoredReport{Report: r, Entry: e}, nil
}
