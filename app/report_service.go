package app

import (
	"context"
	"time"

	"usagedash/backend"
)

// ReportService is bound to the window: it lists periods and fetches reports
// from the configured source.
type ReportService struct {
	life    *Lifecycle
	source  backend.Source
	account string
	loc     *time.Location
	now     func() time.Time
	timeout time.Duration
}

// NewReportService returns a ReportService reading source for account, with
// periods resolved in loc and each fetch bounded by timeout.
func NewReportService(life *Lifecycle, source backend.Source, account string, loc *time.Location, timeout time.Duration) *ReportService {
	return &ReportService{life: life, source: source, account: account, loc: loc, now: time.Now, timeout: timeout}
}

// Presets lists the period presets the window offers.
func (s *ReportService) Presets() []backend.Preset { return backend.Presets }

// Source describes where the numbers come from (no secrets).
func (s *ReportService) Source() backend.SourceInfo {
	info := s.source.Info()
	if info.Account == "" {
		info.Account = s.account
	}
	return info
}

// Fetch returns the report for the given period preset.
func (s *ReportService) Fetch(preset string) (*backend.Report, error) {
	period, err := backend.ResolvePreset(backend.PresetID(preset), s.now(), s.loc)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(s.life.Context(), s.timeout)
	defer cancel()
	return s.source.Report(ctx, backend.Query{Account: s.account, Period: period})
}
