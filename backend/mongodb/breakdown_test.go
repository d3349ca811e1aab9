package mongodb_test

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/sample"
)

// roundCost is Python's round(x, 4) for the sample's costs, written apart
// from usage.RoundCost.
func roundCost(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// assertBreakdowns compares every row of every breakdown of got with the
// dataset's independent computation, and the rows' sums with the totals.
func assertBreakdowns(t *testing.T, got *backend.Report, want map[string]map[string]*sample.Sums, everyone bool) {
	t.Helper()
	b := got.Breakdowns
	if b == nil {
		t.Fatal("no breakdowns")
	}
	if b.ByDay != nil {
		t.Errorf("a new report has by_day rows: %+v", b.ByDay)
	}
	dims := map[string][]backend.UsageRow{"by_model": b.ByModel, "by_workflow": b.ByWorkflow,
		"by_instance": b.ByInstance, "by_mode": b.ByMode}
	if everyone {
		dims["by_user"] = b.ByUser
	} else if b.ByUser != nil {
		t.Errorf("a user's report has a by-user breakdown: %+v", b.ByUser)
	}
	for dim, rows := range dims {
		if len(rows) != len(want[dim]) {
			t.Errorf("%s: %d rows, want %d", dim, len(rows), len(want[dim]))
		}
		var sum backend.UsageRow
		var cost float64
		for i, r := range rows {
			w := want[dim][r.Key]
			if w == nil {
				t.Errorf("%s: unexpected row %q", dim, r.Key)
				continue
			}
			wantTokens := backend.TokenBreakdown{InputTokens: w.Input, OutputTokens: w.Output, CacheCreationInputTokens: w.CacheCreation,
				CacheReadInputTokens: w.CacheRead, TotalTokens: w.TotalTokens()}
			if r.Logs != w.Logs || r.Tokens != wantTokens || r.ExecutionTimeMS != w.ExecutionTimeMS || math.Abs(r.CostUSD-roundCost(w.CostUSD)) > 1e-9 {
				t.Errorf("%s[%q] = %+v, want %+v", dim, r.Key, r, *w)
			}
			if r.Label == "" {
				t.Errorf("%s[%q] has no label", dim, r.Key)
			}
			if i > 0 && (rows[i-1].CostUSD < r.CostUSD || rows[i-1].CostUSD == r.CostUSD && rows[i-1].Key > r.Key) {
				t.Errorf("%s: rows not sorted by cost then key at %d", dim, i)
			}
			sum.Logs += r.Logs
			sum.Tokens.InputTokens += r.Tokens.InputTokens
			sum.Tokens.OutputTokens += r.Tokens.OutputTokens
			sum.Tokens.CacheCreationInputTokens += r.Tokens.CacheCreationInputTokens
			sum.Tokens.CacheReadInputTokens += r.Tokens.CacheReadInputTokens
			sum.ExecutionTimeMS += r.ExecutionTimeMS
			cost += r.CostUSD
		}
		tb := got.TokenBreakdown
		tb.TotalTokens = 0
		if sum.Tokens != tb || sum.ExecutionTimeMS != got.TotalExecutionTimeMS {
			t.Errorf("%s: rows sum to %+v, exec %d; the totals are %+v, exec %d", dim, sum.Tokens, sum.ExecutionTimeMS, tb, got.TotalExecutionTimeMS)
		}
		// Each row's cost is rounded to 4 decimals like the total.
		if math.Abs(cost-got.TotalCostUSD) > 5e-5*float64(len(rows)+1) {
			t.Errorf("%s: row costs sum to %v, total %v", dim, cost, got.TotalCostUSD)
		}
	}
}

func newYork(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skipf("time zone data missing: %v", err)
	}
	return loc
}

func TestBreakdownsMatchIndependentComputation(t *testing.T) {
	ny := newYork(t)
	// 30 days before 15 March 2026: across the DST change of 8 March in New York.
	src, ds := loadDataset(t, sample.Options{Seed: 21, Now: testNow, Days: 30, Users: 2, Logs: 1500, LogModes: true})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var probe sample.Log
	for _, l := range ds.Logs {
		if l.TokenUsage != nil && l.Timestamp.After(testNow.Add(-10*24*time.Hour)) {
			probe = l
			break
		}
	}
	periods := map[string]backend.Period{
		"all time":   {Preset: backend.PresetAllTime, Label: "All time", TimeZone: "America/New_York"},
		"across DST": period(t, time.Date(2026, 3, 6, 0, 0, 0, 0, ny), time.Date(2026, 3, 10, 23, 59, 59, 999e6, ny)),
		"one second": period(t, probe.Timestamp.In(ny), probe.Timestamp.In(ny).Add(time.Second)),
	}
	accounts := []string{backend.Everyone, ds.Users[0].Username, ds.Users[1].Username}
	for _, account := range accounts {
		for name, p := range periods {
			t.Run(account+"/"+name, func(t *testing.T) {
				got, err := src.Report(ctx, backend.Query{Account: account, Period: p})
				if err != nil {
					t.Fatal(err)
				}
				assertReport(t, got, ds.Expect(account, p.Start, p.End))
				assertBreakdowns(t, got, ds.ExpectBreakdowns(account, p.Start, p.End), account == backend.Everyone)
				assertSeries(t, got, ds, account, ny)
			})
		}
	}
	// The days really are New York's: grouping by UTC date would differ.
	all, err := src.Report(ctx, backend.Query{Account: backend.Everyone, Period: periods["all time"]})
	if err != nil {
		t.Fatal(err)
	}
	utcDays := ds.ExpectSeries(backend.Everyone, nil, nil, time.UTC, false)
	differ := false
	for _, d := range all.Series.Rows {
		if w := utcDays[d.Key]; w == nil || w.Logs != d.Logs {
			differ = true
		}
	}
	if !differ {
		t.Fatal("by-day rows equal UTC days: the dataset does not test the time zone")
	}
}

