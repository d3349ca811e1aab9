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

// patience bounds every wait of these tests: generous, for a busy machine.
const patience = 30 * time.Second

// seriesServer answers usage-stats with a day's number of tokens (the day of
// period_start), counts the calls per period and the requests in flight;
// fail, when set, picks the answer of some calls, and hold, when set, runs
// before each answer (to make calls overlap or wait).
type seriesServer struct {
	inFlight, maxInFlight, calls atomic.Int64
	// fail and hold are read by handlers that may still run after a report
	// returned (calls cancelled by a failed sibling): swapped atomically.
	fail atomic.Pointer[failFunc]
	hold atomic.Pointer[func(start, end string)]

	mu     sync.Mutex
	byCall map[string]int // "start end" → calls
}

// failFunc picks the answer of a call: status 0 answers normally.
type failFunc func(start, end string) (status int, detail string)

// setFail makes the server answer calls with f.
func (s *seriesServer) setFail(f failFunc) { s.fail.Store(&f) }

// setHold makes each call run f before it answers.
func (s *seriesServer) setHold(f func(start, end string)) { s.hold.Store(&f) }

func (s *seriesServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := s.inFlight.Add(1)
	defer s.inFlight.Add(-1)
	s.calls.Add(1)
	for m := s.maxInFlight.Load(); n > m && !s.maxInFlight.CompareAndSwap(m, n); m = s.maxInFlight.Load() {
	}
	start, end := r.URL.Query().Get("period_start"), r.URL.Query().Get("period_end")
	s.mu.Lock()
	if s.byCall == nil {
		s.byCall = map[string]int{}
	}
	s.byCall[start+" "+end]++
	s.mu.Unlock()
	if h := s.hold.Load(); h != nil {
		(*h)(start, end)
	}
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

// callsOf counts the calls made for one period (RFC 3339 bounds as sent).
func (s *seriesServer) callsOf(start, end string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.byCall[start+" "+end]
}

// dayCalls counts the calls made for single days (the series' buckets).
func (s *seriesServer) dayCalls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for k, c := range s.byCall {
		if start, end, _ := strings.Cut(k, " "); len(start) > 10 && start[:10] == end[:10] && strings.HasSuffix(end, "23:59:59.999Z") {
			n += c
		}
	}
	return n
}

// testNow is the instant the tests' periods are resolved at and the
// platform source believes it is.
var testNow = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

func seriesSource(t *testing.T, h http.Handler) (*Source, string) {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	token := testToken(t)
	src := NewSource(newClient(t, srv.URL, Options{}), "p", tokens{token: token})
	src.now = func() time.Time { return testNow }
	return src, token
}

func resolved(t *testing.T, req backend.PeriodRequest) backend.Period {
	t.Helper()
	p, err := backend.ResolveRequest(req, testNow, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// waitUntil waits on ch (closed or sent to) for at most patience.
func waitUntil[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(patience):
		t.Fatalf("gave up waiting for %s", what)
		panic("unreachable")
	}
}

func TestSeriesIsFetchedPerBucketWithBoundedConcurrency(t *testing.T) {
	h := &seriesServer{}
	full := make(chan struct{})
	var once sync.Once
	h.setHold(func(string, string) {
		// The first calls wait until MaxInFlight are in flight together.
		if h.inFlight.Load() >= MaxInFlight {
			once.Do(func() { close(full) })
		}
		select {
		case <-full:
		case <-time.After(patience):
		}
	})
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
		day := int64(i%30 + 1) // 30 days of September, then October
		if i >= 30 {
			day = int64(i - 29)
		}
		if row.Tokens.InputTokens != day || row.Tokens.TotalTokens != day || row.CostUSD != 1.25 || row.ExecutionTimeMS != 60000 {
			t.Fatalf("row %d: %+v", i, row)
		}
	}
	if r.Series.Rows[0].Key != "2026-09-01" || r.Series.Rows[44].Label != "2026-10-15" {
		t.Fatalf("keys %s..%s", r.Series.Rows[0].Key, r.Series.Rows[44].Label)
	}
	if r.Series.Knows(backend.FieldLogs) || r.Series.Knows(backend.FieldComputedUSD) || !r.Series.Knows("cost_usd") {
		t.Fatalf("the platform gives no log counts or computed costs: unknown %v", r.Series.Unknown)
	}
	if got := h.calls.Load(); got != 46 {
		t.Fatalf("%d calls, want 46 (the headline and 45 days)", got)
	}
	if m := h.maxInFlight.Load(); m != MaxInFlight {
		t.Fatalf("at most %d requests were in flight, want %d", m, MaxInFlight)
	}
	for part, want := range map[backend.ReportPart]backend.PartState{backend.PartTotals: backend.PartDone, backend.PartSeries: backend.PartDone,
		backend.PartBreakdowns: backend.PartUnavailable, backend.PartPricing: backend.PartUnavailable} {
		if st := r.PartStatusOf(part); st.State != want {
			t.Fatalf("part %s: %+v, want %s", part, st, want)
		}
	}
	if r.Coverage.CountsScope != backend.ScopeAllTime || r.Coverage.AveragesOver != backend.ScopeAllTime || r.Coverage.ActiveInstances != nil {
		t.Fatalf("the platform's counts are all-time: %+v", r.Coverage)
	}
	if r.Source.Kind != backend.SourcePlatform || r.Source.Label != "p" || r.Source.Account != "ada" || r.TotalTokens != 1 {
		t.Fatalf("headline: source %+v, tokens %d", r.Source, r.TotalTokens)
	}
}

