package app

import (
	"log/slog"
	"sync"
	"time"

	"usagedash/backend"
	"usagedash/backend/history"
)

// totalsEvery spaces out totals-only reports (the tray's refreshes) in the
// history, so refreshes every few minutes do not crowd out the reports
// people fetched.
const totalsEvery = time.Hour

// HistoryPolicy decides which fetched reports the history keeps, the same
// way for the window's fetches and the tray's refreshes: a full report is
// always kept (it is what someone looked at); a totals-only report is kept
// only when the history has no report of its profile and period from the
// last totalsEvery (enough for the offline fall-back).
type HistoryPolicy struct {
	store *history.Store // nil: no history

	mu sync.Mutex
	// kept remembers when each profile+period was last stored, so the
	// history is read only after a restart.
	kept map[string]time.Time
}

// NewHistoryPolicy returns the policy over store (nil: keep nothing).
func NewHistoryPolicy(store *history.Store) *HistoryPolicy {
	return &HistoryPolicy{store: store, kept: map[string]time.Time{}}
}

// Store returns the history store (nil: no history).
func (h *HistoryPolicy) Store() *history.Store { return h.store }

// Keep stores r, fetched for p with q, when the policy says so; a failure
// costs only the history entry (and is logged).
func (h *HistoryPolicy) Keep(p backend.Profile, q backend.Query, r *backend.Report) {
	if h.store == nil {
		return
	}
	period := history.PeriodKey(q.Period)
	key := p.ID + "/" + period
	if q.TotalsOnly && time.Since(h.lastKept(key, p.ID, period)) < totalsEvery {
		return
	}
	e, err := h.store.Save(p.ID, p.Name, r)
	if err != nil {
		slog.Warn("could not keep the report in the history", "err", err)
		return
	}
	h.mu.Lock()
	h.kept[key] = e.FetchedAt
	h.mu.Unlock()
}

// lastKept is when the history last stored a report for key.
func (h *HistoryPolicy) lastKept(key, profileID, period string) time.Time {
	h.mu.Lock()
	last, known := h.kept[key]
	h.mu.Unlock()
	if !known {
		if _, e, err := h.store.Latest(profileID, period); err == nil {
			last = e.FetchedAt
		}
	}
	return last
}

// Latest returns the newest stored report of profileID for period.
func (h *HistoryPolicy) Latest(profileID string, period backend.Period) (*backend.Report, history.Entry, error) {
	if h.store == nil {
		return nil, history.Entry{}, backend.Errorf(backend.ENOTFOUND, "No report history.")
	}
	return h.store.Latest(profileID, history.PeriodKey(period))
}
