package platform

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"usagedash/backend"
)

const testPassword = "pw-S3cret-Horse-Battery"

// signToken signs a platform-like HS256 JWT with a random key.
func signToken(t testing.TB, claims jwt.MapClaims) string {
	t.Helper()
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		t.Fatal(err)
	}
	s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func testToken(t testing.TB) string {
	return signToken(t, jwt.MapClaims{"sub": "u-1", "username": "ada", "exp": time.Now().Add(7 * 24 * time.Hour).Unix()})
}

// validStats returns a contract-conforming usage-stats answer as a JSON map.
func validStats() map[string]any {
	return map[string]any{
		"user_id": "u-1", "username": "ada", "total_workflows": 3, "total_instances": 4,
		"total_tokens": 1500, "total_input_tokens": 500, "total_output_tokens": 250,
		"total_cache_creation_tokens": 250, "total_cache_read_tokens": 500,
		"total_cost_usd": 1.25, "total_execution_time_ms": 60000,
		"period_start": "2026-11-01T00:00:00Z", "period_end": nil,
		"token_breakdown": map[string]any{"input_tokens": 500, "output_tokens": 250,
			"cache_creation_input_tokens": 250, "cache_read_input_tokens": 500, "total_tokens": 1500},
	}
}

func validUser() map[string]any {
	return map[string]any{"id": "u-1", "username": "ada", "email": "ada@example.com", "full_name": nil,
		"is_active": true, "is_admin": false, "created_at": "2026-01-01T00:00:00", "last_login": nil}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func newClient(t *testing.T, base string, opts Options) *Client {
	t.Helper()
	c, err := NewClient(base, opts)
	if err != nil {
		t.Fatalf("NewClient(%q): %v", base, err)
	}
	return c
}

func TestAllFourCallsFollowTheContract(t *testing.T) {
	token := testToken(t)
	var sawQuery string
	mux := http.NewServeMux()
	auth := func(w http.ResponseWriter, r *http.Request) bool {
		if r.Header.Get("Authorization") != "Bearer "+token {
			writeJSON(w, 401, ErrorResponse{Detail: "Could not validate credentials"})
			return false
		}
		return true
	}
	mux.HandleFunc("POST /platform/api/auth/login", func(w http.ResponseWriter, r *http.Request) {
		var req LoginRequest
		if r.Header.Get("Content-Type") != "application/json" || json.NewDecoder(r.Body).Decode(&req) != nil ||
			req.UsernameOrEmail != "ada@example.com" || req.Password != testPassword {
			writeJSON(w, 401, ErrorResponse{Detail: "Invalid username/email or password"})
			return
		}
		if r.Header.Get("Accept") != "application/json" || r.Header.Get("User-Agent") != "usagedash/"+Version {
			writeJSON(w, 400, ErrorResponse{Detail: "bad headers"})
			return
		}
		writeJSON(w, 200, map[string]any{"access_token": token, "token_type": "bearer", "user": validUser()})
	})
	mux.HandleFunc("GET /platform/api/auth/me", func(w http.ResponseWriter, r *http.Request) {
		if auth(w, r) {
			writeJSON(w, 200, validUser())
		}
	})
	mux.HandleFunc("GET /platform/api/auth/usage-stats", func(w http.ResponseWriter, r *http.Request) {
		sawQuery = r.URL.RawQuery
		if auth(w, r) {
			writeJSON(w, 200, validStats())
		}
	})
	mux.HandleFunc("POST /platform/api/auth/logout", func(w http.ResponseWriter, r *http.Request) {
		if auth(w, r) {
			writeJSON(w, 200, LogoutResponse{Message: "Successfully logged out", Success: true})
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := newClient(t, srv.URL+"/platform/", Options{})
	ctx := context.Background()

	login, err := c.Login(ctx, "ada@example.com", testPassword)
	if err != nil {
		t.Fatal(err)
	}
	if login.AccessToken != token || login.User.ID != "u-1" || login.User.Username != "ada" || login.User.FullName != nil {
		t.Fatalf("login = %+v", login)
	}
	me, err := c.Me(ctx, token)
	if err != nil || me.Email != "ada@example.com" || !me.IsActive {
		t.Fatalf("me = %+v, %v", me, err)
	}
	berlin := time.FixedZone("CET", 3600)
	start := time.Date(2026, 11, 1, 0, 0, 0, 0, berlin)
	end := time.Date(2026, 11, 30, 23, 59, 59, 999e6, berlin)
	stats, err := c.UsageStats(ctx, token, backend.Period{Start: &start, End: &end})
	if err != nil {
		t.Fatal(err)
	}
	if want := "period_end=2026-11-30T22%3A59%3A59.999Z&period_start=2026-10-31T23%3A00%3A00.000Z"; sawQuery != want {
		t.Errorf("query = %s, want %s", sawQuery, want)
	}
	if stats.TotalTokens != 1500 || stats.TokenBreakdown.CacheReadInputTokens != 500 || stats.PeriodEnd != nil ||
		!stats.PeriodStart.Equal(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)) || stats.TotalCostUSD != 1.25 {
		t.Fatalf("stats = %+v", stats)
	}
	if _, err := c.UsageStats(ctx, token, backend.Period{}); err != nil || sawQuery != "" {
		t.Fatalf("an open period must send no parameters: %q, %v", sawQuery, err)
	}
	if err := c.Logout(ctx, token); err != nil {
		t.Fatal(err)
	}
	if err := c.Logout(ctx, "expired"); err != nil {
		t.Fatalf("logout of an ended session must succeed: %v", err)
	}
}

func TestNewClientAddressRules(t *testing.T) {
	for _, c := range []struct {
		url      string
		opts     Options
		ok       bool
		insecure bool
		base     string
	}{
		{url: "https://platform.example.com/", ok: true, base: "https://platform.example.com"},
		{url: " https://host/platform// ", ok: true, base: "https://host/platform"},
		{url: "HTTPS://host:8443", ok: true, base: "https://host:8443"},
		{url: "http://127.0.0.1:8000", ok: true, base: "http://127.0.0.1:8000"},
		{url: "http://127.1.2.3", ok: true},
		{url: "http://localhost:8000", ok: true},
		{url: "http://[::1]:8000", ok: true},
		{url: "http://platform.example.com"},
		{url: "http://10.0.0.5:8000"},
		{url: "http://localhost.example.com"},
		{url: "http://platform.example.com", opts: Options{AllowInsecureHTTP: true}, ok: true, insecure: true},
		{url: "ftp://host"},
		{url: "platform.example.com"},
		{url: ""},
		{url: "https://ada:" + testPassword + "@host"},
		{url: "https://host/?x=1"},
	} {
		cl, err := NewClient(c.url, c.opts)
		if !c.ok {
			if backend.ErrorCode(err) != backend.EINVALID {
				t.Errorf("%q: err = %v, want EINVALID", c.url, err)
			} else if strings.Contains(err.Error(), testPassword) {
				t.Errorf("%q: message leaks the password: %v", c.url, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", c.url, err)
			continue
		}
		if cl.Insecure() != c.insecure {
			t.Errorf("%q: Insecure() = %v", c.url, cl.Insecure())
		}
		if c.base != "" && cl.BaseURL() != c.base {
			t.Errorf("%q: BaseURL() = %q, want %q", c.url, cl.BaseURL(), c.base)
		}
	}
}

// failure is one faulty platform behaviour and the error it must give.
type failure struct {
	name    string
	handler http.HandlerFunc
	call    string // login, me, usage or logout
	code    string
	is      error
	msg     string // a part of the message
}

func statsWith(change func(m map[string]any)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		m := validStats()
		change(m)
		writeJSON(w, 200, m)
	}
}

func raw(status int, contentType, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if contentType != "" {
			w.Header().Set("Content-Type", contentType)
		}
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}
}

func TestErrorMappingAndNoSecretsInMessages(t *testing.T) {
	token := testToken(t)
	detail := func(status int, d string) http.HandlerFunc {
		return raw(status, "application/json", `{"detail":"`+d+`"}`)
	}
	cases := []failure{
		{"wrong password", detail(401, "Invalid username/email or password"), "login", backend.EUNAUTHORIZED, ErrWrongCredentials, "Wrong username/email or password."},
		{"deactivated", detail(401, "User account is deactivated"), "login", backend.EUNAUTHORIZED, ErrDeactivated, "This account is deactivated."},
		{"expired on usage", detail(401, "Token has expired"), "usage", backend.EUNAUTHORIZED, ErrSessionExpired, "Your session has ended. Sign in again."},
		{"expired on me", detail(401, "Could not validate credentials"), "me", backend.EUNAUTHORIZED, ErrSessionExpired, "Sign in again"},
		{"400 detail", detail(400, "Invalid period_start format. Use ISO 8601 format."), "usage", backend.EINVALID, nil, "The platform rejected the request: Invalid period_start format. Use ISO 8601 format."},
		{"400 long detail", detail(400, strings.Repeat("x", 300)), "usage", backend.EINVALID, nil, "(HTTP 400 at /api/auth/usage-stats)"},
		{"400 echoing the password", detail(400, "bad password "+testPassword), "login", backend.EINVALID, nil, "(HTTP 400 at /api/auth/login)"},
		{"400 echoing the token", detail(400, "bad token "+token), "me", backend.EINVALID, nil, "(HTTP 400"},
		{"422 with input", raw(422, "application/json", `{"detail":[{"loc":["body","password"],"input":"`+testPassword+`"}]}`), "login", backend.EINVALID, nil, "HTTP 422"},
		{"404 wrong path", raw(404, "application/json", `{"detail":"Not Found"}`), "login", backend.EINVALID, ErrNotPlatformAPI, "does not look like the platform's API (HTTP 404 at /api/auth/login)"},
		{"405", raw(405, "text/html", "<html>nope</html>"), "usage", backend.EINVALID, ErrNotPlatformAPI, "HTTP 405 at /api/auth/usage-stats"},
		{"redirect", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "https://elsewhere.example/login?x=1", http.StatusFound)
		}, "login", backend.EINVALID, ErrNotPlatformAPI, "redirects elsewhere (HTTP 302 to https://elsewhere.example)"},
		{"502", raw(502, "text/html", "<html>Bad Gateway</html>"), "usage", backend.EUNAVAILABLE, nil, "The platform had an internal error (HTTP 502)."},
		{"500 huge", raw(500, "text/plain", strings.Repeat("e", 2<<20)), "me", backend.EUNAVAILABLE, nil, "HTTP 500"},
		{"429", raw(429, "", ""), "usage", backend.EUNAVAILABLE, nil, "busy"},
		{"html page with 200", raw(200, "text/html; charset=utf-8", "<!doctype html><html><body>Workflows</body></html>"), "usage", backend.EBADDATA, ErrNotPlatformAPI, "web page"},
		{"html without content type", raw(200, "", "<!doctype html><html></html>"), "login", backend.EBADDATA, ErrNotPlatformAPI, "web page"},
		{"text/plain", raw(200, "text/plain", `{"user_id":"u"}`), "usage", backend.EBADDATA, ErrOffContract, "text/plain, not JSON"},
		{"truncated JSON", raw(200, "application/json", `{"user_id":"u-1","username":"ada","total_tok`), "usage", backend.EBADDATA, ErrOffContract, "malformed or cut short"},
		{"array", raw(200, "application/json", `[1,2]`), "usage", backend.EBADDATA, ErrOffContract, "not a JSON object"},
		{"empty 200", raw(200, "application/json", ``), "me", backend.EBADDATA, ErrOffContract, "empty"},
		{"total_tokens as string", statsWith(func(m map[string]any) { m["total_tokens"] = "1500" }), "usage", backend.EBADDATA, ErrOffContract, "(total_tokens is not a whole number)"},
		{"cost as string", statsWith(func(m map[string]any) { m["total_cost_usd"] = "1.25" }), "usage", backend.EBADDATA, ErrOffContract, "total_cost_usd is not a number"},
		{"fractional count", statsWith(func(m map[string]any) { m["total_instances"] = 1.5 }), "usage", backend.EBADDATA, ErrOffContract, "total_instances is not a whole number"},
		{"missing total", statsWith(func(m map[string]any) { delete(m, "total_cache_read_tokens") }), "usage", backend.EBADDATA, ErrOffContract, "(total_cache_read_tokens is missing)"},
		{"null total", statsWith(func(m map[string]any) { m["total_workflows"] = nil }), "usage", backend.EBADDATA, ErrOffContract, "total_workflows is missing"},
		{"missing user_id", statsWith(func(m map[string]any) { delete(m, "user_id") }), "usage", backend.EBADDATA, ErrOffContract, "user_id is missing"},
		{"missing breakdown", statsWith(func(m map[string]any) { delete(m, "token_breakdown") }), "usage", backend.EBADDATA, ErrOffContract, "token_breakdown is missing"},
		{"breakdown field missing", statsWith(func(m map[string]any) { delete(m["token_breakdown"].(map[string]any), "output_tokens") }), "usage", backend.EBADDATA, ErrOffContract, "token_breakdown.output_tokens is missing"},
		{"breakdown not object", statsWith(func(m map[string]any) { m["token_breakdown"] = []int{1} }), "usage", backend.EBADDATA, ErrOffContract, "token_breakdown is not an object"},
		{"negative count", statsWith(func(m map[string]any) { m["total_output_tokens"] = -5 }), "usage", backend.EBADDATA, ErrOffContract, "total_output_tokens is negative"},
		{"negative breakdown", statsWith(func(m map[string]any) { m["token_breakdown"].(map[string]any)["input_tokens"] = -1 }), "usage", backend.EBADDATA, ErrOffContract, "token_breakdown.input_tokens is negative"},
		{"negative cost", statsWith(func(m map[string]any) { m["total_cost_usd"] = -0.5 }), "usage", backend.EBADDATA, ErrOffContract, "total_cost_usd is negative"},
		{"bad period", statsWith(func(m map[string]any) { m["period_start"] = "yesterday" }), "usage", backend.EBADDATA, ErrOffContract, "period_start is not a date and time"},
		{"login without token", raw(200, "application/json", `{"token_type":"bearer","user":{"id":"u-1","username":"ada"}}`), "login", backend.EBADDATA, ErrOffContract, "access_token is missing"},
		{"login without user id", raw(200, "application/json", `{"access_token":"`+token+`","user":{"username":"ada"}}`), "login", backend.EBADDATA, ErrOffContract, "user.id is missing"},
		{"login user id number", raw(200, "application/json", `{"access_token":"`+token+`","user":{"id":7,"username":"ada"}}`), "login", backend.EBADDATA, ErrOffContract, "user.id is not text"},
		{"login token truncated", raw(200, "application/json", `{"access_token":"`+token), "login", backend.EBADDATA, ErrOffContract, "malformed"},
		{"me missing username", raw(200, "application/json", `{"id":"u-1"}`), "me", backend.EBADDATA, ErrOffContract, "username is missing"},
		{"over-size body", raw(200, "application/json", `{"user_id":"`+strings.Repeat("a", 2<<20)+`"}`), "usage", backend.EBADDATA, ErrOffContract, "larger than 1024 KiB"},
	}
	var all []error
	for _, fc := range cases {
		t.Run(fc.name, func(t *testing.T) {
			srv := httptest.NewServer(fc.handler)
			defer srv.Close()
			err := callKind(newClient(t, srv.URL, Options{}), fc.call, token)
			checkErr(t, err, fc.code, fc.is, fc.msg)
			t.Logf("%s: %s", backend.ErrorCode(err), backend.ErrorMessage(err))
			all = append(all, err)
		})
	}
	assertNoSecrets(t, all, token)
}

// callKind makes one of the four calls.
func callKind(c *Client, kind, token string) error {
	ctx := context.Background()
	var err error
	switch kind {
	case "login":
		_, err = c.Login(ctx, "ada", testPassword)
	case "me":
		_, err = c.Me(ctx, token)
	case "usage":
		_, err = c.UsageStats(ctx, token, backend.Period{})
	case "logout":
		err = c.Logout(ctx, token)
	}
	return err
}

func checkErr(t *testing.T, err error, code string, is error, msg string) {
	t.Helper()
	var be *backend.Error
	if !errors.As(err, &be) {
		t.Fatalf("err = %v (%T), want a *backend.Error", err, err)
	}
	if be.Code != code {
		t.Errorf("code = %s, want %s (%v)", be.Code, code, err)
	}
	if is != nil && !errors.Is(err, is) {
		t.Errorf("errors.Is(%v, %v) = false", err, is)
	}
	if !strings.Contains(be.Message, msg) {
		t.Errorf("message = %q, want it to contain %q", be.Message, msg)
	}
}

func assertNoSecrets(t *testing.T, errs []error, token string) {
	t.Helper()
	for _, err := range errs {
		if err == nil {
			continue
		}
		s := err.Error() + " " + backend.ErrorMessage(err)
		if strings.Contains(s, testPassword) || strings.Contains(s, token) || len(s) > 600 {
			t.Errorf("error leaks a secret or a body: %.300s", s)
		}
	}
}
