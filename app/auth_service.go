package app

import (
	"context"
	"time"

	"usagedash/backend"
)

// AuthService is bound to the window: it signs in to and out of platform
// profiles. Passwords pass through and are never stored; the session token
// goes to the secret store.
type AuthService struct {
	life    *Lifecycle
	conns   *Connections
	timeout time.Duration
}

// NewAuthService returns an AuthService whose calls are bounded by timeout.
func NewAuthService(life *Lifecycle, conns *Connections, timeout time.Duration) *AuthService {
	return &AuthService{life: life, conns: conns, timeout: timeout}
}

// SignIn signs in to the platform of profile id with its login and password.
func (a *AuthService) SignIn(id, password string) (*backend.SessionInfo, error) {
	p, err := a.conns.Profiles.Get(id)
	if err != nil {
		return nil, err
	}
	client, err := a.conns.Client(p)
	if err != nil {
		return nil, err
	}
	if password == "" {
		return nil, backend.Errorf(backend.EINVALID, "Enter your password.")
	}
	ctx, cancel := context.WithTimeout(a.life.Context(), a.timeout)
	defer cancel()
	resp, err := client.Login(ctx, p.Login, password)
	if err != nil {
		return nil, err
	}
	session, err := resp.Session()
	if err != nil {
		return nil, err
	}
	if err := a.conns.Secrets.Set(ctx, sessionKey(id), resp.AccessToken); err != nil {
		return nil, backend.WrapError(err, backend.ErrorCode(err), "Signed in, but the session could not be kept in the "+a.conns.Secrets.Kind()+".")
	}
	a.conns.Forget(id)
	exp := session.ExpiresAt
	return &backend.SessionInfo{SignedIn: true, UserID: session.UserID, Username: session.Username, ExpiresAt: &exp}, nil
}

// SignOut tells the platform (best effort) and forgets the session everywhere.
func (a *AuthService) SignOut(id string) error {
	if p, err := a.conns.Profiles.Get(id); err == nil && p.Kind == backend.SourcePlatform {
		if s, ok := a.conns.Session(id); ok && !s.Expired(time.Now()) {
			if client, err := a.conns.Client(p); err == nil {
				ctx, cancel := context.WithTimeout(a.life.Context(), 5*time.Second)
				_ = client.Logout(ctx, s.Token)
				cancel()
			}
		}
	}
	a.conns.Forget(id)
	if err := a.conns.Secrets.Delete(context.TODO(), sessionKey(id)); err != nil {
		return backend.WrapError(err, backend.ErrorCode(err), "Cannot remove the session from the "+a.conns.Secrets.Kind()+".")
	}
	return nil
}
