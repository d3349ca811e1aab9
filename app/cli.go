package app

import (
	"context"
	"errors"
	"strings"
	"time"

	"usagedash/backend"
)

// findProfile returns the profile whose name (case-insensitively) or id is ref.
func findProfile(store backend.ProfileStore, ref string) (backend.Profile, error) {
	list, err := store.List()
	if err != nil {
		return backend.Profile{}, err
	}
	for _, p := range list {
		if p.ID == ref || strings.EqualFold(p.Name, ref) {
			return p, nil
		}
	}
	return backend.Profile{}, backend.Errorf(backend.ENOTFOUND, "No saved connection named %q.", ref)
}

// profileSource returns a source for p for one command-line run. A platform
// profile uses its stored session while it lasts; otherwise it signs in with
// password (asked for by the caller only when needed) without storing it.
func profileSource(ctx context.Context, conns *Connections, p backend.Profile, password func() (string, error)) (backend.Source, error) {
	if p.Kind != backend.SourcePlatform {
		s, _, err := conns.Source(p.ID)
		return s, err
	}
	client, err := conns.Client(p)
	if err != nil {
		return nil, err
	}
	if s, ok := conns.Session(p.ID); ok && !s.Expired(time.Now()) {
		return platformSource(p, client, staticToken(s.Token)), nil
	}
	pw, err := password()
	if err != nil {
		return nil, err
	}
	if pw == "" {
		return nil, backend.Errorf(backend.EUNAUTHORIZED,
			"Not signed in to %s: give the password in USAGEDASH_PASSWORD or with --password-stdin.", p.Name)
	}
	resp, err := client.Login(ctx, p.Login, pw)
	if err != nil {
		return nil, err
	}
	return platformSource(p, client, staticToken(resp.AccessToken)), nil
}

// staticToken is a TokenProvider for a token held only in memory.
type staticToken string

// Token returns the token.
func (t staticToken) Token(context.Context) (string, error) {
	if t == "" {
		return "", errors.New("no token")
	}
	return string(t), nil
}
