package platform

import (
	"context"
	"errors"
	"sync"
	"time"

	"usagedash/backend"
)

// TokenProvider gives the current session token. The app layer implements
// it: it returns the stored token, or an EUNAUTHORIZED *backend.Error asking
// the user to sign in when there is none.
type TokenProvider interface {
	Token(ctx context.Context) (string, error)
}

// Source is a backend.Source over the platform's API: the report of the
// signed-in user (Query.Account is ignored).
type Source struct {
	client *Client
	label  string
	tokens TokenProvider
	now    func() time.Time
	// bucketStore keeps closed series buckets under bucketScope (nil: none).
	bucketStore backend.BucketStore
	bucketScope string
}

var _ backend.Source = (*Source)(nil)

// NewSource returns a source reading usage through c with the tokens from
// tokens; label describes it for people (e.g. "Platform platform.example.com").
func NewSource(c *Client, label string, tokens TokenProvider) *Source {
	return &Source{client: c, label: label, tokens: tokens, now: time.Now}
}

// Info describes the source without secrets.
func (s *Source) Info() backend.SourceInfo {
	return backend.SourceInfo{Kind: backend.SourcePlatform, Label: s.label}
}

// Report fetches the signed-in user's usage over q.Period, part by part
// (q.Parts; every part by default). Errors are *backend.Error values;
// EUNAUTHORIZED wrapping ErrSessionExpired means the user must sign in again.
//
// The totals come from one usage-stats call and reach q.OnPart as soon as it
// answers, without waiting for the series. For a bounded period of at most
// MaxSeriesBuckets buckets the series comes from one call per bucket (see
// series): a failed bucket fails the series part alone (retryable), and the
// headline figures stay. Longer and open periods have no series
// (NoteSeriesTooLong), and the API has no breakdowns and no per-log pricing:
// those parts are unavailable. A TotalsOnly query makes the headline call
// alone (NoteSeriesSkipped). A call that finds the session ended fails the
// report, and so does a failed headline call when the query wants the totals,
// once the other parts have settled.
func (s *Source) Report(ctx context.Context, q backend.Query) (*backend.Report, error) {
	token, err := s.tokens.Token(ctx)
	if err != nil {
		var be *backend.Error
		if errors.As(err, &be) {
			return nil, err
		}
		return nil, backend.WrapError(err, backend.EUNAUTHORIZED, "Sign in to the platform first.")
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	base := &backend.Report{Period: q.Period, GeneratedAt: s.now().UTC(), PeriodStart: backend.UTCTime(q.Period.Start),
		PeriodEnd: backend.UTCTime(q.Period.End), Source: backend.SourceInfo{Kind: backend.SourcePlatform, Label: s.label}}
	if q.TotalsOnly {
		base.SeriesNote = NoteSeriesSkipped
	}
	a := backend.NewAssembly(q, base)
	fail := func(err error) { a.Fail(err); cancel() }
	var wg sync.WaitGroup
	var headline error
	if q.Wants(backend.PartTotals) {
		wg.Go(func() {
			stats, err := s.client.UsageStats(ctx, token, q.Period)
			if err != nil {
				headline = err
				if errors.Is(err, ErrSessionExpired) {
					fail(err)
				}
				a.Settle(backend.PartTotals, backend.PartFailure(err), nil)
				return
			}
			a.Settle(backend.PartTotals, backend.PartStatus{State: backend.PartDone}, func(r *backend.Report) {
				info, period, at := r.Source, r.Period, r.GeneratedAt
				r.MergePart(backend.PartTotals, stats.Report())
				r.Source, r.Period, r.GeneratedAt = info, period, at
				r.Source.Account = stats.Username
			})
		})
	}
	if q.Wants(backend.PartSeries) {
		wg.Go(func() {
			series, st, err := s.series(ctx, token, q.Period)
			if err != nil {
				fail(err)
				return
			}
			a.Settle(backend.PartSeries, st, func(r *backend.Report) { r.Series, r.SeriesNote = series, st.Message })
		})
	}
	a.Settle(backend.PartBreakdowns, backend.Unavailable(NoteNoBreakdowns), nil)
	a.Settle(backend.PartPricing, backend.Unavailable(NoteNoPricing), nil)
	wg.Wait()
	r, err := a.Result()
	if err == nil && headline != nil {
		err = headline
	}
	if err != nil {
		return nil, err
	}
	return r, nil
}

// Notes of the parts the platform's API cannot give.
const (
	NoteNoBreakdowns = "The platform's API does not split usage by model, workflow or instance; a MongoDB connection to the platform's database shows where the money went."
	NoteNoPricing    = "The platform's API has no per-log tokens and models, so costs cannot be checked against API prices; a MongoDB connection can."
)

// UseBucketStore keeps the usage of closed series buckets in store under
// scope (the profile: one connection and account), so a refresh fetches only
// the buckets still open. Call it before the first Report.
func (s *Source) UseBucketStore(store backend.BucketStore, scope string) {
	s.bucketStore, s.bucketScope = store, scope
}

// Close closes the client's idle connections; the client stays usable.
func (s *Source) Close(context.Context) error {
	s.client.CloseIdleConnections()
	return nil
}