func TestEveryoneReportIsUsersPlusUnassigned(t *testing.T) {
	src, ds := loadDataset(t, sample.Options{Seed: 5, Now: testNow, Days: 60, Users: 2, Logs: 1500})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	p := period(t, testNow.Add(-58*24*time.Hour), testNow.Add(-3*24*time.Hour))
	all, err := src.Report(ctx, backend.Query{Account: backend.Everyone, Period: p})
	if err != nil {
		t.Fatal(err)
	}
	if all.UserID != "" || all.Username != backend.EveryoneUsername || all.TotalInstances != int64(len(ds.Instances)) ||
		all.TotalWorkflows != int64(len(ds.Workflows)) {
		t.Fatalf("everyone: user %q/%q, %d instances, %d workflows", all.UserID, all.Username, all.TotalInstances, all.TotalWorkflows)
	}
	rows := map[string]backend.UsageRow{}
	for _, r := range all.Breakdowns.ByUser {
		rows[r.Key] = r
	}
	var sum backend.TokenBreakdown
	var logs int64
	for _, u := range ds.Users {
		mine, err := src.Report(ctx, backend.Query{Account: u.Username, Period: p})
		if err != nil {
			t.Fatal(err)
		}
		r := rows[u.ID]
		if r.Tokens != mine.TokenBreakdown || r.CostUSD != mine.TotalCostUSD || r.ExecutionTimeMS != mine.TotalExecutionTimeMS {
			t.Errorf("%s: everyone's row %+v, the user's report %+v", u.Username, r, mine.TokenBreakdown)
		}
		if r.Logs > 0 && r.Label != u.Username {
			t.Errorf("row label %q, want %q", r.Label, u.Username)
		}
		sum.InputTokens += mine.TotalInputTokens
		sum.CacheReadInputTokens += mine.TotalCacheReadTokens
		logs += r.Logs
	}
	un := rows[""]
	if un.Label != "Unassigned" || un.Logs == 0 {
		t.Fatalf("unassigned row %+v: the legacy and deleted instances' logs are missing", un)
	}
	if sum.InputTokens+un.Tokens.InputTokens != all.TotalInputTokens || sum.CacheReadInputTokens+un.Tokens.CacheReadInputTokens != all.TotalCacheReadTokens {
		t.Fatalf("users + unassigned = %+v + %+v, everyone %+v", sum, un.Tokens, all.TokenBreakdown)
	}
	var deleted int
	for _, r := range all.Breakdowns.ByInstance {
		if strings.HasSuffix(r.Label, "(deleted instance)") {
			deleted++
		}
	}
	if deleted == 0 {
		t.Fatal("no deleted instance's logs in the everyone report")
	}
}

func TestReportForUserKeepsItsNumbersAndAddsBreakdowns(t *testing.T) {
	src, ds := loadDataset(t, sample.Options{Seed: 9, Now: testNow, Days: 20, Users: 1, Logs: 600})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	u := ds.Users[0]
	p := backend.Period{Preset: backend.PresetAllTime} // no time zone: days in UTC
	got, err := src.ReportForUser(ctx, u.ID, u.Username, p)
	if err != nil {
		t.Fatal(err)
	}
	assertReport(t, got, ds.Expect(u.Username, nil, nil))
	assertBreakdowns(t, got, ds.ExpectBreakdowns(u.Username, nil, nil), false)
	assertSeries(t, got, ds, u.Username, time.UTC)
	names := map[string]string{}
	for _, w := range ds.Workflows {
		names[w.ID] = w.Name
	}
	for _, r := range got.Breakdowns.ByWorkflow {
		if r.Label != names[r.Key] {
			t.Errorf("workflow %s labelled %q, want %q", r.Key, r.Label, names[r.Key])
		}
	}
}

func TestListUsersAndServerInfo(t *testing.T) {
	src, ds := loadDataset(t, sample.Options{Seed: 4, Now: testNow, Days: 5, Users: 3, Logs: 300})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	users, err := src.ListUsers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(users) != len(ds.Users) || !slices.IsSortedFunc(users, func(a, b backend.UserSummary) int { return strings.Compare(a.Username, b.Username) }) {
		t.Fatalf("users: %+v", users)
	}
	for _, u := range users {
		if u.Username == sample.DemoUsername && (u.FullName != "Demo User" || !u.IsActive || u.Email != sample.DemoEmail || u.ID == "") {
			t.Fatalf("demo user: %+v", u)
		}
	}
	info, err := src.ServerInfo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(info.Version, "FerretDB") || info.Database != "platform_test" || !info.PlatformSchema || info.Users != int64(len(ds.Users)) {
		t.Fatalf("server info: %+v", info)
	}
	if info.Logs != -1 && info.Logs != int64(len(ds.Logs)) {
		t.Fatalf("logs estimate %d, want %d or -1", info.Logs, len(ds.Logs))
	}
	t.Logf("server info: %+v", info)
}
