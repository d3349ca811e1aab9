package platform

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"usagedash/backend"
)

// headline is the span of the headline call of "Last 30 days" at testNow.
const headlineStart, headlineEnd = "2026-10-22T00:00:00.000Z", "2026-11-20T23:59:59.999Z"

func TestTotalsArriveWhileTheSeriesIsStillLoading(t *testing.T) {
	h := &seriesServer{}
	release := make(chan struct{})
	blocked := make(chan struct{}, 64)
	h.setHold(func(start, end string) {
		if start == headlineStart && end == headlineEnd {
			return // the headline answers at once
		}
		blocked <- struct{}{}
		select { // every bucket waits until the test has seen the totals
		case <-release:
		case <-time.After(patience):
		}
	})
	src, _ := seriesSource(t, h)
	q := backend.Query{Period: resolved(t, backend.PeriodRequest{Preset: "last_30_days"})}
	parts := make(chan backend.PartResult, 8)
	type result struct {
		r   *backend.Report
		err error
	}
	done := make(chan result, 1)
	go func() {
		r, err := backend.ReportInParts(context.Background(), src, q, func(p backend.PartResult) { parts <- p })
		done <- result{r, err}
	}()

	// The totals (and the parts the API cannot give) come while buckets wait.
	got := map[backend.ReportPart]backend.PartResult{}
	for len(got) < 3 {
		p := waitUntil(t, parts, "the totals")
		got[p.Part] = p
	}
	totals, ok := got[backend.PartTotals]
	if !ok || totals.Status.State != backend.PartDone || totals.Report.TotalCostUSD != 1.25 || totals.Report.Series != nil {
		t.Fatalf("first parts %v", got)
	}
	if got[backend.PartBreakdowns].Status.Message != NoteNoBreakdowns || got[backend.PartPricing].Status.State != backend.PartUnavailable {
		t.Fatalf("unavailable parts %+v", got)
	}
	waitUntil(t, blocked, "a bucket call")
	select {
	case p := <-parts:
		t.Fatalf("part %s arrived before its buckets answered", p.Part)
	case r := <-done:
		t.Fatalf("the report returned before its buckets answered: %v", r.err)
	default:
	}
	close(release)
	series := waitUntil(t, parts, "the series")
	if series.Part != backend.PartSeries || series.Status.State != backend.PartDone || len(series.Report.Series.Rows) != 30 || series.Report.TotalCostUSD != 1.25 {
		t.Fatalf("series part %+v", series)
	}
	res := waitUntil(t, done, "the report")
	if res.err != nil || res.r.Series == nil || res.r.TotalTokens != 22 { // the headline's start, 22 October
		t.Fatalf("report %v %+v", res.err, res.r)
	}
	// The snapshot handed over with the totals did not change afterwards.
	if totals.Report.Series != nil || totals.Report.PartStatusOf(backend.PartSeries).State != "" {
		t.Fatalf("the totals snapshot changed: %v", totals.Report.Parts)
	}
}

func TestClosedBucketsAreKeptAndNotFetchedAgain(t *testing.T) {
	h := &seriesServer{}
	dir := t.TempDir()
	src, token := seriesSource(t, h)
	src.UseBucketStore(NewDiskBuckets(dir), "profile-1")
	q := backend.Query{Period: resolved(t, backend.PeriodRequest{Preset: "last_30_days"})}
	first, err := src.Report(context.Background(), q)
	if err != nil || first.Series == nil {
		t.Fatalf("first: %v %+v", err, first)
	}
	if n := h.dayCalls(); n != 30 {
		t.Fatalf("the first refresh asked for %d days, want 30", n)
	}

	// A second refresh, by a new source on the same folder (the app
	// restarted), asks for today only: the 29 days before have ended.
	again, _ := seriesSource(t, h)
	again.UseBucketStore(NewDiskBuckets(dir), "profile-1")
	again.tokens = src.tokens
	second, err := again.Report(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	if n := h.dayCalls(); n != 31 || h.callsOf("2026-11-20T00:00:00.000Z", "2026-11-20T23:59:59.999Z") != 2 {
		t.Fatalf("the second refresh asked for %d days, want exactly 1 (today)", n-30)
	}
	if !reflect.DeepEqual(first.Series, second.Series) {
		t.Fatalf("stored buckets differ:\n%+v\n%+v", first.Series, second.Series)
	}

	// Another scope (profile) shares nothing.
	other, _ := seriesSource(t, h)
	other.UseBucketStore(NewDiskBuckets(dir), "profile-2")
	if _, err := other.Report(context.Background(), q); err != nil || h.dayCalls() != 61 {
		t.Fatalf("another profile: %v, %d day calls", err, h.dayCalls()-31)
	}

	// The files hold figures only: no token, no scope in their names.
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) != 2 {
		t.Fatalf("files %v", files)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), token) || strings.Contains(filepath.Base(f), "profile") {
			t.Fatalf("%s holds a secret or the scope in its name", f)
		}
	}
}

