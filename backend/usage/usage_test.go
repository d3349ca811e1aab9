package usage_test

import (
	"slices"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/usage"
)

func TestTotalsFallBackToLegacyTokensOnlyWhenTypedAreZero(t *testing.T) {
	var legacyOnly usage.Totals
	legacyOnly.Add(&usage.LogRecord{TokensUsed: 700, CostUSD: 0.1})
	legacyOnly.Add(&usage.LogRecord{TokensUsed: 300})
	if got := legacyOnly.TotalTokens(); got != 1000 {
		t.Fatalf("legacy total = %d, want 1000", got)
	}
	var mixed usage.Totals
	mixed.Add(&usage.LogRecord{TokensUsed: 700})
	mixed.Add(&usage.LogRecord{InputTokens: 10, OutputTokens: 20, CacheCreationTokens: 30, CacheReadTokens: 40})
	if got := mixed.TotalTokens(); got != 100 {
		t.Fatalf("mixed total = %d, want 100 (the platform ignores tokens_used once typed tokens exist)", got)
	}
	var r backend.Report
	r.TotalInstances = 2
	mixed.Apply(&r)
	if r.TokenBreakdown.TotalTokens != 100 || r.TotalCacheReadTokens != 40 || r.Derived.AvgTokensPerInstance != 50 {
		t.Fatalf("apply: %+v", r)
	}
}

func TestRoundCostMatchesPythonRound(t *testing.T) {
	// Values checked with CPython: round(x, 4).
	cases := map[float64]float64{
		0.00005:     0.0001, // stored as 5.000000000000000409e-05, above the tie
		1.23456:     1.2346,
		2.675e-4:    0.0003,
		0.12344999:  0.1234,
		171.8449999: 171.845,
		0:           0,
	}
	for in, want := range cases {
		if got := usage.RoundCost(in); got != want {
			t.Errorf("RoundCost(%v) = %v, want %v", in, got, want)
		}
	}
}

func rec(instance, workflow, mode string, ts time.Time, in, legacy int64, cost float64) *usage.LogRecord {
	r := &usage.LogRecord{Timestamp: ts, InputTokens: in, TokensUsed: legacy, CostUSD: cost, ExecutionTimeMS: 10}
	if instance != "" {
		r.InstanceID = []byte(instance)
	}
	if workflow != "" {
		r.WorkflowID = []byte(workflow)
	}
	if mode != "" {
		r.Mode = []byte(mode)
	}
	return r
}

func rowsByKey(rows []backend.UsageRow) map[string]backend.UsageRow {
	m := map[string]backend.UsageRow{}
	for _, r := range rows {
		m[r.Key] = r
	}
	return m
}

