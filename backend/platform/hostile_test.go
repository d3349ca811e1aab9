package platform

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"usagedash/backend"
)

// TestDecodedTextHasNoControlCharacters: escape codes in a platform's
// usernames, names and ids are removed as the answer is decoded.
func TestDecodedTextHasNoControlCharacters(t *testing.T) {
	evil := "\x1b]0;pwned\x07ada\x1b[2J\rTotal cost $0.00\u009b"
	m := validStats()
	m["username"], m["user_id"] = evil, "u-\x1b1"
	s, err := decodeUsageStats(mustJSON(t, m), "application/json")
	if err != nil {
		t.Fatal(err)
	}
	if s.Username != "]0;pwnedada[2JTotal cost $0.00" || s.UserID != "u-1" {
		t.Fatalf("username %q, user_id %q", s.Username, s.UserID)
	}
	full := "Ada\x1b[31m Lovelace"
	u, err := decodeUser(mustJSON(t, map[string]any{"id": "u-1", "username": evil, "email": "a\x07@x.example", "full_name": full}), "application/json")
	if err != nil {
		t.Fatal(err)
	}
	if u.Username != s.Username || u.Email != "a@x.example" || u.FullName == nil || *u.FullName != "Ada[31m Lovelace" {
		t.Fatalf("user %+v (full name %v)", u, u.FullName)
	}
}

// TestAbsurdNumbersAreRefused: figures no real usage reaches are refused
// with a sentence naming the field, never passed on to overflow or print.
func TestAbsurdNumbersAreRefused(t *testing.T) {
	cases := map[string]struct {
		change func(m map[string]any)
		want   string
	}{
		"huge cost": {func(m map[string]any) { m["total_cost_usd"] = 1.7e308 },
			"(total_cost_usd is 1.7e+308 dollars, beyond any real usage)"},
		"tokens near the int64 limit": {func(m map[string]any) { m["total_tokens"] = int64(9223372036854775000) },
			"(total_tokens is 9223372036854775000, beyond any real usage)"},
		"breakdown tokens near the limit": {func(m map[string]any) {
			m["token_breakdown"].(map[string]any)["cache_read_input_tokens"] = int64(9223372036854775807)
		}, "(token_breakdown.cache_read_input_tokens is 9223372036854775807, beyond any real usage)"},
		"negative tokens": {func(m map[string]any) { m["total_input_tokens"] = -3 }, "(total_input_tokens is negative)"},
	}
	for name, c := range cases {
		m := validStats()
		c.change(m)
		_, err := decodeUsageStats(mustJSON(t, m), "application/json")
		want := "The platform answered something usagedash does not understand " + c.want + "."
		if backend.ErrorCode(err) != backend.EBADDATA || backend.ErrorMessage(err) != want {
			t.Errorf("%s: %v\nwant %q", name, err, want)
		}
	}
	// 1e400 is not a float64 at all: refused as not a number.
	body := strings.Replace(string(mustJSON(t, validStats())), `"total_cost_usd":1.25`, `"total_cost_usd":1e400`, 1)
	if _, err := decodeUsageStats([]byte(body), "application/json"); !strings.Contains(backend.ErrorMessage(err), "total_cost_usd is not a number") {
		t.Errorf("1e400: %v", err)
	}
}

// TestServerErrorKeepsItsDetail: a 503 with {"detail": "..."} says what the
// platform said, cleaned; a detail with a secret or over 200 characters is
// still left out.
func TestServerErrorKeepsItsDetail(t *testing.T) {
	for detail, want := range map[string]string{
		"database unavailable":                   "The platform had an internal error (HTTP 503): database unavailable.",
		"database unavailable\x1b[2J":            "The platform had an internal error (HTTP 503).",
		strings.Repeat("d", 300):                 "The platform had an internal error (HTTP 503).",
		"password " + testPassword + " rejected": "The platform had an internal error (HTTP 503).",
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusServiceUnavailable)
			_ = json.NewEncoder(w).Encode(map[string]string{"detail": detail})
		}))
		_, err := newClient(t, srv.URL, Options{}).Login(context.Background(), "ada", testPassword)
		srv.Close()
		if backend.ErrorCode(err) != backend.EUNAVAILABLE || backend.ErrorMessage(err) != want {
			t.Errorf("detail %.40q: %v\nwant %q", detail, err, want)
		}
	}
}
