package app

import (
	"context"
	"time"

	"usagedash/backend"
)

// AuthService is bound to the window: it signs in to and out of platform
// profiles through the workspace. Passwords pass through and are never
// stored; the session token goes to the secret store.
type AuthService struct {
	life    *Lifecycle
	ws      *Workspace
	timeout time.Duration
}

// NewAuthService returns an AuthService whose calls are bounded by timeout.
func NewAuthService(life *Lifecycle, ws *Workspace, timeout time.Duration) *AuthService {
	return &AuthService{life: life, ws: ws, timeout: timeout}
}

// SignIn signs in to the platform of profile id with its login and password.
func (a *AuthService) SignIn(id, password string) (*backend.SessionInfo, error) {
	ctx, cancel := context.WithTimeout(a.life.Context(), a.timeout)
	defer cancel()
	return a.ws.SignIn(ctx, id, password)
}

// SignOut tells the platform (best effort) and forgets the session everywhere.
func (a *AuthService) SignOut(id string) error {
	ctx, cancel := context.WithTimeout(a.life.Context(), a.timeout)
	defer cancel()
	return a.ws.SignOut(ctx, id)
}
