package app

import (
	"usagedash/backend"
	"usagedash/backend/history"
	"usagedash/backend/pricing"
)

// RecostService is the History view's "reprice": a stored MongoDB report
// (it keeps per-model rows) priced again with the table in force now, shown
// beside the costs it was stored with.
type RecostService struct {
	store  *history.Store
	tables func() *pricing.Table
}

// NewRecostService reprices reports of store (nil: no history) with the
// table tables returns.
func NewRecostService(store *history.Store, tables func() *pricing.Table) *RecostService {
	return &RecostService{store: store, tables: tables}
}

// RecostedReport is a stored report and its repricing.
type RecostedReport struct {
	Stored *StoredReport   `json:"stored"`
	Recost *pricing.Recost `json:"recost"`
}

// Recost reprices the stored report id with the table in force now.
func (s *RecostService) Recost(id string) (*RecostedReport, error) {
	if s.store == nil {
		return nil, backend.Errorf(backend.EUNAVAILABLE, "The report history is unavailable.")
	}
	r, e, err := s.store.Get(id)
	if err != nil {
		return nil, err
	}
	rc, err := pricing.RecostReport(r, s.tables())
	if err != nil {
		return nil, err
	}
	return &RecostedReport{Stored: &StoredReport{Report: r, Entry: e}, Recost: rc}, nil
}
