package mongodb_test

import (
	"context"
	"math"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/sample"
)

// TestCountsOfWhatWasActiveInThePeriod checks the active counts and the
// averages over them against a count made from the dataset itself.
func TestCountsOfWhatWasActiveInThePeriod(t *testing.T) {
	src, ds := loadDataset(t, sample.Options{Seed: 5, Now: testNow, Days: 40, Users: 2, Logs: 1200})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	u := ds.Users[0]
	owner := map[string]string{} // instance → workflow, for u's instances
	for _, in := range ds.Instances {
		if in.UserID != nil && *in.UserID == u.ID {
			owner[in.ID] = in.WorkflowID
		}
	}
	week := period(t, testNow.Add(-7*24*time.Hour), testNow)
	instances, workflows := map[string]bool{}, map[string]bool{}
	for _, l := range ds.Logs {
		wf, mine := owner[l.InstanceID]
		if !mine || !week.Contains(l.Timestamp) {
			continue
		}
		instances[l.InstanceID] = true
		if l.WorkflowID != "" {
			wf = l.WorkflowID
		}
		if wf != "" {
			workflows[wf] = true
		}
	}
	if len(instances) < 2 || len(instances) >= len(owner) {
		t.Fatalf("%d of %d instances active: the dataset does not tell the counts apart", len(instances), len(owner))
	}
	r, err := src.Report(ctx, backend.Query{Account: u.Username, Period: week})
	if err != nil {
		t.Fatal(err)
	}
	c := r.Coverage
	if c.ActiveInstances == nil || *c.ActiveInstances != int64(len(instances)) || c.ActiveWorkflows == nil || *c.ActiveWorkflows != int64(len(workflows)) {
		t.Fatalf("active %v instances, %v workflows; want %d and %d", c.ActiveInstances, c.ActiveWorkflows, len(instances), len(workflows))
	}
	if r.TotalInstances != int64(len(owner)) || c.CountsScope != backend.ScopeAllTime || c.AveragesOver != backend.ScopePeriod {
		t.Fatalf("all-time %d instances (want %d), coverage %+v", r.TotalInstances, len(owner), c)
	}
	want := expected(ds, u.Username, week)
	if avg := want["total_cost_usd"] / float64(len(instances)); math.Abs(r.Derived.AvgCostPerInstanceUSD-avg) > 1e-9 {
		t.Fatalf("average cost per active instance %v, want %v", r.Derived.AvgCostPerInstanceUSD, avg)
	}
	for _, part := range backend.AllParts {
		if st := r.PartStatusOf(part); st.State != backend.PartDone && !(part == backend.PartPricing && st.State == backend.PartUnavailable) {
			t.Fatalf("part %s: %+v", part, st)
		}
	}
	if r.Series == nil || r.Series.Knows(backend.FieldComputedUSD) || !r.Series.Knows(backend.FieldLogs) {
		t.Fatalf("without a price table the series' computed costs are unknown and its log counts known: %+v", r.Series)
	}
}

// TestOnePassReportArrivesInParts checks that a MongoDB report, computed in
// one pass, reaches a caller part by part like a platform report.
func TestOnePassReportArrivesInParts(t *testing.T) {
	src, ds := loadDataset(t, sample.Options{Seed: 9, Now: testNow, Days: 10, Users: 1, Logs: 300})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	week := period(t, testNow.Add(-7*24*time.Hour), testNow)
	got := map[backend.ReportPart]backend.PartResult{}
	r, err := backend.ReportInParts(ctx, src, backend.Query{Account: ds.Users[0].Username, Period: week},
		func(p backend.PartResult) { got[p.Part] = p })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(backend.AllParts) || got[backend.PartBreakdowns].Report.Breakdowns == nil || got[backend.PartSeries].Report.Series == nil {
		t.Fatalf("parts %v", got)
	}
	if st := got[backend.PartPricing].Status; st.State != backend.PartUnavailable || st.Message != backend.NoteNoPriceTable {
		t.Fatalf("pricing without a price table: %+v", st)
	}
	assertReport(t, got[backend.PartTotals].Report, expected(ds, ds.Users[0].Username, week))
	if r.TotalCostUSD != got[backend.PartTotals].Report.TotalCostUSD {
		t.Fatalf("report %v, totals part %v", r.TotalCostUSD, got[backend.PartTotals].Report.TotalCostUSD)
	}

	// An unknown account fails every part with the reason.
	seen := 0
	_, err = backend.ReportInParts(ctx, src, backend.Query{Account: "nobody", Period: week}, func(p backend.PartResult) {
		seen++
		if p.Status.State != backend.PartFailed || p.Status.Code != backend.ENOTFOUND || p.Status.Message == "" {
			t.Errorf("part %s: %+v", p.Part, p.Status)
		}
	})
	if backend.ErrorCode(err) != backend.ENOTFOUND || seen != len(backend.AllParts) {
		t.Fatalf("unknown account: %v, %d parts", err, seen)
	}
}
