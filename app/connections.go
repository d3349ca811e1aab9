package app

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"usagedash/backend"
	"usagedash/backend/mongodb"
	"usagedash/backend/platform"
)

// Secret keys: one session token per platform profile, one database
// password per MongoDB profile.
func sessionKey(profileID string) string  { return "session:" + profileID }
func passwordKey(profileID string) string { return "mongodb-password:" + profileID }

// Connections turns profiles into data sources and keeps one open source per
// profile, so switching back and forth does not reconnect each time.
type Connections struct {
	Profiles       backend.ProfileStore
	Secrets        backend.SecretStore
	ConnectTimeout time.Duration

	mu      sync.Mutex
	sources map[string]backend.Source
}

// NewConnections returns Connections over the given stores.
func NewConnections(profiles backend.ProfileStore, secrets backend.SecretStore) *Connections {
	return &Connections{Profiles: profiles, Secrets: secrets, ConnectTimeout: 10 * time.Second,
		sources: map[string]backend.Source{}}
}

// Source returns the source of the profile with id, opening it if needed.
func (c *Connections) Source(id string) (backend.Source, backend.Profile, error) {
	p, err := c.Profiles.Get(id)
	if err != nil {
		return nil, p, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.sources[id]; ok {
		return s, p, nil
	}
	s, err := c.build(p)
	if err != nil {
		return nil, p, err
	}
	c.sources[id] = s
	return s, p, nil
}

func (c *Connections) build(p backend.Profile) (backend.Source, error) {
	switch p.Kind {
	case backend.SourcePlatform:
		client, err := c.Client(p)
		if err != nil {
			return nil, err
		}
		return platformSource(p, client, sessionTokens{c, p}), nil
	case backend.SourceMongoDB:
		cfg := mongodb.Config{URI: p.MongoURI, Database: p.Database}
		open := func(ctx context.Context) (backend.Source, error) {
			password, err := c.mongoPassword(p.ID)
			if err != nil {
				return nil, err
			}
			ctx, cancel := context.WithTimeout(ctx, c.ConnectTimeout)
			defer cancel()
			return mongodb.Open(ctx, mongodb.Config{URI: mongodb.JoinPassword(cfg.URI, password), Database: cfg.Database})
		}
		return newLazySource(open, backend.SourceInfo{Kind: backend.SourceMongoDB, Label: mongodb.Describe(cfg), Account: p.Account}), nil
	}
	return nil, backend.Errorf(backend.EINVALID, "Unknown kind of connection %q.", p.Kind)
}

// mongoPassword returns the database password stored for a MongoDB profile
// ("" when none is stored).
func (c *Connections) mongoPassword(profileID string) (string, error) {
	password, err := c.Secrets.Get(passwordKey(profileID))
	if err != nil && !errors.Is(err, backend.ErrNoSecret) {
		return "", backend.WrapError(err, backend.EINTERNAL, "Cannot read the database password from the "+c.Secrets.Kind()+".")
	}
	return password, nil
}

// Client returns a platform client for a platform profile.
func (c *Connections) Client(p backend.Profile) (*platform.Client, error) {
	if p.Kind != backend.SourcePlatform {
		return nil, backend.Errorf(backend.EINVALID, "%q is not a platform connection.", p.Name)
	}
	return platform.NewClient(p.BaseURL, platform.Options{AllowInsecureHTTP: p.AllowInsecureHTTP})
}

// Forget closes and drops the open source of profile id (after its settings
// or session changed).
func (c *Connections) Forget(id string) {
	c.mu.Lock()
	s, ok := c.sources[id]
	delete(c.sources, id)
	c.mu.Unlock()
	if ok {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = s.Close(ctx)
	}
}

// CloseAll closes every open source.
func (c *Connections) CloseAll(ctx context.Context) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for id, s := range c.sources {
		_ = s.Close(ctx)
		delete(c.sources, id)
	}
}

// Session reads the stored session of a platform profile.
func (c *Connections) Session(profileID string) (platform.Session, bool) {
	token, err := c.Secrets.Get(sessionKey(profileID))
	if err != nil {
		return platform.Session{}, false
	}
	s, err := platform.ParseSession(token)
	if err != nil {
		return platform.Session{}, false
	}
	return s, true
}

// SessionInfo describes the stored session of a profile without its token.
func (c *Connections) SessionInfo(profileID string) backend.SessionInfo {
	s, ok := c.Session(profileID)
	if !ok {
		return backend.SessionInfo{}
	}
	exp := s.ExpiresAt
	expired := s.Expired(time.Now())
	return backend.SessionInfo{SignedIn: !expired, UserID: s.UserID, Username: s.Username, ExpiresAt: &exp, Expired: expired}
}

// sessionTokens gives a platform source the profile's stored token.
type sessionTokens struct {
	c *Connections
	p backend.Profile
}

// Token returns a live session token or an EUNAUTHORIZED error.
func (t sessionTokens) Token(context.Context) (string, error) {
	s, ok := t.c.Session(t.p.ID)
	if !ok {
		return "", backend.Errorf(backend.EUNAUTHORIZED, "Sign in to %s to see its usage.", t.p.Name)
	}
	if s.Expired(time.Now()) {
		return "", backend.Errorf(backend.EUNAUTHORIZED, "Your session on %s ended on %s. Sign in again.",
			t.p.Name, s.ExpiresAt.Local().Format("2 Jan 15:04"))
	}
	return s.Token, nil
}

// platformSource is the source of platform profile p through client, with
// tokens from the given provider.
func platformSource(p backend.Profile, client *platform.Client, tokens platform.TokenProvider) backend.Source {
	return platform.NewSource(client, p.Name+" · "+client.Host(), tokens)
}

// FindProfile returns the profile of store whose name (case-insensitively)
// or id is ref.
func FindProfile(store backend.ProfileStore, ref string) (backend.Profile, error) {
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

// OneRunSource returns a source for p for one command-line run. A platform
// profile uses its stored session while it lasts; otherwise it signs in with
// password (asked for only when needed) without storing the session.
func (c *Connections) OneRunSource(ctx context.Context, p backend.Profile, password func() (string, error)) (backend.Source, error) {
	if p.Kind != backend.SourcePlatform {
		s, _, err := c.Source(p.ID)
		return s, err
	}
	client, err := c.Client(p)
	if err != nil {
		return nil, err
	}
	if s, ok := c.Session(p.ID); ok && !s.Expired(time.Now()) {
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
