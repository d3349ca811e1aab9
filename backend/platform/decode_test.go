package platform

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/textsafe"
	"usagedash/backend/usage"
)

var statsRequired = []string{"user_id", "username", "total_workflows", "total_instances", "total_tokens",
	"total_input_tokens", "total_output_tokens", "total_cache_creation_tokens", "total_cache_read_tokens",
	"total_cost_usd", "total_execution_time_ms", "token_breakdown"}

var breakdownRequired = []string{"input_tokens", "output_tokens", "cache_creation_input_tokens",
	"cache_read_input_tokens", "total_tokens"}

func mustJSON(t testing.TB, v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeUsageStatsAcceptsThePlatformsDateFormats(t *testing.T) {
	for in, want := range map[string]time.Time{
		"2026-11-01T00:00:00Z":             time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
		"2026-11-01T00:00:00+00:00":        time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
		"2026-11-01T01:00:00.5+01:00":      time.Date(2026, 11, 1, 0, 0, 0, 5e8, time.UTC),
		"2026-11-01T00:00:00":              time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), // Python naive isoformat
		"2026-11-30T23:59:59.999000":       time.Date(2026, 11, 30, 23, 59, 59, 999e6, time.UTC),
		"2026-11-30T23:59:59.999999+00:00": time.Date(2026, 11, 30, 23, 59, 59, 999999e3, time.UTC),
	} {
		m := validStats()
		m["period_end"] = in
		m["an_added_field"] = map[string]any{"ignored": true}
		s, err := decodeUsageStats(mustJSON(t, m), "application/json; charset=utf-8")
		if err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		if !s.PeriodEnd.Equal(want) {
			t.Errorf("%s: period_end = %v, want %v", in, s.PeriodEnd, want)
		}
	}
}

// checkStatsContract fails if an accepted body breaks the contract.
func checkStatsContract(t *testing.T, body []byte, s *UserUsageStats) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(body, &obj); err != nil {
		t.Fatalf("accepted a body that is not a JSON object: %v", err)
	}
	present := func(o map[string]json.RawMessage, k string) bool {
		v, ok := o[k]
		return ok && !bytes.Equal(bytes.TrimSpace(v), []byte("null"))
	}
	for _, k := range statsRequired {
		if !present(obj, k) {
			t.Fatalf("accepted a body without %s", k)
		}
	}
	var tb map[string]json.RawMessage
	if err := json.Unmarshal(obj["token_breakdown"], &tb); err != nil {
		t.Fatalf("accepted a token_breakdown that is not an object")
	}
	for _, k := range breakdownRequired {
		if !present(tb, k) {
			t.Fatalf("accepted a token_breakdown without %s", k)
		}
	}
	b := s.TokenBreakdown
	for _, v := range []int64{s.TotalWorkflows, s.TotalInstances, s.TotalTokens, s.TotalInputTokens, s.TotalOutputTokens,
		s.TotalCacheCreationTokens, s.TotalCacheReadTokens, s.TotalExecutionTimeMS,
		b.InputTokens, b.OutputTokens, b.CacheCreationInputTokens, b.CacheReadInputTokens, b.TotalTokens} {
		if v < 0 {
			t.Fatalf("accepted a negative count: %+v", s)
		}
	}
	if s.TotalCostUSD < 0 || s.UserID == "" || s.Username == "" {
		t.Fatalf("accepted %+v", s)
	}
	// Nothing absurd or unprintable gets through (see usage.CheckCount).
	for _, v := range []int64{s.TotalTokens, s.TotalInputTokens, s.TotalOutputTokens, s.TotalCacheCreationTokens,
		s.TotalCacheReadTokens, s.TotalExecutionTimeMS, s.TotalWorkflows, s.TotalInstances,
		b.InputTokens, b.OutputTokens, b.CacheCreationInputTokens, b.CacheReadInputTokens, b.TotalTokens} {
		if v > usage.MaxCount {
			t.Fatalf("accepted an absurd count %d", v)
		}
	}
	if s.TotalCostUSD > usage.MaxCostUSD || textsafe.Clean(s.Username) != s.Username || textsafe.Clean(s.UserID) != s.UserID {
		t.Fatalf("accepted an absurd cost or unclean text: %+v", s)
	}
}

// checkRejection fails unless err is a short EBADDATA error that quotes nothing long from body.
func checkRejection(t *testing.T, body []byte, err error) {
	var be *backend.Error
	if !errors.As(err, &be) || be.Code != backend.EBADDATA {
		t.Fatalf("err = %v, want an EBADDATA *backend.Error", err)
	}
	if len(be.Message) > 200 || strings.Contains(err.Error(), "\n") {
		t.Fatalf("message too long or multi-line: %q", err.Error())
	}
	if len(body) >= 16 && strings.Contains(err.Error(), string(body)) {
		t.Fatalf("message quotes the body: %q", err.Error())
	}
}

func FuzzDecodeUsageStats(f *testing.F) {
	good := mustJSON(f, validStats())
	f.Add(good, "application/json")
	f.Add(good, "")
	f.Add(good, "text/html")
	for _, k := range statsRequired {
		m := validStats()
		delete(m, k)
		f.Add(mustJSON(f, m), "application/json")
		m = validStats()
		m[k] = "-1"
		f.Add(mustJSON(f, m), "application/json")
	}
	m := validStats()
	m["total_tokens"] = -1
	f.Add(mustJSON(f, m), "application/json")
	f.Add([]byte(`{"token_breakdown":null}`), "application/json")
	f.Add([]byte(`{"user_id":"u","username":"a","total_tokens":1e400}`), "application/json")
	m = validStats()
	m["total_cost_usd"], m["username"] = 1.7e308, "\x1b[2Jada"
	f.Add(mustJSON(f, m), "application/json")
	f.Add([]byte(`<html></html>`), "")
	f.Add(good[:len(good)/2], "application/json")
	f.Add([]byte(`null`), "application/json")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		s, err := decodeUsageStats(body, contentType)
		if err != nil {
			checkRejection(t, body, err)
			return
		}
		checkStatsContract(t, body, s)
	})
}

func FuzzDecodeLogin(f *testing.F) {
	f.Add([]byte(`{"access_token":"a.b.c","token_type":"bearer","user":{"id":"u-1","username":"ada"}}`))
	f.Add([]byte(`{"access_token":"a.b.c","user":{"id":"u-1","username":"ada","full_name":null,"is_admin":"no"}}`))
	f.Add([]byte(`{"access_token":"","user":{"id":"u-1","username":"ada"}}`))
	f.Add([]byte(`{"access_token":"a.b.c","token_type":"mac","user":{"id":"u-1","username":"ada"}}`))
	f.Add([]byte(`{"access_token":"a.b.c","user":[]}`))
	f.Add([]byte(`{"access_token":"a.b.c","user":{"id":"u-\u001b1","username":"\u001b]0;x\u0007ada","email":"\u009b"}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		r, err := decodeLogin(body, "application/json")
		if err != nil {
			checkRejection(t, body, err)
			return
		}
		if r.AccessToken == "" || r.User.ID == "" || r.User.Username == "" {
			t.Fatalf("accepted %+v", r)
		}
		if u := r.User; textsafe.Clean(u.Username) != u.Username || textsafe.Clean(u.Email) != u.Email || textsafe.Clean(u.ID) != u.ID {
			t.Fatalf("accepted unclean text: %+v", u)
		}
	})
}
