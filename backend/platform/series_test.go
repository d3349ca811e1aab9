package platform

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"usagedash/backend"
)

// seriesServer answers usage-stats with a day's number of tokens (the day of
// period_start) and counts the requests in flight; fail, when set, picks the
// answer of some calls instead.
type seriesServer struct {
	inFlight, maxInFlight, calls atomic.Int64
	// fail is read by handlers that may still run after a report returned
	// (calls cancelled by a failed sibling), so tests swap it atomically.
	fail atomic.Pointer[failFunc]
}

// failFunc picks the answer of a call: status 0 answers normally.
type failFunc func(start, end string) (status int, detail string)

// setFail makes the server answer calls with f.
func (s *seriesServer) setFail(f failFunc) { s.fail.Store(&f) }

func (s *seriesServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := s.inFlight.Add(1)
	defer s.inFlight.Add(-1)
	s.calls.Add(1)
	for m := s.maxInFlight.Load(); n > m && !s.maxInFlight.CompareAndSwap(m, n); m = s.maxInFlight.Load() {
	}
	time.Sleep(5 * time.Millisecond)
	start, end := r.URL.Query().Get("period_start"), r.URL.Query().Get("period_end")
	if f := s.fail.Load(); f != nil {
		if status, detail := (*f)(start, end); status != 0 {
			writeJSON(w, status, ErrorResponse{Detail: detail})
			return
		}
	}
	stats := validStats()
	if len(start) >= 10 {
		day := int64(start[8]-'0')*10 + int64(start[9]-'0')
		stats["total_input_tokens"], stats["total_tokens"] = day, day
		stats["token_breakdown"] = map[string]any{"input_tokens": day, "output_tokens": 0, "cache_creation_input_tokens": 0,
			"cache_read_input_tokens": 0, "total_tokens": day}
	}
	writeJSON(w, 200, stats)
}

func seriesSource(t *testing.T, h http.Handler) (*Source, string) {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	token := testToken(t)
	return NewSource(newClient(t, srv.URL, Options{}), "p", tokens{token: token}), token
}

