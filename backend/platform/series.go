package platform

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"usagedash/backend"
)

// MaxSeriesBuckets is the most buckets (days, or hours of a one-day period)
// a platform report fetches one by one to build its Series.
const MaxSeriesBuckets = 93

// MaxInFlight is the most usage-stats requests one report has in flight at
// a time: the headline request and MaxInFlight-1 bucket requests.
const MaxInFlight = 4

// BucketTimeout bounds each attempt at one bucket's usage-stats call. There
// is no deadline for the whole series: each bucket has its own.
const BucketTimeout = 10 * time.Second

// bucketRetryDelays are the pauses before the second and third attempt at a
// bucket whose call failed on a transient error (the platform unreachable,
// busy or slow); then the series fails with the error, retryable.
var bucketRetryDelays = []time.Duration{250 * time.Millisecond, time.Second}

// NoteSeriesTooLong is the SeriesNote of a platform report whose period is
// open (all time) or longer than MaxSeriesBuckets days.
const NoteSeriesTooLong = "Choose a period of at most 93 days to see usage over time from the platform's API."

// NoteSeriesSkipped is the SeriesNote of a report fetched for its totals
// only (Query.TotalsOnly: the tray's refresh).
const NoteSeriesSkipped = "Refresh to load the usage over time: this report was fetched for its totals only."

// noteSeriesFailed starts the SeriesNote of a report whose over-time figures
// could not be fetched; the error's message follows.
const noteSeriesFailed = "The usage over time could not be loaded from the platform: "

// seriesUnknown are the row fields a platform series cannot give: the API
// has no log count and no per-log tokens and models to price.
var seriesUnknown = []string{backend.FieldComputedUSD, backend.FieldLogs, backend.FieldUnpricedTokens}

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

// seriesFetch collects the usage of a series' buckets, from the store and
// from one call per open or unknown bucket.
type seriesFetch struct {
	src     *Source
	token   string
	buckets []backend.Bucket
	now     time.Time

	mu     sync.Mutex
	usage  map[string]backend.BucketUsage // by span
	fresh  map[string]backend.BucketUsage // closed buckets fetched now, to store
	failed error                          // the first failure that was not an ended session
}

// series builds p's series: closed buckets from the source's BucketStore,
// buckets that have not begun as zero rows, the others with one
// usage-stats call each, at most MaxInFlight-1 at a
// time, each under BucketTimeout and retried on transient errors. It
// returns the series and its part status; the error is an ended session,
// which fails the whole report. Closed buckets fetched now are stored even
// when another bucket failed, so a retry asks only for what is missing.
func (s *Source) series(ctx context.Context, token string, p backend.Period) (*backend.Series, backend.PartStatus, error) {
	buckets, note := seriesBuckets(p)
	if note != "" {
		return nil, backend.Unavailable(note), nil
	}
	f := &seriesFetch{src: s, token: token, buckets: buckets, now: s.now(),
		usage: map[string]backend.BucketUsage{}, fresh: map[string]backend.BucketUsage{}}
	f.loadStored()
	var missing []backend.Bucket
	for _, b := range buckets {
		if _, ok := f.usage[b.Span()]; !ok && !f.future(b) {
			missing = append(missing, b)
		}
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(MaxInFlight - 1)
	for _, b := range missing {
		g.Go(func() error { return f.fetch(gctx, b) })
	}
	err := g.Wait()
	f.storeFresh()
	if err != nil {
		return nil, backend.PartStatus{}, err
	}
	if f.failed != nil {
		st := backend.PartFailure(f.failed)
		st.Message = noteSeriesFailed + st.Message
		return nil, st, nil
	}
	return f.result(p.BucketSize()), backend.PartStatus{State: backend.PartDone}, nil
}

// future reports whether b starts after now (by more than BucketSettle, for
// a platform clock a little ahead): it has no usage yet, so no call is made
// and its row is zero, as the rest of "This month" is.
func (f *seriesFetch) future(b backend.Bucket) bool {
	return b.Start.After(f.now.Add(backend.BucketSettle))
}

// loadStored takes the closed buckets the store has.
func (f *seriesFetch) loadStored() {
	store, scope := f.src.bucketStore, f.src.bucketScope
	if store == nil {
		return
	}
	var spans []string
	for _, b := range f.buckets {
		if b.ClosedAt(f.now) {
			spans = append(spans, b.Span())
		}
	}
	if len(spans) == 0 {
		return
	}
	got, err := store.Get(scope, spans)
	if err != nil {
		slog.Warn("could not read the stored usage over time; fetching it again", "err", err)
		return
	}
	for _, span := range spans {
		if u, ok := got[span]; ok {
			f.usage[span] = u
		}
	}
}

// fetch asks for one bucket's usage, retrying transient failures. Only an
// ended session is returned (it stops the other calls); any other failure
// is kept in f.failed, and the other buckets go on.
func (f *seriesFetch) fetch(ctx context.Context, b backend.Bucket) error {
	var err error
	for attempt := 0; ; attempt++ {
		var stats *UserUsageStats
		stats, err = f.fetchOnce(ctx, b)
		if err == nil {
			u := backend.BucketUsage{Tokens: stats.TokenBreakdown, CostUSD: stats.TotalCostUSD, ExecutionTimeMS: stats.TotalExecutionTimeMS}
			f.mu.Lock()
			f.usage[b.Span()] = u
			if b.ClosedAt(f.now) {
				f.fresh[b.Span()] = u
			}
			f.mu.Unlock()
			return nil
		}
		if errors.Is(err, ErrSessionExpired) {
			return err
		}
		if attempt == len(bucketRetryDelays) || backend.ErrorCode(err) != backend.EUNAVAILABLE || !pause(ctx, bucketRetryDelays[attempt]) {
			break
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.failed == nil {
		f.failed = err
	}
	return nil
}

// fetchOnce makes one attempt at b's usage under BucketTimeout.
func (f *seriesFetch) fetchOnce(ctx context.Context, b backend.Bucket) (*UserUsageStats, error) {
	ctx, cancel := context.WithTimeout(ctx, BucketTimeout)
	defer cancel()
	return f.src.client.UsageStats(ctx, f.token, backend.Period{Start: &b.Start, End: &b.End})
}

// pause waits for d, or returns false when ctx ends first.
func pause(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// storeFresh keeps the closed buckets fetched now.
func (f *seriesFetch) storeFresh() {
	if f.src.bucketStore == nil || len(f.fresh) == 0 {
		return
	}
	if err := f.src.bucketStore.Put(f.src.bucketScope, f.fresh); err != nil {
		slog.Warn("could not keep the usage over time for the next refresh", "err", err)
	}
}

// result is the series of every bucket, in time order.
func (f *seriesFetch) result(size string) *backend.Series {
	rows := make([]backend.UsageRow, len(f.buckets))
	for i, b := range f.buckets {
		u := f.usage[b.Span()]
		rows[i] = backend.UsageRow{Key: b.Key, Label: b.Label, Tokens: u.Tokens, CostUSD: u.CostUSD, ExecutionTimeMS: u.ExecutionTimeMS}
	}
	s := &backend.Series{Bucket: size, Rows: rows}
	s.MarkUnknown(seriesUnknown...)
	return s
}