func TestAggregatorAttributesLogsAndLabelsRows(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	agg := usage.NewAggregator(usage.Inputs{Location: ny, ByUser: true, Instances: []usage.Instance{
		{ID: "inst-aaaaaaaa-1", UserID: "u1", WorkflowID: "w1", Model: "claude-opus", Mode: "api-key"},
		{ID: "inst-bbbbbbbb-2", WorkflowID: "w2"}, // legacy: no user, model or mode
	}})
	// 2026-03-08 04:30 UTC is 23:30 on 7 March in New York (EST, UTC-5);
	// 2026-03-09 03:30 UTC is 23:30 on 8 March (EDT, UTC-4): DST began between.
	agg.Add(rec("inst-aaaaaaaa-1", "w1", "", time.Date(2026, 3, 8, 4, 30, 0, 0, time.UTC), 100, 0, 1))
	agg.Add(rec("inst-aaaaaaaa-1", "w9", "max-plan", time.Date(2026, 3, 9, 3, 30, 0, 0, time.UTC), 10, 0, 2))
	agg.Add(rec("inst-bbbbbbbb-2", "", "", time.Date(2026, 3, 9, 4, 30, 0, 0, time.UTC), 0, 500, 0.25))
	agg.Add(rec("gone-cccccccc-3", "w2", "", time.Date(2026, 3, 9, 5, 0, 0, 0, time.UTC), 0, 0, 3))
	agg.Add(rec("", "", "", time.Time{}, 1, 0, 0))
	b := agg.Breakdowns(usage.Labels{Workflows: map[string]string{"w1": "docs", "w2": "legacy"}, Users: map[string]string{"u1": "ada"}})

	var r backend.Report
	agg.Apply(&r, usage.Labels{})
	days := r.Series.Rows
	if r.Breakdowns.ByDay != nil || r.Series.Bucket != backend.BucketDay || len(days) != 4 || days[0].Key != "" || days[1].Key != "2026-03-07" || days[2].Key != "2026-03-08" || days[3].Key != "2026-03-09" {
		t.Fatalf("days: %+v", r.Series)
	}
	if days[2].Logs != 1 || days[3].Logs != 2 {
		t.Fatalf("day counts: %+v", days)
	}
	wf := rowsByKey(b.ByWorkflow)
	if wf["w1"].Logs != 1 || wf["w9"].Logs != 1 || wf["w2"].Logs != 2 || wf["w2"].Label != "legacy" || wf["w9"].Label != "Unknown workflow w9" {
		t.Fatalf("workflows: %+v", b.ByWorkflow)
	}
	modes := rowsByKey(b.ByMode)
	if modes["api-key"].Logs != 1 || modes["max-plan"].Logs != 1 || modes[""].Logs != 3 || modes[""].Label != "Unknown mode" {
		t.Fatalf("modes: %+v", b.ByMode)
	}
	users := rowsByKey(b.ByUser)
	if users["u1"].Label != "ada" || users["u1"].Logs != 2 || users[""].Label != "Unassigned" || users[""].Logs != 3 {
		t.Fatalf("users: %+v", b.ByUser)
	}
	// Within a row the legacy count is the total only when typed tokens are 0.
	if u := users[""].Tokens; u.InputTokens != 1 || u.TotalTokens != 1 {
		t.Fatalf("unassigned tokens: %+v", u)
	}
	if l := rowsByKey(b.ByModel)[""].Tokens.TotalTokens; l != 1 {
		t.Fatalf("unknown model total %d", l)
	}
	insts := rowsByKey(b.ByInstance)
	if insts["gone-cccccccc-3"].Label != "gone-ccc · legacy (deleted instance)" || insts["inst-aaaaaaaa-1"].Label != "inst-aaa · docs" || insts[""].Label != "No instance" {
		t.Fatalf("instances: %+v", b.ByInstance)
	}
	if b.ByModel[0].Key != "" || b.ByModel[0].CostUSD != 3.25 || b.ByModel[1].Key != "claude-opus" {
		t.Fatalf("models must be sorted by cost: %+v", b.ByModel)
	}
	ids := agg.WorkflowIDs()
	slices.Sort(ids)
	if !slices.Equal(ids, []string{"w1", "w2", "w9"}) {
		t.Fatalf("workflow ids %v", ids)
	}
}

func TestAggregatorAddDoesNotAllocate(t *testing.T) {
	agg := usage.NewAggregator(usage.Inputs{ByUser: true, Instances: []usage.Instance{{ID: "a", WorkflowID: "w", Mode: "api-key"}, {ID: "b"}}})
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	recs := []*usage.LogRecord{
		rec("a", "w", "", start, 1, 0, 1), rec("b", "x", "max-plan", start.Add(30*time.Hour), 1, 0, 1),
		rec("gone", "w", "", start.Add(50*time.Hour), 0, 5, 0),
	}
	checkAddAllocatesNothing(t, agg, recs)
}

// checkAddAllocatesNothing adds recs once (creating their rows), then checks
// that adding them again allocates nothing.
func checkAddAllocatesNothing(t *testing.T, agg *usage.Aggregator, recs []*usage.LogRecord) {
	t.Helper()
	for _, r := range recs {
		agg.Add(r)
	}
	if n := testing.AllocsPerRun(100, func() {
		for _, r := range recs {
			agg.Add(r)
		}
	}); n != 0 {
		t.Fatalf("Add allocated %v times per run", n)
	}
}