func resolved(t *testing.T, req backend.PeriodRequest) backend.Period {
	t.Helper()
	p, err := backend.ResolveRequest(req, time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSeriesIsFetchedPerBucketWithBoundedConcurrency(t *testing.T) {
	h := &seriesServer{}
	src, _ := seriesSource(t, h)
	p := resolved(t, backend.PeriodRequest{Preset: "custom", From: "2026-09-01", To: "2026-10-15"})
	r, err := src.Report(context.Background(), backend.Query{Period: p})
	if err != nil {
		t.Fatal(err)
	}
	if r.Series == nil || r.SeriesNote != "" || r.Series.Bucket != backend.BucketDay || len(r.Series.Rows) != 45 {
		t.Fatalf("series %+v note %q", r.Series, r.SeriesNote)
	}
	for i, row := range r.Series.Rows {
		day := int64(i%30 + 1)
		if i >= 30 {
			day = int64(i - 29)
		}
		if row.Tokens.InputTokens != day || row.Tokens.TotalTokens != day || row.Logs != 0 || row.CostUSD != 1.25 || row.ExecutionTimeMS != 60000 {
			t.Fatalf("row %d: %+v", i, row)
		}
	}
	if r.Series.Rows[0].Key != "2026-09-01" || r.Series.Rows[44].Label != "2026-10-15" {
		t.Fatalf("keys %s..%s", r.Series.Rows[0].Key, r.Series.Rows[44].Label)
	}
	if got := h.calls.Load(); got != 46 {
		t.Fatalf("%d calls, want 46 (the headline and 45 days)", got)
	}
	if m := h.maxInFlight.Load(); m > MaxInFlight || m < 2 {
		t.Fatalf("at most %d requests were in flight, want 2..%d", m, MaxInFlight)
	}
}

func TestSeriesNotesForLongOpenAndFailedPeriods(t *testing.T) {
	h := &seriesServer{}
	src, token := seriesSource(t, h)
	ctx := context.Background()
	for _, req := range []backend.PeriodRequest{{Preset: "all_time"}, {Preset: "custom", From: "2026-01-01", To: "2026-04-04"}} {
		before := h.calls.Load()
		r, err := src.Report(ctx, backend.Query{Period: resolved(t, req)})
		if err != nil {
			t.Fatal(err)
		}
		if r.Series != nil || r.SeriesNote != NoteSeriesTooLong || h.calls.Load() != before+1 {
			t.Fatalf("%+v: series %v, note %q, %d calls", req, r.Series, r.SeriesNote, h.calls.Load()-before)
		}
	}
	// The tray's totals-only query makes the headline call alone.
	before := h.calls.Load()
	r, err := src.Report(ctx, backend.Query{Period: resolved(t, backend.PeriodRequest{Preset: "this_month"}), TotalsOnly: true})
	if err != nil || r.Series != nil || r.SeriesNote != NoteSeriesSkipped || h.calls.Load() != before+1 {
		t.Fatalf("totals only: %v, series %v, note %q, %d calls", err, r.Series, r.SeriesNote, h.calls.Load()-before)
	}
	// 93 days is the most: 1 January to 3 April 2026.
	r, err = src.Report(ctx, backend.Query{Period: resolved(t, backend.PeriodRequest{Preset: "custom", From: "2026-01-01", To: "2026-04-03"})})
	if err != nil || r.Series == nil || len(r.Series.Rows) != 93 {
		t.Fatalf("93 days: %v %+v", err, r)
	}

	// One failed day keeps the headline figures and says why, without the token.
	h.setFail(func(start, _ string) (int, string) {
		if start == "2026-11-03T00:00:00.000Z" {
			return 500, "boom " + token
		}
		return 0, ""
	})
	week := resolved(t, backend.PeriodRequest{Preset: "custom", From: "2026-11-01", To: "2026-11-07"})
	r, err = src.Report(ctx, backend.Query{Period: week})
	if err != nil {
		t.Fatal(err)
	}
	if r.Series != nil || r.TotalTokens != 1 || r.SeriesNote != "The usage over time could not be loaded from the platform: The platform had an internal error (HTTP 500)." {
		t.Fatalf("series %v, total %d, note %q", r.Series, r.TotalTokens, r.SeriesNote)
	}

	// A day whose call finds the session ended fails the report.
	h.setFail(func(start, _ string) (int, string) {
		if start == "2026-11-05T00:00:00.000Z" {
			return 401, "Could not validate credentials"
		}
		return 0, ""
	})
	_, err = src.Report(ctx, backend.Query{Period: week})
	if !errors.Is(err, ErrSessionExpired) || backend.ErrorCode(err) != backend.EUNAUTHORIZED {
		t.Fatalf("an ended session must fail the report: %v", err)
	}

	// The headline call failing fails the report, whatever the days do.
	h.setFail(func(start, end string) (int, string) {
		if start == "2026-11-01T00:00:00.000Z" && strings.HasPrefix(end, "2026-11-07") {
			return 503, "down"
		}
		return 0, ""
	})
	if _, err = src.Report(ctx, backend.Query{Period: week}); backend.ErrorCode(err) != backend.EUNAVAILABLE {
		t.Fatalf("headline failure: %v", err)
	}
}

func TestSeriesHoursOfAFallBackDay(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	var mu sync.Mutex
	seen := map[string]bool{}
	h := &seriesServer{}
	h.setFail(func(start, end string) (int, string) {
		mu.Lock()
		defer mu.Unlock()
		seen[start+" "+end] = true
		return 0, ""
	})
	src, _ := seriesSource(t, h)
	p, err := backend.ResolveRequest(backend.PeriodRequest{Preset: "custom", From: "2026-11-01", To: "2026-11-01"}, time.Now(), ny)
	if err != nil {
		t.Fatal(err)
	}
	r, err := src.Report(context.Background(), backend.Query{Period: p})
	if err != nil {
		t.Fatal(err)
	}
	if r.Series == nil || r.Series.Bucket != backend.BucketHour || len(r.Series.Rows) != 25 ||
		r.Series.Rows[1].Key != "2026-11-01T01:00:00-04:00" || r.Series.Rows[2].Key != "2026-11-01T01:00:00-05:00" {
		t.Fatalf("series %+v", r.Series)
	}
	// 01:00 EDT is 05:00 UTC, 01:00 EST is 06:00 UTC.
	if !seen["2026-11-01T05:00:00.000Z 2026-11-01T05:59:59.999Z"] || !seen["2026-11-01T06:00:00.000Z 2026-11-01T06:59:59.999Z"] || len(seen) != 26 {
		t.Fatalf("calls %v", seen)
	}
}
