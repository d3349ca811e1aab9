package app

import (
	"context"
	"errors"
	"time"

	"usagedash/backend"
	"usagedash/backend/claudecode"
	"usagedash/backend/mongodb"
	"usagedash/backend/platform"
)

// Secrets is what a source may read of its profile's secrets, each call
// bounded by ctx.
type Secrets interface {
	// Session returns the profile's stored platform session (ENOTFOUND: none).
	Session(ctx context.Context, profileID string) (platform.Session, error)
	// Password returns the stored database password ("" when none).
	Password(ctx context.Context, profileID string) (string, error)
}

// OpenSource builds the source of one profile of its kind. It must not
// block on the network: connect lazily, on the first report.
type OpenSource func(p backend.Profile, secrets Secrets) (backend.Source, error)

// SourceKinds maps each kind of connection to how its source is opened.
type SourceKinds map[backend.SourceKind]OpenSource

// Kinds are the kinds of connection this build opens. Adding a kind is its
// backend package plus one line here.
var Kinds = SourceKinds{
	backend.SourcePlatform:   openPlatform,
	backend.SourceMongoDB:    openMongoDB,
	backend.SourceClaudeCode: func(p backend.Profile, _ Secrets) (backend.Source, error) { return claudecode.OpenProfile(p) },
}

// open builds p's source with the opener of its kind.
func (k SourceKinds) open(p backend.Profile, secrets Secrets) (backend.Source, error) {
	if open, ok := k[p.Kind]; ok {
		return open(p, secrets)
	}
	return nil, backend.Errorf(backend.EINVALID, "Unknown kind of connection %q.", p.Kind)
}

// connectTimeout bounds connecting to a MongoDB server.
const connectTimeout = 10 * time.Second

func openPlatform(p backend.Profile, secrets Secrets) (backend.Source, error) {
	client, err := platformClient(p)
	if err != nil {
		return nil, err
	}
	return platformSource(p, client, sessionTokens{secrets, p}), nil
}

func openMongoDB(p backend.Profile, secrets Secrets) (backend.Source, error) {
	cfg := mongodb.Config{URI: p.MongoURI, Database: p.Database}
	open := func(ctx context.Context) (backend.Source, error) {
		password, err := secrets.Password(ctx, p.ID)
		if err != nil {
			return nil, err
		}
		ctx, cancel := context.WithTimeout(ctx, connectTimeout)
		defer cancel()
		return mongodb.Open(ctx, mongodb.Config{URI: mongodb.JoinPassword(cfg.URI, password), Database: cfg.Database})
	}
	return newLazySource(open, backend.SourceInfo{Kind: backend.SourceMongoDB, Label: mongodb.Describe(cfg), Account: p.Account}), nil
}

// platformClient returns a platform client for a platform profile.
func platformClient(p backend.Profile) (*platform.Client, error) {
	if p.Kind != backend.SourcePlatform {
		return nil, backend.Errorf(backend.EINVALID, "%q is not a platform connection.", p.Name)
	}
	return platform.NewClient(p.BaseURL, platform.Options{AllowInsecureHTTP: p.AllowInsecureHTTP})
}

// platformSource is the source of platform profile p through client, with
// tokens from the given provider.
func platformSource(p backend.Profile, client *platform.Client, tokens platform.TokenProvider) backend.Source {
	return platform.NewSource(client, p.Name+" · "+client.Host(), tokens)
}

// sessionTokens gives a platform source the profile's stored token.
type sessionTokens struct {
	secrets Secrets
	p       backend.Profile
}

// Token returns a live session token, an EUNAUTHORIZED error asking to sign
// in, or the keychain's own error (ELOCKED: it is locked, not signed out).
func (t sessionTokens) Token(ctx context.Context) (string, error) {
	s, err := t.secrets.Session(ctx, t.p.ID)
	if backend.ErrorCode(err) == backend.ENOTFOUND {
		return "", backend.Errorf(backend.EUNAUTHORIZED, "Sign in to %s to see its usage.", t.p.Name)
	}
	if err != nil {
		return "", err
	}
	if s.Expired(time.Now()) {
		return "", backend.Errorf(backend.EUNAUTHORIZED, "Your session on %s ended on %s. Sign in again.",
			t.p.Name, s.ExpiresAt.Local().Format("2 Jan 15:04"))
	}
	return s.Token, nil
}

// OneRunSource returns a source for p for one command-line run. A platform
// profile uses its stored session while it lasts; otherwise it signs in with
// password (asked for only when needed) without storing the session.
func (c *Connections) OneRunSource(ctx context.Context, p backend.Profile, password func() (string, error)) (backend.Source, error) {
	if p.Kind != backend.SourcePlatform {
		s, _, err := c.Source(p.ID)
		return s, err
	}
	client, err := platformClient(p)
	if err != nil {
		return nil, err
	}
	s, err := c.Session(ctx, p.ID)
	if err == nil && !s.Expired(time.Now()) {
		return platformSource(p, client, staticToken(s.Token)), nil
	}
	if err != nil && backend.ErrorCode(err) != backend.ENOTFOUND {
		return nil, err // a locked keychain says so, rather than asking for a password
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
