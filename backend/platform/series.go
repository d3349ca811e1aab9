package platform

import (
	"context"
	"errors"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"usagedash/backend"
)

// MaxSeriesBuckets is the most buckets (days, or hours of a one-day period)
// a platform report fetches one by one to build its Series.
const MaxSeriesBuckets = 93

// MaxInFlight is the most usage-stats requests one report has in flight at
// a time, the headline request included.
const MaxInFlight = 4

// NoteSeriesTooLong is the SeriesNote of a platform report whose period is
// open (all time) or longer than MaxSeriesBuckets days.
const NoteSeriesTooLong = "Choose a period of at most 93 days to see usage over time from the platform's API."

// NoteSeriesSkipped is the SeriesNote of a report fetched for its totals
// only (Query.TotalsOnly: the tray's refresh).
const NoteSeriesSkipped = "Refresh to load the usage over time: this report was fetched for its totals only."

// noteSeriesFailed starts the SeriesNote of a report whose over-time figures
// could not be fetched; the error's message follows.
const noteSeriesFailed = "The usage over time could not be loaded from the platform: "

// seriesBuckets returns the buckets a platform report fetches for p, or
// none and the note that explains why there is no series.
func seriesBuckets(p backend.Period) ([]backend.Bucket, string) {
	if p.Start == nil || p.End == nil || p.End.Sub(*p.Start) > (MaxSeriesBuckets+2)*24*time.Hour {
		return nil, NoteSeriesTooLong
	}
	buckets, err := p.Buckets()
	if err != nil {
		return nil, "Usage over time is not shown: " + backend.ErrorMessage(err)
	}
	if len(buckets) > MaxSeriesBuckets {
		return nil, NoteSeriesTooLong
	}
	return buckets, ""
}

// seriesFetch collects the rows of a series fetched bucket by bucket.
type seriesFetch struct {
	rows   []backend.UsageRow
	cancel context.CancelFunc
	mu     sync.Mutex
	err    error // the first failure that was not an ended session
}

// fetchSeries queues one usage-stats call per bucket on g (whose limit
// bounds the requests in flight). A call that finds the session ended fails
// g, and with it the whole report; any other failure is kept in the result
// and stops the remaining calls, so the report keeps its headline figures.
func (s *Source) fetchSeries(ctx context.Context, g *errgroup.Group, token string, buckets []backend.Bucket) *seriesFetch {
	ctx, cancel := context.WithCancel(ctx)
	f := &seriesFetch{rows: make([]backend.UsageRow, len(buckets)), cancel: cancel}
	for i, b := range buckets {
		g.Go(func() error {
			if ctx.Err() != nil {
				return nil // another call failed, or the report did
			}
			stats, err := s.client.UsageStats(ctx, token, backend.Period{Start: &b.Start, End: &b.End})
			if errors.Is(err, ErrSessionExpired) {
				return err
			}
			if err != nil {
				f.fail(err)
				return nil
			}
			f.rows[i] = backend.UsageRow{Key: b.Key, Label: b.Label, Tokens: stats.TokenBreakdown,
				CostUSD: stats.TotalCostUSD, ExecutionTimeMS: stats.TotalExecutionTimeMS}
			return nil
		})
	}
	return f
}

// fail records err if it is the first failure and stops the other calls.
func (f *seriesFetch) fail(err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err == nil {
		f.err = err
		f.cancel()
	}
}

// apply sets r's Series (of the given bucket size) or, when a call failed,
// its SeriesNote. It is called after every call has returned.
func (f *seriesFetch) apply(r *backend.Report, size string) {
	f.cancel()
	if f.err != nil {
		r.Series, r.SeriesNote = nil, noteSeriesFailed+backend.ErrorMessage(f.err)
		return
	}
	r.Series = &backend.Series{Bucket: size, Rows: f.rows}
}
