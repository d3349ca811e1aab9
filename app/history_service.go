package app

import (
	"usagedash/backend"
	"usagedash/backend/history"
	"usagedash/backend/usage"
)

// StoredReport is a report from the history with when it was fetched.
type StoredReport struct {
	Report *backend.Report `json:"report"`
	Entry  history.Entry   `json:"entry"`
}

// History is the stored reports, newest first, and the files that could
// not be read (shown as warnings, never fatal).
type History struct {
	Entries  []history.Entry   `json:"entries"`
	Warnings []history.Warning `json:"warnings"`
}

// ReportDiff is how a newer stored report differs from an older one.
type ReportDiff struct {
	From                backend.Report `json:"from"`
	To                  backend.Report `json:"to"`
	CostUSD             float64        `json:"cost_usd"`
	TotalTokens         int64          `json:"total_tokens"`
	InputTokens         int64          `json:"input_tokens"`
	OutputTokens        int64          `json:"output_tokens"`
	CacheCreationTokens int64          `json:"cache_creation_tokens"`
	CacheReadTokens     int64          `json:"cache_read_tokens"`
}

// HistoryService is bound to the window: it lists, opens, compares and
// deletes stored reports. It needs no network.
type HistoryService struct {
	store *history.Store
}

// NewHistoryService returns a HistoryService over store (nil: history is
// unavailable and every call says so).
func NewHistoryService(store *history.Store) *HistoryService { return &HistoryService{store: store} }

// List returns the stored reports of a profile ("" for all profiles).
func (h *HistoryService) List(profileID string) (*History, error) {
	if err := h.available(); err != nil {
		return nil, err
	}
	entries, warnings, err := h.store.List(profileID)
	if err != nil {
		return nil, err
	}
	if entries == nil {
		entries = []history.Entry{}
	}
	if warnings == nil {
		warnings = []history.Warning{}
	}
	return &History{Entries: entries, Warnings: warnings}, nil
}

// Get opens one stored report.
func (h *HistoryService) Get(id string) (*StoredReport, error) {
	if err := h.available(); err != nil {
		return nil, err
	}
	r, e, err := h.store.Get(id)
	if err != nil {
		return nil, err
	}
	return &StoredReport{Report: r, Entry: e}, nil
}

// Delete removes one stored report.
func (h *HistoryService) Delete(id string) error {
	if err := h.available(); err != nil {
		return err
	}
	return h.store.Delete(id)
}

// Compare returns how stored report toID differs from fromID.
func (h *HistoryService) Compare(fromID, toID string) (*ReportDiff, error) {
	from, err := h.Get(fromID)
	if err != nil {
		return nil, err
	}
	to, err := h.Get(toID)
	if err != nil {
		return nil, err
	}
	a, b := from.Report, to.Report
	return &ReportDiff{
		From: *a, To: *b,
		CostUSD:             usage.RoundCost(b.TotalCostUSD - a.TotalCostUSD),
		TotalTokens:         b.TotalTokens - a.TotalTokens,
		InputTokens:         b.TotalInputTokens - a.TotalInputTokens,
		OutputTokens:        b.TotalOutputTokens - a.TotalOutputTokens,
		CacheCreationTokens: b.TotalCacheCreationTokens - a.TotalCacheCreationTokens,
		CacheReadTokens:     b.TotalCacheReadTokens - a.TotalCacheReadTokens,
	}, nil
}

func (h *HistoryService) available() error {
	if h.store == nil {
		return backend.Errorf(backend.EUNAVAILABLE, "The report history could not be opened; see the app's log.")
	}
	return nil
}
