package mongodb_test

import (
	"context"
	"math"
	"slices"
	"sort"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/sample"
)

// expectedSeriesKeys lists the keys a series of p must have, in order,
// computed naively: the distinct keys of instants a quarter of an hour apart
// over the period; for an open period, every date from the first to the last
// date with usage (want's keys).
func expectedSeriesKeys(p backend.Period, loc *time.Location, want map[string]*sample.Sums) []string {
	hour := p.Bucket == backend.BucketHour
	var out []string
	if p.Start == nil || p.End == nil {
		days := make([]string, 0, len(want))
		for k := range want {
			days = append(days, k)
		}
		sort.Strings(days)
		if len(days) == 0 {
			return nil
		}
		first, _ := time.ParseInLocation(time.DateOnly, days[0], loc)
		for d := first; d.Format(time.DateOnly) <= days[len(days)-1]; d = time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, loc) {
			out = append(out, d.Format(time.DateOnly))
		}
		return out
	}
	for t := *p.Start; ; t = t.Add(15 * time.Minute) {
		if t.After(*p.End) {
			t = *p.End
		}
		if k := sample.SeriesKey(t, loc, hour); len(out) == 0 || out[len(out)-1] != k {
			out = append(out, k)
		}
		if t.Equal(*p.End) {
			return out
		}
	}
}

// assertSeries compares got's series row by row with the dataset's
// independent computation for account, zero rows included, and the rows'
// sums with the headline totals.
func assertSeries(t *testing.T, got *backend.Report, ds *sample.Dataset, account string, loc *time.Location) {
	t.Helper()
	p := got.Period
	if got.Series == nil {
		t.Fatalf("no series (note %q)", got.SeriesNote)
	}
	wantBucket := p.Bucket
	if wantBucket == "" {
		wantBucket = backend.BucketDay
	}
	if got.Series.Bucket != wantBucket {
		t.Errorf("series bucket %q, want %q", got.Series.Bucket, wantBucket)
	}
	want := ds.ExpectSeries(account, p.Start, p.End, loc, wantBucket == backend.BucketHour)
	wantKeys := expectedSeriesKeys(p, loc, want)
	keys := make([]string, len(got.Series.Rows))
	var sum backend.TokenBreakdown
	var logs, exec int64
	var cost float64
	for i, r := range got.Series.Rows {
		keys[i] = r.Key
		w := want[r.Key]
		if w == nil {
			w = &sample.Sums{}
		}
		wantTokens := backend.TokenBreakdown{InputTokens: w.Input, OutputTokens: w.Output, CacheCreationInputTokens: w.CacheCreation,
			CacheReadInputTokens: w.CacheRead, TotalTokens: w.TotalTokens()}
		if r.Logs != w.Logs || r.Tokens != wantTokens || r.ExecutionTimeMS != w.ExecutionTimeMS || math.Abs(r.CostUSD-roundCost(w.CostUSD)) > 1e-9 {
			t.Errorf("series[%q] = %+v, want %+v", r.Key, r, *w)
		}
		if r.Label == "" {
			t.Errorf("series[%q] has no label", r.Key)
		}
		logs += r.Logs
		exec += r.ExecutionTimeMS
		sum.InputTokens += r.Tokens.InputTokens
		sum.OutputTokens += r.Tokens.OutputTokens
		sum.CacheCreationInputTokens += r.Tokens.CacheCreationInputTokens
		sum.CacheReadInputTokens += r.Tokens.CacheReadInputTokens
		cost += r.CostUSD
	}
	if !slices.Equal(keys, wantKeys) {
		t.Fatalf("series keys\n got %v\nwant %v", keys, wantKeys)
	}
	tb := got.TokenBreakdown
	tb.TotalTokens = 0
	if sum != tb || exec != got.TotalExecutionTimeMS {
		t.Errorf("series rows sum to %+v, exec %d; the totals are %+v, exec %d", sum, exec, tb, got.TotalExecutionTimeMS)
	}
	if math.Abs(cost-got.TotalCostUSD) >= 0.005 {
		t.Errorf("series row costs sum to %v, total %v", cost, got.TotalCostUSD)
	}
	var wantLogs int64
	for _, w := range want {
		wantLogs += w.Logs
	}
	if logs != wantLogs {
		t.Errorf("series rows count %d logs, want %d", logs, wantLogs)
	}
}

func TestSeriesOfOneDayHasHoursAndOfThirtyDaysHasDays(t *testing.T) {
	ny := newYork(t)
	now := time.Date(2026, 3, 9, 18, 0, 0, 0, time.UTC) // 8 March in New York had 23 hours
	src, ds := loadDataset(t, sample.Options{Seed: 12, Now: now, Days: 40, Users: 2, Logs: 2000, LogModes: true})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cases := []struct {
		name   string
		req    backend.PeriodRequest
		loc    *time.Location
		bucket string
		rows   int
	}{
		{"yesterday (spring forward)", backend.PeriodRequest{Preset: "yesterday"}, ny, backend.BucketHour, 23},
		{"today", backend.PeriodRequest{Preset: "today"}, ny, backend.BucketHour, 24},
		{"one UTC day", backend.PeriodRequest{Preset: "custom", From: "2026-03-08", To: "2026-03-08", UTC: true}, time.UTC, backend.BucketHour, 24},
		{"last 30 days", backend.PeriodRequest{Preset: "last_30_days"}, ny, backend.BucketDay, 30},
		{"last 30 days in UTC", backend.PeriodRequest{Preset: "last_30_days", UTC: true}, time.UTC, backend.BucketDay, 30},
	}
	for _, account := range []string{ds.Users[0].Username, backend.Everyone} {
		for _, c := range cases {
			t.Run(account+"/"+c.name, func(t *testing.T) {
				p, err := backend.ResolveRequest(c.req, now, ny)
				if err != nil {
					t.Fatal(err)
				}
				got, err := src.Report(ctx, backend.Query{Account: account, Period: p})
				if err != nil {
					t.Fatal(err)
				}
				if got.Series == nil || got.Series.Bucket != c.bucket || len(got.Series.Rows) != c.rows {
					t.Fatalf("series %+v (note %q), want %d %s rows", got.Series, got.SeriesNote, c.rows, c.bucket)
				}
				assertReport(t, got, ds.Expect(account, p.Start, p.End))
				assertSeries(t, got, ds, account, c.loc)
				if got.IsEmpty() {
					t.Fatal("the period has no usage: the dataset does not exercise the sums")
				}
			})
		}
	}
}