func TestABrokenBucketFileIsRefetchedAndReplaced(t *testing.T) {
	h := &seriesServer{}
	dir := t.TempDir()
	store := NewDiskBuckets(dir)
	src, _ := seriesSource(t, h)
	src.UseBucketStore(store, "p")
	if err := os.WriteFile(store.path("p"), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	q := backend.Query{Period: resolved(t, backend.PeriodRequest{Preset: "last_7_days"})}
	if r, err := src.Report(context.Background(), q); err != nil || r.Series == nil || h.dayCalls() != 7 {
		t.Fatalf("broken file: %v, %d day calls", err, h.dayCalls())
	}
	if _, err := src.Report(context.Background(), q); err != nil || h.dayCalls() != 8 {
		t.Fatalf("after the file was replaced: %v, %d day calls, want 8", err, h.dayCalls())
	}
}

func TestAnEndedSessionFailsEveryPartNotYetDelivered(t *testing.T) {
	h := &seriesServer{}
	h.setFail(func(start, end string) (int, string) {
		if start == headlineStart && end == headlineEnd {
			return 401, "Could not validate credentials"
		}
		return 0, ""
	})
	src, _ := seriesSource(t, h)
	q := backend.Query{Period: resolved(t, backend.PeriodRequest{Preset: "last_30_days"})}
	seen := map[backend.ReportPart]int{}
	var totals backend.PartStatus
	r, err := backend.ReportInParts(context.Background(), src, q, func(p backend.PartResult) {
		seen[p.Part]++
		if p.Part == backend.PartTotals {
			totals = p.Status
		}
	})
	if r != nil || !errors.Is(err, ErrSessionExpired) {
		t.Fatalf("report %v, error %v", r, err)
	}
	for _, part := range backend.AllParts {
		if seen[part] != 1 {
			t.Fatalf("part %s delivered %d times", part, seen[part])
		}
	}
	if totals.State != backend.PartFailed || totals.Code != backend.EUNAUTHORIZED || totals.Retryable || totals.Message != "Your session has ended. Sign in again." {
		t.Fatalf("totals %+v", totals)
	}
}

func TestTodayAsksForTheHoursNotYetClosedAndNoneAhead(t *testing.T) {
	h := &seriesServer{}
	src, _ := seriesSource(t, h)
	src.UseBucketStore(NewDiskBuckets(t.TempDir()), "p")
	q := backend.Query{Period: resolved(t, backend.PeriodRequest{Preset: "today"})}
	hourCalls := func() int {
		return int(h.calls.Load()) - h.callsOf("2026-11-20T00:00:00.000Z", "2026-11-20T23:59:59.999Z")
	}
	r, err := src.Report(context.Background(), q)
	if err != nil || r.Series == nil || len(r.Series.Rows) != 24 {
		t.Fatalf("%v %+v", err, r)
	}
	// At 12:00 the hours 00..12 are asked for; 13..23 have not begun.
	if n := hourCalls(); n != 13 {
		t.Fatalf("%d hour calls, want 13", n)
	}
	for i, row := range r.Series.Rows {
		if want := int64(20); i > 12 {
			want = 0
			if row.Tokens.TotalTokens != want || row.CostUSD != 0 {
				t.Fatalf("hour %d ahead of now: %+v", i, row)
			}
		} else if row.Tokens.TotalTokens != want {
			t.Fatalf("hour %d: %+v", i, row)
		}
	}
	// Hours 00..10 have closed (11:00-11:59 closes two minutes after 12:00):
	// a refresh asks for 11 and 12 only.
	if _, err := src.Report(context.Background(), q); err != nil || hourCalls() != 15 {
		t.Fatalf("refresh: %v, %d hour calls, want 2", err, hourCalls()-13)
	}
}

func TestAStoredBucketWithANegativeFigureIsFetchedAgain(t *testing.T) {
	store := NewDiskBuckets(t.TempDir())
	day := backend.Bucket{Start: time.Date(2026, 11, 14, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 11, 14, 23, 59, 59, 999e6, time.UTC)}
	good := backend.Bucket{Start: day.Start.AddDate(0, 0, 1), End: day.End.AddDate(0, 0, 1)}
	err := store.Put("p", map[string]backend.BucketUsage{day.Span(): {CostUSD: -1}, good.Span(): {CostUSD: 2}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := store.Get("p", []string{day.Span(), good.Span()})
	if err != nil || len(got) != 1 || got[good.Span()].CostUSD != 2 {
		t.Fatalf("%v %+v", err, got)
	}
}
