package usage_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/usage"
)

func zone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("time zone %s not installed: %v", name, err)
	}
	return loc
}

// naiveKey is a log's series key computed the obvious way: the local date,
// or the local time less its minutes, seconds and fraction, formatted.
func naiveKey(ts time.Time, loc *time.Location, hour bool) string {
	l := ts.In(loc)
	if !hour {
		return l.Format("2006-01-02")
	}
	h := l.Add(-time.Duration(l.Minute())*time.Minute - time.Duration(l.Second())*time.Second - time.Duration(l.Nanosecond()))
	return h.Format(time.RFC3339)
}

// naiveKeys lists the distinct keys of the instants from first to last,
// stepping by a quarter of an hour, in order: the expected rows.
func naiveKeys(first, last time.Time, loc *time.Location, hour bool) []string {
	var out []string
	for t := first; ; t = t.Add(15 * time.Minute) {
		if t.After(last) {
			t = last
		}
		if k := naiveKey(t, loc, hour); len(out) == 0 || out[len(out)-1] != k {
			out = append(out, k)
		}
		if t.Equal(last) {
			return out
		}
	}
}

// sums is one expected row.
type sums struct {
	logs, in, out, cw, cr, legacy, exec int64
	cost                                float64
}

func (s *sums) add(r *usage.LogRecord) {
	s.logs++
	s.in += r.InputTokens
	s.out += r.OutputTokens
	s.cw += r.CacheCreationTokens
	s.cr += r.CacheReadTokens
	s.legacy += r.TokensUsed
	s.exec += r.ExecutionTimeMS
	s.cost += r.CostUSD
}

func randomLog(rng *rand.Rand, ts time.Time) *usage.LogRecord {
	r := &usage.LogRecord{Timestamp: ts, InstanceID: []byte(fmt.Sprintf("inst-%d", rng.IntN(5))),
		ExecutionTimeMS: rng.Int64N(90_000), CostUSD: float64(rng.IntN(2_000_000)) / 1e6}
	if rng.IntN(10) == 0 {
		r.TokensUsed = rng.Int64N(5000) // a legacy log
	} else {
		r.HasTokenUsage = true
		r.InputTokens, r.OutputTokens = rng.Int64N(5000), rng.Int64N(3000)
		r.CacheCreationTokens, r.CacheReadTokens = rng.Int64N(20_000), rng.Int64N(200_000)
	}
	return r
}

func TestSeriesMatchesNaiveComputation(t *testing.T) {
	now := time.Date(2026, 12, 15, 12, 0, 0, 0, time.UTC)
	type spec struct {
		name string
		req  backend.PeriodRequest
	}
	specs := []spec{
		{"spring forward day", backend.PeriodRequest{Preset: "custom", From: "2026-03-08", To: "2026-03-08"}},
		{"fall back day", backend.PeriodRequest{Preset: "custom", From: "2026-11-01", To: "2026-11-01"}},
		{"Berlin fall back day", backend.PeriodRequest{Preset: "custom", From: "2026-10-25", To: "2026-10-25"}},
		{"ordinary day", backend.PeriodRequest{Preset: "custom", From: "2026-06-10", To: "2026-06-10"}},
		{"across spring", backend.PeriodRequest{Preset: "custom", From: "2026-02-20", To: "2026-04-05"}},
		{"across autumn", backend.PeriodRequest{Preset: "custom", From: "2026-10-20", To: "2026-11-10"}},
		{"last 30 days", backend.PeriodRequest{Preset: "last_30_days"}},
		{"all time", backend.PeriodRequest{Preset: "all_time"}},
	}
	for _, zoneName := range []string{"UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata"} {
		loc := zone(t, zoneName)
		for _, seed := range []uint64{1, 2, 3} {
			for _, s := range specs {
				t.Run(fmt.Sprintf("%s/%d/%s", zoneName, seed, s.name), func(t *testing.T) {
					p, err := backend.ResolveRequest(s.req, now, loc)
					if err != nil {
						t.Fatal(err)
					}
					checkSeries(t, rand.New(rand.NewPCG(seed, uint64(len(s.name)))), p, loc)
				})
			}
		}
	}
}

