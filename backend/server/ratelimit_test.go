package server_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
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

// TestRateLimitPerAccount: failures count per resolved account (the
// username and the email share one count), refuse the
// addresses that failed, and never the owner at an address without failures.
func TestRateLimitPerAccount(t *testing.T) {
	e := newEnv(t)
	demo, alice := user(t, sample.DemoUsername), user(t, "alice")
	// Five failures from five addresses, one minute apart, alternating the
	// username and the email: one account, so five failures, not 2 x 5.
	for i := range 5 {
		account := demo.Username
		if i%2 == 1 {
			account = demo.Email
		}
		wantError(t, e.loginFrom("10.0.0."+string(rune('1'+i)), account, "bad"), http.StatusUnauthorized, badLogin)
		e.clock.Advance(time.Minute)
	}
	// Locked for the addresses that failed, even with the right password, by
	// username or email; the window slides from the oldest failure.
	want429(t, e.loginFrom("10.0.0.1", demo.Username, demo.Password), "600")
	want429(t, e.loginFrom("10.0.0.5", demo.Email, demo.Password), "600")
	// A wrong guess from a fresh address is still checked, and taints it.
	wantError(t, e.loginFrom("10.0.0.8", demo.Email, "bad"), http.StatusUnauthorized, badLogin)
	// (That sixth failure pushed the first out: the account's five
	// newest failures began at minute 1.)
	want429(t, e.loginFrom("10.0.0.8", demo.Username, demo.Password), "660")
	// The owner at an address without failures gets in.
	if r := e.loginFrom("10.0.0.9", demo.Username, demo.Password); r.status != http.StatusOK {
		t.Fatalf("the owner at a clean address: %d %s", r.status, r.body)
	}
	// Other accounts, from a tainted address, are unaffected.
	if r := e.loginFrom("10.0.0.1", alice.Username, alice.Password); r.status != http.StatusOK {
		t.Fatalf("alice: %d %s", r.status, r.body)
	}
	e.clock.Advance(10*time.Minute + time.Second) // the failure of 10.0.0.1 leaves the window
	if r := e.loginFrom("10.0.0.1", demo.Username, demo.Password); r.status != http.StatusOK {
		t.Fatalf("after the window: %d %s", r.status, r.body)
	}
}

// TestOwnerIsNeverLockedOutForLong: an attacker failing from ever new
// addresses keeps the account locked for tainted addresses, but the owner,
// after mistyping once, is let in again one window after that mistake, and
// at once from an address without failures.
func TestOwnerIsNeverLockedOutForLong(t *testing.T) {
	e := newEnv(t)
	demo := user(t, sample.DemoUsername)
	owner := "198.51.100.7"
	wantError(t, e.loginFrom(owner, demo.Username, "typo"), http.StatusUnauthorized, badLogin)
	attacker := 0
	attack := func(n int) {
		for range n {
			attacker++
			e.loginFrom("203.0.113."+strconv.Itoa(attacker), demo.Email, "guess")
		}
	}
	for minute := 0; minute < 15; minute++ {
		attack(3)
		if minute >= 1 {
			if r := e.loginFrom(owner, demo.Username, demo.Password); r.status != http.StatusTooManyRequests {
				t.Fatalf("minute %d: the tainted address got %d, want 429", minute, r.status)
			}
		}
		e.clock.Advance(time.Minute)
	}
	// 15 minutes after the typo, the owner's address is clean again and the
	// right password gets in, though the attack goes on.
	e.clock.Advance(time.Second)
	attack(3)
	if r := e.loginFrom(owner, demo.Username, demo.Password); r.status != http.StatusOK {
		t.Fatalf("one window after the typo: %d %s", r.status, r.body)
	}
	if r := e.loginFrom("198.51.100.8", demo.Username, demo.Password); r.status != http.StatusOK {
		t.Fatalf("a clean address during the attack: %d %s", r.status, r.body)
	}
}

// TestRateLimitCountsIPv6Networks: addresses of one IPv6 /64 share a count.
func TestRateLimitCountsIPv6Networks(t *testing.T) {
	e := newEnv(t)
	demo := user(t, sample.DemoUsername)
	for i := range 5 {
		wantError(t, e.loginFrom("[2001:db8:1:2::"+strconv.Itoa(i+1)+"]", "guess"+strconv.Itoa(i), "pw"), http.StatusUnauthorized, badLogin)
	}
	want429(t, e.loginFrom("[2001:db8:1:2:ffff::9]", demo.Username, demo.Password), "900")
	if r := e.loginFrom("[2001:db8:1:3::1]", demo.Username, demo.Password); r.status != http.StatusOK {
		t.Fatalf("another /64: %d", r.status)
	}
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
