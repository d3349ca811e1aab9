//go:build e2e

package e2e

import (
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/sample"
)

// switchZone is the time zone of the app and of the CLI in these tests,
// passed to both as TZ: a zone away from UTC, so that "Local" and "UTC" are
// different periods on any machine (this one may well run in UTC).
const switchZone = "America/New_York"

// halfCent is the most two sums of the same costs may differ by and still
// agree to the cent, in ten-thousandths of a dollar.
const halfCent = 50

// periodState is one period and zone the window is switched to.
type periodState struct {
	name   string
	keys   []string // pressed, in order, to reach it from the previous state
	preset string
	utc    bool
	bucket string // the series' bucket: backend.BucketHour or BucketDay
	shot   string // screenshot taken in this state ("" for none)
}

// Switching period and time zone with the keyboard updates every figure
// consistently: the headline equals the CLI report of the same period and
// zone, and the series table and the model and mode breakdowns the window
// shows sum to the headline, as do the CLI report's own series and
// breakdowns.
func TestSwitchingPeriodAndZoneKeepsEveryFigureConsistent(t *testing.T) {
	pl := startPlatform(t)
	w := newWindow(t, "TZ="+switchZone)
	const profile = "Sample database"
	w.addProfile(t, backend.Profile{Name: profile, Kind: backend.SourceMongoDB, MongoURI: pl.mongoURI, Account: sample.DemoUsername}, true)

	states := []periodState{
		{name: "last 30 days, local", preset: "last_30_days", bucket: backend.BucketDay},
		{name: "today, local", keys: []string{"ctrl+1"}, preset: "today", bucket: backend.BucketHour, shot: "period-today-hours.png"},
		{name: "last 7 days, UTC", keys: []string{"ctrl+3", "ctrl+u"}, preset: "last_7_days", utc: true, bucket: backend.BucketDay, shot: "period-utc-week-table.png"},
		{name: "this month, UTC", keys: []string{"ctrl+5"}, preset: "this_month", utc: true, bucket: backend.BucketDay},
		{name: "all time, local", keys: []string{"ctrl+7", "ctrl+u"}, preset: "all_time", bucket: backend.BucketDay},
	}
	reports := make([]backend.Report, len(states))
	for i, s := range states {
		var extra []string
		if s.utc {
			extra = append(extra, "--utc")
		}
		reports[i] = w.cliReport(t, profile, s.preset, "", extra...)
		if got := reports[i].Period.Bucket; got != s.bucket {
			t.Fatalf("%s: the CLI report's bucket is %q, want %q", s.name, got, s.bucket)
		}
		if (reports[i].Period.TimeZone == "UTC") != s.utc {
			t.Fatalf("%s: the CLI report is in %q", s.name, reports[i].Period.TimeZone)
		}
	}
	if reports[0].TotalCostUSD == 0 || reports[1].TotalTokens == 0 {
		t.Fatalf("the sample has no usage in the last 30 days or today (%s); the test would prove little", switchZone)
	}

	opened := time.Now()
	w.open(t)
	var timings []string
	for i, s := range states {
		want := reports[i]
		t.Run(s.name, func(t *testing.T) {
			checkReportSums(t, want) // (d)
			pressed := time.Now()
			if i == 0 {
				pressed = opened
			}
			for _, k := range s.keys {
				w.typeKeys(t, "", k)
			}
			got := w.waitForFreshReport(t, pressed, want, i > 0)
			took := time.Since(pressed)
			if i == 0 {
				// Show the table (Ctrl+T), then refresh (F5) so the probe reports it.
				pressed = time.Now()
				w.typeKeys(t, "", "ctrl+t", "F5")
				got = w.waitForFreshReport(t, pressed, want, true)
			} else if seriesHasUsage(want) && len(metricValues(got, s.bucket+"_cost_usd")) == 0 {
				t.Logf("the table view did not stay on: pressing Ctrl+T again")
				pressed = time.Now()
				w.typeKeys(t, "", "ctrl+t", "F5")
				got = w.waitForFreshReport(t, pressed, want, true)
			}
			timings = append(timings, fmt.Sprintf("%s %v", s.name, took.Round(10*time.Millisecond)))
			checkMetrics(t, got, expectedMetrics(want))                                 // (a)
			checkSeriesTable(t, got, want)                                              // (b)
			checkBreakdownRows(t, got, "model_cost_usd", want, want.Breakdowns.ByModel) // (c)
			checkBreakdownRows(t, got, "mode_cost_usd", want, want.Breakdowns.ByMode)
			if s.shot != "" {
				w.typeKeys(t, "", "Page_Down") // the "Over time" card to the top of the screen
				w.screenshot(t, s.shot)
				w.typeKeys(t, "", "Home")
			}
		})
	}
	t.Logf("keys pressed to the new period's figures painted: %s", strings.Join(timings, "; "))
}

