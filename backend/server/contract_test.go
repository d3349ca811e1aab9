package server_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"usagedash/backend/platform"
	"usagedash/backend/sample"
)

// The platform's field sets: the JSON members each answer of the platform's API
// has (its FastAPI response models), sorted by name.
var (
	loginKeys     = "access_token token_type user"
	userKeys      = "created_at email full_name id is_active is_admin last_login username"
	logoutKeys    = "message success"
	errorKeys     = "detail"
	statsKeys     = "period_end period_start token_breakdown total_cache_creation_tokens total_cache_read_tokens total_cost_usd total_execution_time_ms total_input_tokens total_instances total_output_tokens total_tokens total_workflows user_id username"
	breakdownKeys = "cache_creation_input_tokens cache_read_input_tokens input_tokens output_tokens total_tokens"
)

// keys returns the sorted top-level keys of a JSON object and its values.
func keys(t *testing.T, raw []byte) (string, map[string]json.RawMessage) {
	t.Helper()
	var m map[string]json.RawMessage
	decode(t, raw, &m)
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return strings.Join(ks, " "), m
}

func wantKeys(t *testing.T, what string, raw []byte, want string) map[string]json.RawMessage {
	t.Helper()
	got, m := keys(t, raw)
	if got != want {
		t.Fatalf("%s keys:\n got %s\nwant %s", what, got, want)
	}
	return m
}

func TestContractFieldSets(t *testing.T) {
	e := newEnv(t)
	r := e.login(sample.DemoUsername, sample.DemoPassword)
	m := wantKeys(t, "login", r.body, loginKeys)
	wantKeys(t, "login.user", m["user"], userKeys)
	var tok string
	decode(t, m["access_token"], &tok)

	me := wantKeys(t, "me", e.do(http.MethodGet, platform.PathMe, tok, nil).body, userKeys)
	if string(me["last_login"]) != "null" || string(me["full_name"]) != `"Demo User"` || string(me["is_active"]) != "true" {
		t.Fatalf("me values: %s %s %s", me["last_login"], me["full_name"], me["is_active"])
	}
	wantKeys(t, "logout", e.do(http.MethodPost, platform.PathLogout, tok, nil).body, logoutKeys)

	for _, q := range []string{"", "?period_start=2026-03-01T00:00:00Z&period_end=2026-03-02"} {
		s := wantKeys(t, "usage-stats", e.do(http.MethodGet, platform.PathUsageStats+q, tok, nil).body, statsKeys)
		wantKeys(t, "token_breakdown", s["token_breakdown"], breakdownKeys)
	}

	for _, r := range []response{
		e.login("nobody", "x"),
		e.do(http.MethodGet, platform.PathMe, "", nil),
		e.do(http.MethodGet, platform.PathUsageStats+"?period_end=x", tok, nil),
		e.do(http.MethodPost, platform.PathLogin, "", "{"),
		e.do(http.MethodDelete, platform.PathMe, "", nil),
		e.do(http.MethodGet, "/api/other", "", nil),
	} {
		wantKeys(t, "error", r.body, errorKeys)
	}
}
