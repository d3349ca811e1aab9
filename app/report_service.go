package app

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"usagedash/backend"
	"usagedash/backend/history"
	"usagedash/backend/platform"
)

// ReportService is bound to the window: it lists periods and fetches the
// active profile's report.
type ReportService struct {
	life    *Lifecycle
	conns   *Connections
	store   *history.Store
	loc     *time.Location
	now     func() time.Time
	timeout time.Duration
	// Prices, when set, returns the price table (with the user's overrides)
	// each fetch computes Report.Pricing with.
	Prices func() backend.Pricer
}

// NewReportService returns a ReportService with periods resolved in loc and
// each fetch bounded by timeout. Fetched reports are kept in store (nil: no
// history).
func NewReportService(life *Lifecycle, conns *Connections, store *history.Store, loc *time.Location, timeout time.Duration) *ReportService {
	return &ReportService{life: life, conns: conns, store: store, loc: loc, now: time.Now, timeout: timeout}
}

// Presets lists the period presets the window offers.
func (s *ReportService) Presets() []backend.Preset { return backend.Presets }

// Source describes the active profile's source (no secrets).
func (s *ReportService) Source() (*backend.SourceInfo, error) {
	src, p, err := s.activeSource()
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
// When the platform rejects the session, the stored token is dropped so the
// window asks to sign in again.
func (s *ReportService) Fetch(req backend.PeriodRequest) (*backend.Report, error) {
	period, err := backend.ResolveRequest(req, s.now(), s.loc)
	if err != nil {
		return nil, err
	}
	src, p, err := s.activeSource()
	if err != nil {
		return nil, err
	}
	id := p.ID
	ctx, cancel := context.WithTimeout(s.life.Context(), s.timeout)
	defer cancel()
	q := backend.Query{Account: p.Account, Period: period}
	if s.Prices != nil {
		q.Pricer = s.Prices()
	}
	r, err := src.Report(ctx, q)
	if errors.Is(err, platform.ErrSessionExpired) {
		_ = s.conns.Secrets.Delete(ctx, sessionKey(id))
	}
	if err == nil && s.store != nil {
		if _, saveErr := s.store.Save(id, p.Name, r); saveErr != nil {
			slog.Warn("could not keep the report in the history", "err", saveErr)
		}
	}
	return r, err
}

// Stored returns the newest stored report of the active profile for the
// requested period, so the window can paint what it last knew before the
// network answers. ENOTFOUND when there is none.
func (s *ReportService) Stored(req backend.PeriodRequest) (*StoredReport, error) {
	if s.store == nil {
		return nil, backend.Errorf(backend.ENOTFOUND, "No report history.")
	}
	period, err := backend.ResolveRequest(req, s.now(), s.loc)
	if err != nil {
		return nil, err
	}
	id, err := s.activeID()
	if err != nil {
		return nil, err
	}
	r, e, err := s.store.Latest(id, history.PeriodKey(period))
	if err != nil {
		return nil, err
	}
	return &StoredReport{Report: r, Entry: e}, nil
}

// activeSource opens (or reuses) the active profile's source.
func (s *ReportService) activeSource() (backend.Source, backend.Profile, error) {
	id, err := s.activeID()
	if err != nil {
		return nil, backend.Profile{}, err
	}
	return s.conns.Source(id)
}

func (s *ReportService) activeID() (string, error) {
	id, err := s.conns.Profiles.Active()
	if err != nil {
		return "", err
	}
	if id == "" {
		return "", backend.Errorf(backend.ENOTFOUND, "Choose a connection first.")
	}
	return id, nil
}
