package platform

import (
	"context"
	"errors"
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
func (s *Source) Report(ctx context.Context, q backend.Query) (*backend.Report, error) {
	token, err := s.tokens.Token(ctx)
	if err != nil {
		var be *backend.Error
		if errors.As(err, &be) {
			return nil, err
		}
		return nil, backend.WrapError(err, backend.EUNAUTHORIZED, "Sign in to the platform first.")
	}
	stats, err := s.client.UsageStats(ctx, token, q.Period)
	if err != nil {
		return nil, err
	}
	r := stats.Report()
	r.Source = backend.SourceInfo{Kind: backend.SourcePlatform, Label: s.label, Account: stats.Username}
	r.Period = q.Period
	r.GeneratedAt = s.now().UTC()
	return r, nil
}

// Close closes the client's idle connections; the client stays usable.
func (s *Source) Close(context.Context) error {
	s.client.CloseIdleConnections()
	return nil
}