// waitForFreshReport waits for a probe written after since, of a fetched
// (not stored) report whose headline equals want's, and, with table, with
// the series table's cells when want's series has usage.
func (w *window) waitForFreshReport(t *testing.T, since time.Time, want backend.Report, table bool) probe {
	t.Helper()
	expected := expectedMetrics(want)
	cell := want.Period.Bucket + "_cost_usd"
	var last probe
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		fi, err := os.Stat(w.probe)
		if err != nil || !fi.ModTime().After(since) {
			continue
		}
		p, ok := w.readProbe()
		if !ok {
			continue
		}
		last = p
		if p.State != "report" || hasMetric(p, "report_as_of") || !headlineEquals(p, expected) {
			continue
		}
		if table && seriesHasUsage(want) && len(metricValues(p, cell)) == 0 {
			continue
		}
		return p
	}
	checkMetrics(t, last, expected)
	t.Fatalf("the window did not paint %s (%s) within 60 s; last probe state %q", want.Period.Label, want.Period.TimeZone, last.State)
	return last
}

// headlineEquals reports whether every expected metric is painted with its exact value.
func headlineEquals(p probe, expected map[string][2]string) bool {
	n := 0
	for _, m := range p.Metrics {
		if e, ok := expected[m.ID]; ok {
			if m.Exact != e[1] {
				return false
			}
			n++
		}
	}
	return n >= len(expected)
}

func seriesHasUsage(r backend.Report) bool {
	if r.Series == nil {
		return false
	}
	for _, row := range r.Series.Rows {
		if row.CostUSD != 0 || row.Tokens.TotalTokens != 0 || row.Logs != 0 {
			return true
		}
	}
	return false
}

// metricValues are the exact values of the painted metrics with id, in order.
func metricValues(p probe, id string) []string {
	var out []string
	for _, m := range p.Metrics {
		if m.ID == id {
			out = append(out, m.Exact)
		}
	}
	return out
}

// checkSeriesTable: the window's series table has one row per series row
// of the CLI report, each with the CLI's cost and tokens; its costs sum to
// the headline cost to the cent and its tokens to the headline tokens.
func checkSeriesTable(t *testing.T, got probe, want backend.Report) {
	t.Helper()
	bucket := want.Period.Bucket
	other := backend.BucketHour
	if bucket == backend.BucketHour {
		other = backend.BucketDay
	}
	if n := len(metricValues(got, other+"_cost_usd")); n > 0 {
		t.Errorf("the window shows %d %s rows for a period of %s buckets", n, other, bucket)
	}
	costs, tokens := metricValues(got, bucket+"_cost_usd"), metricValues(got, bucket+"_tokens")
	rows := want.Series.Rows
	if len(costs) != len(rows) || len(tokens) != len(rows) {
		t.Fatalf("the window's table has %d cost and %d token cells, the CLI's series %d rows", len(costs), len(tokens), len(rows))
	}
	var costSum, tokenSum int64
	for i, row := range rows {
		if costs[i] != usd(row.CostUSD, 4) || tokens[i] != integer(row.Tokens.TotalTokens) {
			t.Errorf("row %d (%s): the window shows %s, %s tokens; the CLI %s, %s", i, row.Label, costs[i], tokens[i],
				usd(row.CostUSD, 4), integer(row.Tokens.TotalTokens))
		}
		costSum += textUnits(t, costs[i])
		tokenSum += textInt(t, tokens[i])
	}
	if d := costSum - usdUnits(want.TotalCostUSD); d < -halfCent || d > halfCent {
		t.Errorf("the table's costs sum to %s, the headline is %s", unitsText(costSum), usd(want.TotalCostUSD, 4))
	} else {
		t.Logf("%d %s rows: costs sum to %s (headline %s), tokens to %s", len(rows), bucket, unitsText(costSum),
			usd(want.TotalCostUSD, 4), integer(tokenSum))
	}
	if tokenSum != want.TotalTokens {
		t.Errorf("the table's tokens sum to %s, the headline is %s", integer(tokenSum), integer(want.TotalTokens))
	}
}

