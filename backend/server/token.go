package server

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// tokenLeeway is the clock skew allowed when checking exp and iat.
const tokenLeeway = 10 * time.Second

// maxTokenBytes bounds the tokens the server is willing to parse.
const maxTokenBytes = 4096

// claims are the platform's JWT claims: sub (user id), username, exp, and iat.
type claims struct {
	Username string `json:"username"`
	jwt.RegisteredClaims
}

// tokens issues and verifies HS256 access tokens.
type tokens struct {
	secret []byte
	ttl    time.Duration
	now    func() time.Time
	parser *jwt.Parser
}

func newTokens(secret []byte, ttl time.Duration, now func() time.Time) *tokens {
	key := make([]byte, len(secret))
	copy(key, secret)
	return &tokens{
		secret: key,
		ttl:    ttl,
		now:    now,
		parser: jwt.NewParser(
			jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
			jwt.WithExpirationRequired(),
			jwt.WithIssuedAt(),
			jwt.WithLeeway(tokenLeeway),
			jwt.WithTimeFunc(now),
		),
	}
}

// issue signs a token for the user.
func (t *tokens) issue(userID, username string) (string, error) {
	now := t.now()
	c := claims{
		Username: username,
		RegisteredClaims: jwt.RegisteredClaims{
			Subject:   userID,
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(t.ttl)),
		},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(t.secret)
}

var errBadToken = errors.New("invalid token")

// verify checks raw's algorithm (HS256 only), signature, exp (required) and
// iat, and returns the user id it was issued for.
func (t *tokens) verify(raw string) (string, error) {
	if raw == "" || len(raw) > maxTokenBytes {
		return "", errBadToken
	}
	var c claims
	tok, err := t.parser.ParseWithClaims(raw, &c, func(tok *jwt.Token) (any, error) {
		if tok.Method != jwt.SigningMethodHS256 {
			return nil, errBadToken
		}
		return t.secret, nil
	})
	if err != nil || !tok.Valid || c.Subject == "" {
		return "", errBadToken
	}
	return c.Subject, nil
}

// bearerToken extracts the token of an "Authorization: Bearer <token>"
// header (scheme case-insensitive, as FastAPI's OAuth2PasswordBearer).
func bearerToken(r *http.Request) string {
	h := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "bearer") {
		return ""
	}
	return strings.TrimSpace(tok)
}
