package platform

import (
	"errors"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"usagedash/backend"
)

// Session is a platform sign-in: the bearer token and what its claims say.
// Token is a secret: store it in the OS keychain and never log or show it.
type Session struct {
	Token     string
	UserID    string
	Username  string
	ExpiresAt time.Time
}

// ParseSession reads the claims sub, username and exp of a platform JWT
// WITHOUT verifying its signature: the desktop app has no secret, and only the
// platform can decide whether a token is valid. The claims are therefore only
// hints (when to ask the user to sign in again), never proof of identity.
// A token that cannot be read or has no exp gives an EBADDATA error.
func ParseSession(token string) (Session, error) {
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(token, claims); err != nil {
		return Session{}, backend.WrapError(jwt.ErrTokenMalformed, backend.EBADDATA,
			"The platform's sign-in token cannot be read.")
	}
	exp, err := claims.GetExpirationTime()
	if err != nil || exp == nil {
		return Session{}, backend.WrapError(ErrOffContract, backend.EBADDATA,
			"The platform's sign-in token has no valid expiry time.")
	}
	s := Session{Token: token, ExpiresAt: exp.UTC()}
	// sub and username are optional hints; wrong types are ignored.
	s.UserID, _ = claims.GetSubject()
	s.Username, _ = claims["username"].(string)
	return s, nil
}

// Session reads the session of a login answer: the token's claims, with the
// answer's user id and username filling claims the token lacks.
func (r *LoginResponse) Session() (Session, error) {
	if r == nil {
		return Session{}, backend.WrapError(errors.New("nil login response"), backend.EINTERNAL,
			"usagedash has no sign-in answer to read.")
	}
	s, err := ParseSession(r.AccessToken)
	if err != nil {
		return Session{}, err
	}
	if s.UserID == "" {
		s.UserID = r.User.ID
	}
	if s.Username == "" {
		s.Username = r.User.Username
	}
	return s, nil
}

// Expired reports whether the session's token has expired at now.
func (s Session) Expired(now time.Time) bool { return !now.Before(s.ExpiresAt) }

// ExpiresSoon reports whether the token expires within the given duration
// of now (or already has), so the app can ask to sign in again in time.
func (s Session) ExpiresSoon(now time.Time, within time.Duration) bool {
	return !now.Add(within).Before(s.ExpiresAt)
}