func TestSeriesNotesForLongOpenAndSkippedPeriods(t *testing.T) {
	h := &seriesServer{}
	src, _ := seriesSource(t, h)
	ctx := context.Background()
	for _, req := range []backend.PeriodRequest{{Preset: "all_time"}, {Preset: "custom", From: "2026-01-01", To: "2026-04-04"}} {
		before := h.calls.Load()
		r, err := src.Report(ctx, backend.Query{Period: resolved(t, req)})
		if err != nil {
			t.Fatal(err)
		}
		st := r.PartStatusOf(backend.PartSeries)
		if r.Series != nil || r.SeriesNote != NoteSeriesTooLong || st.State != backend.PartUnavailable || st.Message != NoteSeriesTooLong || h.calls.Load() != before+1 {
			t.Fatalf("%+v: series %v, note %q, status %+v, %d calls", req, r.Series, r.SeriesNote, st, h.calls.Load()-before)
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
	// A query for the series alone makes no headline call.
	week := resolved(t, backend.PeriodRequest{Preset: "custom", From: "2026-11-01", To: "2026-11-07"})
	before = h.calls.Load()
	r, err = src.Report(ctx, backend.Query{Period: week, Parts: []backend.ReportPart{backend.PartSeries}})
	if err != nil || r.Series == nil || h.calls.Load() != before+7 || r.PartStatusOf(backend.PartTotals).State != "" {
		t.Fatalf("series alone: %v, %d calls, parts %v", err, h.calls.Load()-before, r.Parts)
	}
}

func TestAFailedBucketFailsTheSeriesAloneAfterBoundedRetries(t *testing.T) {
	h := &seriesServer{}
	src, token := seriesSource(t, h)
	ctx := context.Background()
	week := resolved(t, backend.PeriodRequest{Preset: "custom", From: "2026-11-01", To: "2026-11-07"})
	const bad = "2026-11-03T00:00:00.000Z"

	// A day that always fails is tried three times, then the series fails
	// (retryable) and the headline figures stay; the token is never shown.
	h.setFail(func(start, _ string) (int, string) {
		if start == bad {
			return 500, "boom " + token
		}
		return 0, ""
	})
	r, err := src.Report(ctx, backend.Query{Period: week})
	if err != nil {
		t.Fatal(err)
	}
	const msg = "The usage over time could not be loaded from the platform: The platform had an internal error (HTTP 500)."
	st := r.PartStatusOf(backend.PartSeries)
	if r.Series != nil || r.TotalTokens != 1 || r.SeriesNote != msg || st.State != backend.PartFailed || st.Message != msg || !st.Retryable || st.Code != backend.EUNAVAILABLE {
		t.Fatalf("series %v, total %d, note %q, status %+v", r.Series, r.TotalTokens, r.SeriesNote, st)
	}
	if n := h.callsOf(bad, "2026-11-03T23:59:59.999Z"); n != 1+len(bucketRetryDelays) {
		t.Fatalf("the failing day was asked %d times, want %d", n, 1+len(bucketRetryDelays))
	}

	// A day that fails once is retried and the series is whole.
	var failed atomic.Bool
	h.setFail(func(start, _ string) (int, string) {
		if start == "2026-11-04T00:00:00.000Z" && failed.CompareAndSwap(false, true) {
			return 503, "busy"
		}
		return 0, ""
	})
	r, err = src.Report(ctx, backend.Query{Period: week})
	if err != nil || r.Series == nil || len(r.Series.Rows) != 7 || r.Series.Rows[3].Tokens.InputTokens != 4 || !failed.Load() {
		t.Fatalf("a retried day: %v, %+v", err, r)
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

	// The headline call failing fails a report that wants the totals.
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
		t.Fatalf("the time zone database is needed: %v", err)
	}
	h := &seriesServer{}
	src, _ := seriesSource(t, h)
	p, err := backend.ResolveRequest(backend.PeriodRequest{Preset: "custom", From: "2026-11-01", To: "2026-11-01"}, testNow, ny)
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
	if h.callsOf("2026-11-01T05:00:00.000Z", "2026-11-01T05:59:59.999Z") != 1 || h.callsOf("2026-11-01T06:00:00.000Z", "2026-11-01T06:59:59.999Z") != 1 || len(h.byCall) != 26 {
		t.Fatalf("calls %v", h.byCall)
	}
}