// checkSeries aggregates random logs in p and compares the series with the
// naive computation row by row, and the rows' sums with the totals.
func checkSeries(t *testing.T, rng *rand.Rand, p backend.Period, loc *time.Location) {
	hour := p.Bucket == backend.BucketHour
	first, last := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 4, 15, 0, 0, 0, 0, time.UTC)
	if p.Start != nil {
		first, last = *p.Start, *p.End
	}
	agg := usage.NewAggregator(usage.Inputs{Period: p})
	want := map[string]*sums{}
	var minTS, maxTS time.Time
	n := 50 + rng.IntN(400)
	for i := 0; i < n; i++ {
		var ts time.Time
		if rng.IntN(40) > 0 { // some logs have no timestamp
			span := last.Sub(first).Milliseconds() + 1
			ts = first.Add(time.Duration(rng.Int64N(span)) * time.Millisecond)
			if i%50 == 0 { // the period's very ends
				ts = []time.Time{first, last}[i/50%2]
			}
			if minTS.IsZero() || ts.Before(minTS) {
				minTS = ts
			}
			if ts.After(maxTS) {
				maxTS = ts
			}
		}
		r := randomLog(rng, ts)
		agg.Add(r)
		k := ""
		if !ts.IsZero() {
			k = naiveKey(ts, loc, hour)
		}
		if want[k] == nil {
			want[k] = &sums{}
		}
		want[k].add(r)
	}
	var rep backend.Report
	agg.Apply(&rep, usage.Labels{})
	if rep.Series == nil || rep.SeriesNote != "" {
		t.Fatalf("no series: %q", rep.SeriesNote)
	}
	if rep.Series.Bucket != p.Bucket || rep.Breakdowns.ByDay != nil {
		t.Fatalf("bucket %q (period %q), by_day %v", rep.Series.Bucket, p.Bucket, rep.Breakdowns.ByDay)
	}
	var wantKeys []string
	if want[""] != nil {
		wantKeys = append(wantKeys, "")
	}
	if p.Start == nil {
		first, last = minTS, maxTS
	}
	wantKeys = append(wantKeys, naiveKeys(first, last, loc, hour)...)
	gotKeys := make([]string, len(rep.Series.Rows))
	for i, r := range rep.Series.Rows {
		gotKeys[i] = r.Key
	}
	if !slices.Equal(gotKeys, wantKeys) {
		t.Fatalf("keys\n got %v\nwant %v", gotKeys, wantKeys)
	}
	var rowCost, naiveCost float64
	var tokens backend.TokenBreakdown
	var logs, exec int64
	for _, r := range rep.Series.Rows {
		w := want[r.Key]
		if w == nil {
			w = &sums{}
		}
		total := w.in + w.out + w.cw + w.cr
		if total == 0 {
			total = w.legacy
		}
		wt := backend.TokenBreakdown{InputTokens: w.in, OutputTokens: w.out, CacheCreationInputTokens: w.cw, CacheReadInputTokens: w.cr, TotalTokens: total}
		if r.Logs != w.logs || r.Tokens != wt || r.ExecutionTimeMS != w.exec || math.Abs(r.CostUSD-w.cost) > 5e-5+1e-9 {
			t.Errorf("row %s = %+v, want %+v", r.Key, r, *w)
		}
		if (r.Key == "") != (r.Label == usage.NoDate) || r.Label == "" {
			t.Errorf("row %s labelled %q", r.Key, r.Label)
		}
		logs += r.Logs
		exec += r.ExecutionTimeMS
		tokens.InputTokens += r.Tokens.InputTokens
		tokens.OutputTokens += r.Tokens.OutputTokens
		tokens.CacheCreationInputTokens += r.Tokens.CacheCreationInputTokens
		tokens.CacheReadInputTokens += r.Tokens.CacheReadInputTokens
		rowCost += r.CostUSD
		naiveCost += w.cost
	}
	tb := rep.TokenBreakdown
	tb.TotalTokens = 0
	if logs != int64(n) || tokens != tb || exec != rep.TotalExecutionTimeMS {
		t.Errorf("rows sum to %d logs, %+v, exec %d; totals %d logs, %+v, exec %d", logs, tokens, exec, n, tb, rep.TotalExecutionTimeMS)
	}
	if total := agg.Totals().CostUSD; math.Abs(naiveCost-total) > 1e-9 {
		t.Errorf("row costs before rounding sum to %v, total %v", naiveCost, total)
	}
	if math.Abs(rowCost-rep.TotalCostUSD) >= 0.005 {
		t.Errorf("rounded row costs sum to %v, total %v: off by a cent or more", rowCost, rep.TotalCostUSD)
	}
}

func TestSeriesOfAPeriodWithoutUsageHasZeroRows(t *testing.T) {
	ny := zone(t, "America/New_York")
	p, err := backend.ResolveRequest(backend.PeriodRequest{Preset: "custom", From: "2026-11-01", To: "2026-11-01"}, time.Now(), ny)
	if err != nil {
		t.Fatal(err)
	}
	var r backend.Report
	usage.NewAggregator(usage.Inputs{Period: p}).Apply(&r, usage.Labels{})
	if r.Series == nil || r.Series.Bucket != backend.BucketHour || len(r.Series.Rows) != 25 {
		t.Fatalf("series %+v", r.Series)
	}
	if r.Series.Rows[1].Label != "01:00 EDT" || r.Series.Rows[2].Label != "01:00 EST" || r.Series.Rows[2].Logs != 0 {
		t.Fatalf("rows %+v", r.Series.Rows[:3])
	}
	var all backend.Report
	usage.NewAggregator(usage.Inputs{Period: backend.Period{Preset: backend.PresetAllTime, TimeZone: "America/New_York"}}).Apply(&all, usage.Labels{})
	if all.Series == nil || len(all.Series.Rows) != 0 || all.Series.Bucket != backend.BucketDay {
		t.Fatalf("all time without usage: %+v", all.Series)
	}
}

func TestSeriesAddDoesNotAllocate(t *testing.T) {
	ny := zone(t, "America/New_York")
	p, err := backend.ResolveRequest(backend.PeriodRequest{Preset: "custom", From: "2026-11-01", To: "2026-11-01"}, time.Now(), ny)
	if err != nil {
		t.Fatal(err)
	}
	agg := usage.NewAggregator(usage.Inputs{Period: p, Instances: []usage.Instance{{ID: "a", WorkflowID: "w"}}})
	var recs []*usage.LogRecord
	for i := 0; i < 25; i++ { // every hour, the repeated one included, jumping between DST spans
		recs = append(recs, rec("a", "w", "", p.Start.Add(time.Duration((i*7)%25)*time.Hour+time.Minute), 1, 0, 0.5))
	}
	checkAddAllocatesNothing(t, agg, recs)
}
