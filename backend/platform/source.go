package platform

import (
	"context"
	"errors"
	"time"

	"golang.org/x/sync/errgroup"

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

// Report fetches the signed-in user's usage over q.Period. Errors are
// *backend.Error values; EUNAUTHORIZED wrapping ErrSessionExpired means the
// user must sign in again.
//
// For a bounded period of at most MaxSeriesBuckets buckets it also builds
// the report's Series from one usage-stats call per bucket, with at most
// MaxInFlight calls in flight (the headline call included), each under
// ctx's deadline. A bucket call that finds the session ended fails the
// report; any other failure keeps the headline figures with no Series and a
// SeriesNote saying why. Longer and open periods get NoteSeriesTooLong; a
// TotalsOnly query makes the headline call alone (NoteSeriesSkipped).
func (s *Source) Report(ctx context.Context, q backend.Query) (*backend.Report, error) {
	token, err := s.tokens.Token(ctx)
	if err != nil {
		var be *backend.Error
		if errors.As(err, &be) {
			return nil, err
		}
		return nil, backend.WrapError(err, backend.EUNAUTHORIZED, "Sign in to the platform first.")
	}
	buckets, note := seriesBuckets(q.Period)
	if q.TotalsOnly {
		buckets, note = nil, NoteSeriesSkipped
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(MaxInFlight)
	var stats *UserUsageStats
	g.Go(func() (err error) {
		stats, err = s.client.UsageStats(gctx, token, q.Period)
		return err
	})
	var series *seriesFetch
	if len(buckets) > 0 {
		series = s.fetchSeries(gctx, g, token, buckets)
	}
	if err := g.Wait(); err != nil {
		if series != nil {
			series.cancel()
		}
		return nil, err
	}
	r := stats.Report()
	r.Source = backend.SourceInfo{Kind: backend.SourcePlatform, Label: s.label, Account: stats.Username}
	r.Period = q.Period
	r.GeneratedAt = s.now().UTC()
	r.SeriesNote = note
	if series != nil {
		series.apply(r, q.Period.BucketSize())
	}
	return r, nil
}

// Close closes the client's idle connections; the client stays usable.
func (s *Source) Close(context.Context) error {
	s.client.CloseIdleConnections()
	return nil
}
