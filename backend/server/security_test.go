package server_test

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"usagedash/backend"
	"usagedash/backend/platform"
	"usagedash/backend/sample"
	"usagedash/backend/server"
)

// sign makes a token with any method and key, as an attacker would.
func sign(t *testing.T, m jwt.SigningMethod, key any, c jwt.Claims) string {
	t.Helper()
	s, err := jwt.NewWithClaims(m, c).SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// validClaims are claims the server accepts for u at now.
func validClaims(u sample.User, now time.Time) jwt.MapClaims {
	return jwt.MapClaims{"sub": u.ID, "username": u.Username, "iat": now.Unix(), "exp": now.Add(time.Hour).Unix()}
}

func without(c jwt.MapClaims, key string) jwt.MapClaims {
	d := jwt.MapClaims{}
	for k, v := range c {
		if k != key {
			d[k] = v
		}
	}
	return d
}

func with(c jwt.MapClaims, key string, v any) jwt.MapClaims {
	d := without(c, key)
	d[key] = v
	return d
}

func TestForgedTokensAreRefused(t *testing.T) {
	e := newEnv(t)
	demo, alice, off := user(t, sample.DemoUsername), user(t, "alice"), inactiveUser(t)
	good := validClaims(demo, testNow)
	real := e.token(demo.Username, demo.Password)

	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	// Tampered: alice's id in demo's payload, demo's signature kept.
	parts := strings.Split(real, ".")
	var payload map[string]any
	raw, _ := base64.RawURLEncoding.DecodeString(parts[1])
	if err := json.Unmarshal(raw, &payload); err != nil {
		t.Fatal(err)
	}
	payload["sub"] = alice.ID
	raw, _ = json.Marshal(payload)
	tampered := parts[0] + "." + base64.RawURLEncoding.EncodeToString(raw) + "." + parts[2]
	noneHeader := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none","typ":"JWT"}`))

	cases := map[string]string{
		"tampered payload":   tampered,
		"signature stripped": parts[0] + "." + parts[1] + ".",
		"expired":            sign(t, jwt.SigningMethodHS256, testSecret, with(good, "exp", testNow.Add(-time.Minute).Unix())),
		"alg none":           sign(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, good),
		"alg none by hand":   noneHeader + "." + parts[1] + ".",
		"wrong key":          sign(t, jwt.SigningMethodHS256, []byte("another-secret-of-enough-length-0123456789"), good),
		"HS512":              sign(t, jwt.SigningMethodHS512, testSecret, good),
		"HS384":              sign(t, jwt.SigningMethodHS384, testSecret, good),
		"RS256":              sign(t, jwt.SigningMethodRS256, rsaKey, good),
		"missing exp":        sign(t, jwt.SigningMethodHS256, testSecret, without(good, "exp")),
		"missing sub":        sign(t, jwt.SigningMethodHS256, testSecret, without(good, "sub")),
		"numeric sub":        sign(t, jwt.SigningMethodHS256, testSecret, with(good, "sub", 42)),
		"issued in future":   sign(t, jwt.SigningMethodHS256, testSecret, with(good, "iat", testNow.Add(time.Hour).Unix())),
		"unknown user":       sign(t, jwt.SigningMethodHS256, testSecret, with(good, "sub", "no-such-id")),
		"inactive user":      sign(t, jwt.SigningMethodHS256, testSecret, validClaims(off, testNow)),
		"garbage":            "not.a.token",
		"huge":               strings.Repeat("a", 5000),
	}
	for name, tok := range cases {
		t.Run(name, func(t *testing.T) {
			for _, path := range []string{platform.PathMe, platform.PathUsageStats} {
				r := e.do(http.MethodGet, path, tok, nil)
				wantError(t, r, http.StatusUnauthorized, badToken)
				if r.header.Get("WWW-Authenticate") != "Bearer" {
					t.Fatal("no WWW-Authenticate: Bearer")
				}
			}
		})
	}

	// Headers that carry no usable bearer token.
	for _, h := range []string{"", "Bearer", "Bearer ", "Basic " + real, "Token " + real, real} {
		req, _ := http.NewRequest(http.MethodGet, e.ts.URL+platform.PathMe, nil)
		if h != "" {
			req.Header.Set("Authorization", h)
		}
		resp, err := e.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("Authorization %.12q: %d", h, resp.StatusCode)
		}
	}

	// Controls: the well-formed token works, with any case of the scheme.
	if r := e.do(http.MethodGet, platform.PathMe, sign(t, jwt.SigningMethodHS256, testSecret, good), nil); r.status != http.StatusOK {
		t.Fatalf("valid hand-made token: %d %s", r.status, r.body)
	}
	req, _ := http.NewRequest(http.MethodGet, e.ts.URL+platform.PathMe, nil)
	req.Header.Set("Authorization", "bearer "+real)
	if resp, err := e.client.Do(req); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("lowercase scheme: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
}

func TestIssuedTokenExpires(t *testing.T) {
	e := newEnv(t)
	tok := e.token(sample.DemoUsername, sample.DemoPassword)
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(tok, claims); err != nil {
		t.Fatal(err)
	}
	demo := user(t, sample.DemoUsername)
	exp, _ := claims.GetExpirationTime()
	iat, _ := claims.GetIssuedAt()
	hdr := strings.Split(tok, ".")[0]
	rawHdr, _ := base64.RawURLEncoding.DecodeString(hdr)
	if claims["sub"] != demo.ID || claims["username"] != demo.Username || !iat.Time.Equal(testNow) ||
		!exp.Time.Equal(testNow.Add(server.DefaultTokenTTL)) || !strings.Contains(string(rawHdr), `"HS256"`) {
		t.Fatalf("claims %v header %s", claims, rawHdr)
	}
	e.clock.Advance(server.DefaultTokenTTL - time.Minute)
	if r := e.do(http.MethodGet, platform.PathMe, tok, nil); r.status != http.StatusOK {
		t.Fatalf("before expiry: %d", r.status)
	}
	e.clock.Advance(2 * time.Minute)
	wantError(t, e.do(http.MethodGet, platform.PathUsageStats, tok, nil), http.StatusUnauthorized, badToken)
}

func TestWeakSecretsRefused(t *testing.T) {
	e := newEnv(t)
	weak := map[string]string{
		"none":         "",
		"short":        "Zq8#pL2!vR5@",
		"31 bytes":     "abcdefghijklmnopqrstuvwxyz01234",
		"one char":     strings.Repeat("a", 64),
		"pattern":      strings.Repeat("abc123", 10),
		"fastapi docs": "09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7",
		"placeholder":  "your-secret-key-here-please-change-it-0123",
	}
	for name, s := range weak {
		err := server.CheckSecret([]byte(s))
		if err == nil {
			t.Errorf("%s: accepted", name)
		}
		// The message a person sees says why, never "Something went wrong".
		if msg := backend.ErrorMessage(err); !strings.Contains(msg, "token secret") || !strings.Contains(msg, "openssl rand") {
			t.Errorf("%s: unclear refusal %q", name, msg)
		}
		if _, err := server.New(server.Config{Source: e.src, Secret: []byte(s)}); err == nil {
			t.Errorf("%s: New accepted it", name)
		} else if !strings.Contains(err.Error(), "secret") {
			t.Errorf("%s: unclear message %q", name, err)
		}
	}
	good := make([]byte, 32)
	if _, err := rand.Read(good); err != nil {
		t.Fatal(err)
	}
	if err := server.CheckSecret(good); err != nil {
		t.Fatal(err)
	}
	if err := server.CheckSecret(testSecret); err != nil {
		t.Fatal(err)
	}
	if _, err := server.New(server.Config{Secret: good}); err == nil {
		t.Fatal("New accepted a missing source")
	}
}

func TestLogsHoldNoSecrets(t *testing.T) {
	e := newEnv(t, func(c *server.Config) { c.MaxFailedLogins = 2 })
	demo := user(t, sample.DemoUsername)
	const wrong = "wrong-Passw0rd-in-logs?"
	tok := e.token(demo.Username, demo.Password)
	e.do(http.MethodGet, platform.PathMe, tok, nil)
	e.do(http.MethodGet, platform.PathUsageStats+"?period_start=2026-03-01", tok, nil)
	e.do(http.MethodPost, platform.PathLogout, tok, nil)
	e.do(http.MethodGet, platform.PathMe, tok+"x", nil)
	e.login(demo.Username, wrong)
	e.login(demo.Email, wrong)
	if r := e.login(demo.Username, demo.Password); r.status != http.StatusTooManyRequests {
		t.Fatalf("want 429, got %d", r.status)
	}
	logs := e.logs.String()
	for _, secret := range []string{tok, strings.Split(tok, ".")[2], demo.Password, wrong, mongoURI,
		string(testSecret), demo.HashedPassword, "Bearer", "Authorization", "period_start="} {
		if strings.Contains(logs, secret) {
			t.Errorf("logs contain %.20q", secret)
		}
	}
	for _, want := range []string{`"path":"/api/auth/login"`, `"status":429`, `"status":401`, `"path":"/api/auth/usage-stats"`,
		`"method":"GET"`, `"duration":`} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %s:\n%s", want, logs)
		}
	}
}
