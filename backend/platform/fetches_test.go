package platform

import (
	"context"
	"sync"
	"testing"

	"usagedash/backend"
)

// TestFetchesServeEachPartFromOneFetch drives backend.Fetches as the app
// layer does, one call per part, against a real platform server.
func TestFetchesServeEachPartFromOneFetch(t *testing.T) {
	h := &seriesServer{}
	src, _ := seriesSource(t, h)
	ctx := context.Background()
	fetches := backend.NewFetches(ctx)
	kept := make(chan *backend.Report, 8)
	fetches.OnReport = func(key string, r *backend.Report) {
		if key == "p1|last_30_days" {
			kept <- r
		}
	}
	q := backend.Query{Period: resolved(t, backend.PeriodRequest{Preset: "last_30_days"})}
	plan := func() (backend.FetchPlan, error) { return backend.FetchPlan{Source: src, Query: q}, nil }
	headline := func() int { return h.callsOf(headlineStart, headlineEnd) }

	// All four parts, asked at once, come from one fetch.
	ask := func(parts ...backend.ReportPart) map[backend.ReportPart]*backend.PartResult {
		out := map[backend.ReportPart]*backend.PartResult{}
		var wg sync.WaitGroup
		var omu sync.Mutex
		for _, p := range parts {
			wg.Go(func() {
				res, err := fetches.Part(ctx, "p1|last_30_days", p, plan)
				if err != nil {
					t.Errorf("part %s: %v", p, err)
					return
				}
				omu.Lock()
				out[p] = res
				omu.Unlock()
			})
		}
		wg.Wait()
		return out
	}
	got := ask(backend.AllParts...)
	if headline() != 1 || h.dayCalls() != 30 {
		t.Fatalf("%d headline and %d day calls, want 1 and 30", headline(), h.dayCalls())
	}
	if got[backend.PartTotals].Status.State != backend.PartDone || got[backend.PartSeries].Report.Series == nil ||
		got[backend.PartBreakdowns].Status.State != backend.PartUnavailable {
		t.Fatalf("parts %+v", got)
	}

	// A refresh asks again: one new fetch serves both parts.
	ask(backend.PartTotals, backend.PartSeries)
	if headline() != 2 || h.dayCalls() != 60 {
		t.Fatalf("after a refresh: %d headline and %d day calls, want 2 and 60", headline(), h.dayCalls())
	}

	// A failed day fails the series alone; its Retry asks for the days only.
	const bad = "2026-11-05T00:00:00.000Z"
	h.setFail(func(start, _ string) (int, string) {
		if start == bad {
			return 503, "busy"
		}
		return 0, ""
	})
	got = ask(backend.PartTotals, backend.PartSeries)
	if st := got[backend.PartSeries].Status; st.State != backend.PartFailed || !st.Retryable || got[backend.PartTotals].Status.State != backend.PartDone {
		t.Fatalf("a failed day: %+v", got)
	}
	h.setFail(func(string, string) (int, string) { return 0, "" })
	before := h.dayCalls()
	res, err := fetches.Retry(ctx, "p1|last_30_days", backend.PartSeries, plan)
	if err != nil || res.Status.State != backend.PartDone || len(res.Report.Series.Rows) != 30 {
		t.Fatalf("retry: %v %+v", err, res)
	}
	if headline() != 3 || h.dayCalls() != before+30 {
		t.Fatalf("the retry made %d headline calls and %d day calls, want none and 30", headline()-3, h.dayCalls()-before)
	}

	// Three whole fetches and the retry merged into the third are kept.
	var reports []*backend.Report
	for range 4 {
		reports = append(reports, waitUntil(t, kept, "a kept report"))
	}
	select {
	case r := <-kept:
		t.Fatalf("a fifth report was kept: %v", r.Parts)
	default:
	}
	// (OnReport runs after each fetch's last part, so they may come in any order.)
	state := map[backend.PartState]int{}
	for _, r := range reports {
		if r.PartStatusOf(backend.PartTotals).State != backend.PartDone || r.TotalCostUSD != 1.25 {
			t.Fatalf("a kept report without its totals: %v", r.Parts)
		}
		st := r.PartStatusOf(backend.PartSeries).State
		state[st]++
		if (st == backend.PartDone) != (r.Series != nil) {
			t.Fatalf("series %v with status %s", r.Series != nil, st)
		}
	}
	if state[backend.PartDone] != 3 || state[backend.PartFailed] != 1 {
		t.Fatalf("kept series states %v, want 3 done (the retry's among them) and 1 failed", state)
	}
}

func TestFetchesReportAFailedPlanAndStopWaitingWithTheCaller(t *testing.T) {
	fetches := backend.NewFetches(context.Background())
	fail := func() (backend.FetchPlan, error) {
		return backend.FetchPlan{}, backend.Errorf(backend.ENOTFOUND, "Choose a connection first.")
	}
	res, err := fetches.Part(context.Background(), "k", backend.PartTotals, fail)
	if err != nil || res.Status.State != backend.PartFailed || res.Status.Message != "Choose a connection first." || res.Status.Retryable {
		t.Fatalf("%v %+v", err, res)
	}

	h := &seriesServer{}
	release := make(chan struct{})
	defer close(release)
	h.setHold(func(string, string) { <-release })
	src, _ := seriesSource(t, h)
	q := backend.Query{Period: resolved(t, backend.PeriodRequest{Preset: "today"})}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = fetches.Part(ctx, "k2", backend.PartTotals, func() (backend.FetchPlan, error) { return backend.FetchPlan{Source: src, Query: q}, nil })
	if backend.ErrorCode(err) != backend.EUNAVAILABLE {
		t.Fatalf("a caller that gave up: %v", err)
	}
}
