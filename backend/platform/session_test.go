package platform

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"usagedash/backend"
)

func TestParseSessionReadsTheClaims(t *testing.T) {
	exp := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	token := signToken(t, jwt.MapClaims{"sub": "665f1c2e9b1e8a0012345678", "username": "ada", "exp": exp.Unix()})
	s, err := ParseSession(token)
	if err != nil {
		t.Fatal(err)
	}
	if s.Token != token || s.UserID != "665f1c2e9b1e8a0012345678" || s.Username != "ada" || !s.ExpiresAt.Equal(exp) {
		t.Fatalf("session = %+v", s)
	}
	if s.Expired(exp.Add(-time.Second)) || !s.Expired(exp) || !s.Expired(exp.Add(time.Hour)) {
		t.Error("Expired is wrong around exp")
	}
	if s.ExpiresSoon(exp.Add(-2*time.Hour), time.Hour) || !s.ExpiresSoon(exp.Add(-30*time.Minute), time.Hour) {
		t.Error("ExpiresSoon is wrong")
	}

	// An already expired token still parses: the app decides what to do.
	old := signToken(t, jwt.MapClaims{"sub": "u", "exp": time.Now().Add(-time.Hour).Unix()})
	if s, err := ParseSession(old); err != nil || !s.Expired(time.Now()) || s.Username != "" {
		t.Fatalf("expired token: %+v, %v", s, err)
	}
}

func TestParseSessionRejectsUnreadableTokens(t *testing.T) {
	noExp := signToken(t, jwt.MapClaims{"sub": "u-1", "username": "ada"})
	badExp := signToken(t, jwt.MapClaims{"sub": "u-1", "exp": "tomorrow"})
	for name, token := range map[string]string{
		"no exp": noExp, "exp as text": badExp, "garbage": "not-a-jwt-secretish",
		"empty": "", "two parts": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0",
		"bad base64": "eyJhbGciOiJIUzI1NiJ9.!!!.sig",
	} {
		_, err := ParseSession(token)
		if backend.ErrorCode(err) != backend.EBADDATA {
			t.Errorf("%s: err = %v, want EBADDATA", name, err)
			continue
		}
		if token != "" && strings.Contains(err.Error(), token) {
			t.Errorf("%s: the error repeats the token", name)
		}
	}
	if _, err := ParseSession("x.y.z"); !errors.Is(err, jwt.ErrTokenMalformed) {
		t.Errorf("garbage: %v, want jwt.ErrTokenMalformed in the chain", err)
	}
}

func TestLoginResponseSessionFillsMissingClaims(t *testing.T) {
	token := signToken(t, jwt.MapClaims{"exp": time.Now().Add(time.Hour).Unix()})
	r := &LoginResponse{AccessToken: token, User: UserResponse{ID: "u-9", Username: "grace"}}
	s, err := r.Session()
	if err != nil || s.UserID != "u-9" || s.Username != "grace" || s.Token != token {
		t.Fatalf("session = %+v, %v", s, err)
	}
	token = signToken(t, jwt.MapClaims{"sub": "u-1", "username": "ada", "exp": time.Now().Add(time.Hour).Unix()})
	r.AccessToken = token
	if s, _ := r.Session(); s.UserID != "u-1" || s.Username != "ada" {
		t.Fatalf("claims must win: %+v", s)
	}
	if _, err := (*LoginResponse)(nil).Session(); backend.ErrorCode(err) != backend.EINTERNAL {
		t.Fatalf("nil: %v", err)
	}
}