// checkBreakdownRows: the window's rows with id show the CLI's rows' costs
// and sum to the headline cost to the cent.
func checkBreakdownRows(t *testing.T, got probe, id string, want backend.Report, rows []backend.UsageRow) {
	t.Helper()
	shown := metricValues(got, id)
	if len(shown) != len(rows) {
		t.Fatalf("the window shows %d %s rows, the CLI report has %d", len(shown), id, len(rows))
	}
	var sum int64
	for i, row := range rows {
		if shown[i] != usd(row.CostUSD, 4) {
			t.Errorf("%s row %d (%s) shows %s, the CLI %s", id, i, row.Label, shown[i], usd(row.CostUSD, 4))
		}
		sum += textUnits(t, shown[i])
	}
	if d := sum - usdUnits(want.TotalCostUSD); d < -halfCent || d > halfCent {
		t.Errorf("the window's %s rows sum to %s, the headline is %s", id, unitsText(sum), usd(want.TotalCostUSD, 4))
	}
}

// checkReportSums: the CLI report's series and every breakdown sum to its
// headline, tokens (of every kind) exactly and cost to the cent.
func checkReportSums(t *testing.T, r backend.Report) {
	t.Helper()
	if r.Series == nil || r.Breakdowns == nil {
		t.Fatalf("the CLI report has no series or no breakdowns (note %q)", r.SeriesNote)
	}
	b := r.Breakdowns
	for _, part := range []struct {
		name string
		rows []backend.UsageRow
	}{
		{"series", r.Series.Rows}, {"by_model", b.ByModel}, {"by_workflow", b.ByWorkflow},
		{"by_instance", b.ByInstance}, {"by_mode", b.ByMode},
	} {
		var cost float64
		var tk backend.TokenBreakdown
		for _, row := range part.rows {
			cost += row.CostUSD
			tk.InputTokens += row.Tokens.InputTokens
			tk.OutputTokens += row.Tokens.OutputTokens
			tk.CacheCreationInputTokens += row.Tokens.CacheCreationInputTokens
			tk.CacheReadInputTokens += row.Tokens.CacheReadInputTokens
			tk.TotalTokens += row.Tokens.TotalTokens
		}
		want := r.TokenBreakdown
		want.TotalTokens = r.TotalTokens
		if tk != want {
			t.Errorf("the CLI's %s rows sum to tokens %+v, the headline is %+v", part.name, tk, want)
		}
		if math.Abs(cost-r.TotalCostUSD) >= 0.005 {
			t.Errorf("the CLI's %s rows sum to $%.4f, the headline is $%.4f", part.name, cost, r.TotalCostUSD)
		}
	}
}

// textUnits parses "$1,234.5678" into ten-thousandths of a dollar.
func textUnits(t *testing.T, s string) int64 {
	t.Helper()
	u, err := parseUnits(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func parseUnits(s string) (int64, error) {
	neg := strings.HasPrefix(s, "-")
	digits := strings.ReplaceAll(strings.TrimPrefix(strings.TrimPrefix(s, "-"), "$"), ",", "")
	whole, frac, _ := strings.Cut(digits, ".")
	w, err1 := strconv.ParseInt(whole, 10, 64)
	f, err2 := strconv.ParseInt(frac, 10, 64)
	if len(frac) != 4 || err1 != nil || err2 != nil {
		return 0, fmt.Errorf("not an amount with 4 decimals: %q", s)
	}
	if neg {
		return -(w*10000 + f), nil
	}
	return w*10000 + f, nil
}

// amountUnits parses a CSV amount ("123.45678") into ten-thousandths, rounded.
func amountUnits(t *testing.T, s string) int64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("not an amount: %q", s)
	}
	return usdUnits(v)
}

// usdUnits is v in ten-thousandths of a dollar, rounded as the window rounds.
func usdUnits(v float64) int64 {
	u, err := parseUnits(usd(v, 4))
	if err != nil {
		panic(err)
	}
	return u
}

func unitsText(u int64) string { return usd(float64(u)/10000, 4) }

// textInt parses "1,234,567".
func textInt(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(strings.ReplaceAll(s, ",", ""), 10, 64)
	if err != nil {
		t.Fatalf("not an integer: %q", s)
	}
	return n
}
