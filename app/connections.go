package app

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"usagedash/backend"
	"usagedash/backend/platform"
)

// Secret keys: one session token per platform profile, one database
// password per MongoDB profile.
func sessionKey(profileID string) string  { return "session:" + profileID }
func passwordKey(profileID string) string { return "mongodb-password:" + profileID }

// secretTimeout bounds one keychain call whose caller gave no deadline of
// its own (a source asking for its token inside a longer fetch has one).
const secretTimeout = 10 * time.Second

// Connections turns profiles into data sources and keeps one open source per
// profile, so switching back and forth does not reconnect each time. It owns
// the profile and secret stores: everything else reaches them through it.
type Connections struct {
	profiles backend.ProfileStore
	secrets  backend.SecretStore
	kinds    SourceKinds

	mu      sync.Mutex
	sources map[string]backend.Source
}

// NewConnections returns Connections over the given stores, opening sources
// of the kinds in Kinds.
func NewConnections(profiles backend.ProfileStore, secrets backend.SecretStore) *Connections {
	return &Connections{profiles: profiles, secrets: secrets, kinds: Kinds, sources: map[string]backend.Source{}}
}

// Profiles lists the saved profiles.
func (c *Connections) Profiles() ([]backend.Profile, error) { return c.profiles.List() }

// Profile returns the saved profile with id.
func (c *Connections) Profile(id string) (backend.Profile, error) { return c.profiles.Get(id) }

// ActiveID returns the id of the active profile ("" when none).
func (c *Connections) ActiveID() (string, error) { return c.profiles.Active() }

// SaveProfile adds or updates p and closes its open source, which may have
// been built from the old settings.
func (c *Connections) SaveProfile(p backend.Profile) (backend.Profile, error) {
	saved, err := c.profiles.Save(p)
	if err == nil {
		c.Forget(saved.ID)
	}
	return saved, err
}

// setActive makes id the active profile (for Workspace.Activate).
func (c *Connections) setActive(id string) error { return c.profiles.SetActive(id) }

// DeleteProfile removes profile id and its secrets.
func (c *Connections) DeleteProfile(ctx context.Context, id string) error {
	c.Forget(id)
	ctx, cancel := context.WithTimeout(ctx, secretTimeout)
	defer cancel()
	err := errors.Join(c.secrets.Delete(ctx, sessionKey(id)), c.secrets.Delete(ctx, passwordKey(id)))
	if err != nil {
		return c.secretError(err, "Cannot remove the connection's secrets from the %s.")
	}
	return c.profiles.Delete(id)
}

// SecretStorage says where secrets go: "keychain" or "file".
func (c *Connections) SecretStorage() string { return c.secrets.Kind() }

// StorePassword keeps the database password of MongoDB profile id.
func (c *Connections) StorePassword(ctx context.Context, id, password string) error {
	ctx, cancel := context.WithTimeout(ctx, secretTimeout)
	defer cancel()
	if err := c.secrets.Set(ctx, passwordKey(id), password); err != nil {
		return c.secretError(err, "The connection was saved, but its password could not be stored in the %s.")
	}
	return nil
}

// HasPassword reports whether a database password is stored for profile id;
// a locked or failing keychain is an error, not "no password".
func (c *Connections) HasPassword(ctx context.Context, id string) (bool, error) {
	password, err := c.Password(ctx, id)
	return password != "", err
}

// Password returns the database password stored for a MongoDB profile
// ("" when none is stored).
func (c *Connections) Password(ctx context.Context, profileID string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, secretTimeout)
	defer cancel()
	password, err := c.secrets.Get(ctx, passwordKey(profileID))
	if err != nil && !errors.Is(err, backend.ErrNoSecret) {
		return "", c.secretError(err, "Cannot read the database password from the %s.")
	}
	return password, nil
}

// storeSession keeps the session token of platform profile id and closes the
// source that used the old one.
func (c *Connections) storeSession(ctx context.Context, id, token string) error {
	ctx, cancel := context.WithTimeout(ctx, secretTimeout)
	defer cancel()
	if err := c.secrets.Set(ctx, sessionKey(id), token); err != nil {
		return c.secretError(err, "Signed in, but the session could not be kept in the %s.")
	}
	c.Forget(id)
	return nil
}

// dropSession deletes the session token of profile id and closes its
// source. Workspace.DropSession is the one caller.
func (c *Connections) dropSession(ctx context.Context, id string) error {
	c.Forget(id)
	ctx, cancel := context.WithTimeout(ctx, secretTimeout)
	defer cancel()
	if err := c.secrets.Delete(ctx, sessionKey(id)); err != nil {
		return c.secretError(err, "Cannot remove the session from the %s.")
	}
	return nil
}

// Session reads the stored session of a platform profile: ENOTFOUND when
// there is none (or it is unreadable), ELOCKED or EUNAVAILABLE when the
// keychain cannot say.
func (c *Connections) Session(ctx context.Context, profileID string) (platform.Session, error) {
	ctx, cancel := context.WithTimeout(ctx, secretTimeout)
	defer cancel()
	token, err := c.secrets.Get(ctx, sessionKey(profileID))
	if errors.Is(err, backend.ErrNoSecret) {
		return platform.Session{}, backend.Errorf(backend.ENOTFOUND, "Not signed in.")
	}
	if err != nil {
		return platform.Session{}, c.secretError(err, "Cannot read the session from the %s.")
	}
	s, err := platform.ParseSession(token)
	if err != nil {
		return platform.Session{}, backend.WrapError(err, backend.ENOTFOUND, "The stored session is unreadable: sign in again.")
	}
	return s, nil
}

// SessionInfo describes the stored session of a profile without its token.
// A keychain that cannot answer is an error (ELOCKED: it is locked).
func (c *Connections) SessionInfo(ctx context.Context, profileID string) (backend.SessionInfo, error) {
	s, err := c.Session(ctx, profileID)
	if backend.ErrorCode(err) == backend.ENOTFOUND {
		return backend.SessionInfo{}, nil
	}
	if err != nil {
		return backend.SessionInfo{}, err
	}
	exp := s.ExpiresAt
	expired := s.Expired(time.Now())
	return backend.SessionInfo{SignedIn: !expired, UserID: s.UserID, Username: s.Username, ExpiresAt: &exp, Expired: expired}, nil
}

// secretError words a secret-store failure, keeping its code (ELOCKED for a
// locked keychain). format has one %s: where secrets are kept.
func (c *Connections) secretError(err error, format string) error {
	code := backend.ErrorCode(err)
	msg := strings.Replace(format, "%s", c.secrets.Kind(), 1)
	if code == backend.ELOCKED {
		msg += " The keychain is locked: unlock it, then try again."
	}
	return backend.WrapError(err, code, msg)
}

// Source returns the source of the profile with id, opening it if needed.
func (c *Connections) Source(id string) (backend.Source, backend.Profile, error) {
	p, err := c.profiles.Get(id)
	if err != nil {
		return nil, p, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.sources[id]; ok {
		return s, p, nil
	}
	s, err := c.kinds.open(p, c)
	if err != nil {
		return nil, p, err
	}
	c.sources[id] = s
	return s, p, nil
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
