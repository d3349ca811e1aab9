package server_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"usagedash/backend/platform"
	"usagedash/backend/sample"
	"usagedash/backend/server"
)

const tooMany = "Too many failed sign-in attempts. Try again later."

// loginFrom signs in through the handler as a client at addr (an IP), since
// a loopback test client cannot vary its address.
func (e *env) loginFrom(addr, account, password string) response {
	e.t.Helper()
	body, _ := json.Marshal(platform.LoginRequest{UsernameOrEmail: account, Password: password})
	req := httptest.NewRequest(http.MethodPost, platform.PathLogin, strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	req.RemoteAddr = addr + ":40000"
	rec := httptest.NewRecorder()
	e.srv.Handler().ServeHTTP(rec, req)
	return response{status: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}
}

func want429(t *testing.T, r response, retryAfter string) {
	t.Helper()
	wantError(t, r, http.StatusTooManyRequests, tooMany)
	if got := r.header.Get("Retry-After"); got != retryAfter {
		t.Fatalf("Retry-After %q, want %q", got, retryAfter)
	}
}

func TestRateLimitPerAccount(t *testing.T) {
	e := newEnv(t)
	demo, alice := user(t, sample.DemoUsername), user(t, "alice")
	// Five failures from five addresses, one minute apart.
	for i := range 5 {
		wantError(t, e.loginFrom("10.0.0."+string(rune('1'+i)), demo.Username, "bad"), http.StatusUnauthorized, badLogin)
		e.clock.Advance(time.Minute)
	}
	// Now locked, even with the right password, in any case, from a fresh
	// address; the window slides from the oldest failure. (The account key is
	// the name as typed, lowercased: the email is a key of its own, so that a
	// 429 never reveals which username an email belongs to.)
	want429(t, e.loginFrom("10.0.0.9", demo.Username, demo.Password), "600")
	want429(t, e.loginFrom("10.0.0.9", strings.ToUpper(demo.Username), demo.Password), "600")
	// Other accounts, from the same address, are unaffected.
	if r := e.loginFrom("10.0.0.9", alice.Username, alice.Password); r.status != http.StatusOK {
		t.Fatalf("alice: %d %s", r.status, r.body)
	}
	e.clock.Advance(10*time.Minute + time.Second) // the oldest failure leaves the window
	if r := e.loginFrom("10.0.0.9", demo.Username, demo.Password); r.status != http.StatusOK {
		t.Fatalf("after the window: %d %s", r.status, r.body)
	}
	// That success reset the account: five more failures are allowed.
	for i := range 5 {
		wantError(t, e.loginFrom("10.0.1."+string(rune('1'+i)), demo.Username, "bad"), http.StatusUnauthorized, badLogin)
	}
	want429(t, e.loginFrom("10.0.1.9", demo.Username, demo.Password), "900")
}

func TestRateLimitPerAddress(t *testing.T) {
	e := newEnv(t)
	demo := user(t, sample.DemoUsername)
	for i := range 5 {
		wantError(t, e.loginFrom("192.0.2.7", "guess"+string(rune('a'+i)), "pw"), http.StatusUnauthorized, badLogin)
	}
	want429(t, e.loginFrom("192.0.2.7", demo.Username, demo.Password), "900")
	if r := e.loginFrom("192.0.2.8", demo.Username, demo.Password); r.status != http.StatusOK {
		t.Fatalf("other address: %d", r.status)
	}
	// A success does not clear the address's failures against other accounts.
	want429(t, e.loginFrom("192.0.2.7", demo.Username, demo.Password), "900")
	// IPv6, ports differ: one address.
	for i := range 5 {
		wantError(t, e.loginFrom("[2001:db8::1]", "v6guess"+string(rune('a'+i)), "pw"), http.StatusUnauthorized, badLogin)
	}
	want429(t, e.loginFrom("[2001:db8::1]", demo.Username, demo.Password), "900")
	e.clock.Advance(server.DefaultFailureWindow)
	for _, addr := range []string{"192.0.2.7", "[2001:db8::1]"} {
		if r := e.loginFrom(addr, demo.Username, demo.Password); r.status != http.StatusOK {
			t.Fatalf("%s after the window: %d", addr, r.status)
		}
	}
}

func TestRateLimitOverHTTP(t *testing.T) {
	e := newEnv(t, func(c *server.Config) { c.MaxFailedLogins = 3; c.FailureWindow = time.Minute })
	for range 3 {
		wantError(t, e.login(sample.DemoUsername, "nope"), http.StatusUnauthorized, badLogin)
	}
	want429(t, e.login(sample.DemoUsername, sample.DemoPassword), "60")
	e.clock.Advance(time.Minute + time.Second)
	e.token(sample.DemoUsername, sample.DemoPassword)
}
