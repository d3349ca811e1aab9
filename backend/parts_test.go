package backend_test

import (
	"testing"

	"usagedash/backend"
)

func TestQueryWantsItsParts(t *testing.T) {
	all := backend.Query{}
	tray := backend.Query{TotalsOnly: true}
	series := backend.Query{Parts: []backend.ReportPart{backend.PartSeries}}
	for _, p := range backend.AllParts {
		if !all.Wants(p) || tray.Wants(p) != (p == backend.PartTotals) || series.Wants(p) != (p == backend.PartSeries) {
			t.Errorf("part %s: all %v, tray %v, series %v", p, all.Wants(p), tray.Wants(p), series.Wants(p))
		}
	}
}

func TestAReportStoredBeforePartsHoldsWhatItHasFieldsFor(t *testing.T) {
	r := &backend.Report{Series: &backend.Series{}, SeriesNote: ""}
	want := map[backend.ReportPart]backend.PartState{backend.PartTotals: backend.PartDone, backend.PartSeries: backend.PartDone,
		backend.PartBreakdowns: "", backend.PartPricing: ""}
	for p, st := range want {
		if got := r.PartStatusOf(p).State; got != st {
			t.Errorf("%s: %q, want %q", p, got, st)
		}
	}
	r = &backend.Report{SeriesNote: "too long"}
	if st := r.PartStatusOf(backend.PartSeries); st.State != backend.PartUnavailable || st.Message != "too long" {
		t.Errorf("a series note reads as unavailable: %+v", st)
	}
	// Once Parts is set, a part not in it has not arrived.
	r.SetPart(backend.PartTotals, backend.PartStatus{State: backend.PartDone})
	if r.PartStatusOf(backend.PartSeries).State != "" {
		t.Error("a part not in Parts must read as not arrived")
	}
}

func TestMergePartTakesOnePartOnly(t *testing.T) {
	totals := &backend.Report{TotalCostUSD: 2.5, TotalInstances: 3}
	totals.SetPart(backend.PartTotals, backend.PartStatus{State: backend.PartDone})
	series := &backend.Report{TotalCostUSD: 99, Series: &backend.Series{Bucket: backend.BucketDay}}
	series.SetPart(backend.PartSeries, backend.PartStatus{State: backend.PartDone})
	failed := &backend.Report{}
	failed.SetPart(backend.PartPricing, backend.PartFailure(backend.Errorf(backend.EUNAVAILABLE, "Down.")))

	var r backend.Report
	r.MergePart(backend.PartSeries, series)
	r.MergePart(backend.PartTotals, totals)
	r.MergePart(backend.PartPricing, failed)
	if r.TotalCostUSD != 2.5 || r.TotalInstances != 3 || r.Series != series.Series || r.Pricing != nil {
		t.Fatalf("merged %+v", r)
	}
	if st := r.PartStatusOf(backend.PartPricing); st.State != backend.PartFailed || st.Message != "Down." || !st.Retryable || st.Code != backend.EUNAVAILABLE {
		t.Fatalf("pricing %+v", st)
	}
	if r.PartStatusOf(backend.PartSeries).State != backend.PartDone || r.PartStatusOf(backend.PartBreakdowns).State != "" {
		t.Fatalf("parts %v", r.Parts)
	}
	// A snapshot does not follow later changes.
	snap := r.Snapshot()
	r.SetPart(backend.PartBreakdowns, backend.Unavailable("none"))
	if snap.PartStatusOf(backend.PartBreakdowns).State != "" {
		t.Fatal("the snapshot changed")
	}
	if st := backend.PartFailure(backend.Errorf(backend.EUNAUTHORIZED, "Sign in.")); st.Retryable {
		t.Fatal("an ended session is not fixed by retrying")
	}
}

func TestActiveCountsAndAveragesOverThem(t *testing.T) {
	r := &backend.Report{TotalInstances: 10, TotalWorkflows: 4, TotalCostUSD: 6, TotalTokens: 900,
		Breakdowns: &backend.Breakdowns{
			ByInstance: []backend.UsageRow{{Key: "i1", Logs: 2}, {Key: "i2", Logs: 1}, {Key: "", Logs: 5}},
			ByWorkflow: []backend.UsageRow{{Key: "w1", Logs: 3}, {Key: "", Logs: 5}},
		}}
	r.Derive()
	if r.Derived.AvgCostPerInstanceUSD != 0.6 || r.Coverage.AveragesOver != backend.ScopeAllTime || r.Coverage.ActiveInstances != nil {
		t.Fatalf("before counting: %+v %+v", r.Derived, r.Coverage)
	}
	r.CountActive()
	// 2 instances with logs (the "no instance" row is none), 1 workflow:
	// $6 / 2 = $3 and 900 / 2 = 450 per active instance.
	c := r.Coverage
	if *c.ActiveInstances != 2 || *c.ActiveWorkflows != 1 || c.AveragesOver != backend.ScopePeriod || c.CountsScope != backend.ScopeAllTime {
		t.Fatalf("coverage %+v", c)
	}
	if r.Derived.AvgCostPerInstanceUSD != 3 || r.Derived.AvgTokensPerInstance != 450 {
		t.Fatalf("derived %+v", r.Derived)
	}
}
