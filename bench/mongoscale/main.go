// Command mongoscale measures the direct MongoDB source against an embedded
// FerretDB at several dataset sizes, in one process: loading time, the
// user's report next to a bare drain of the same find, the platform's own
// approach (count queries + $match/$group) as the baseline, the everyone
// report, and 30-day reports. Datasets stay on disk under -dir and are
// reused by later runs, so an interrupted run resumes without reloading.
//
//	go run ./bench/mongoscale -logs 10000,100000,1000000
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"usagedash/backend"
	"usagedash/backend/mongodb"
	"usagedash/backend/sample"
)

func main() {
	sizes := flag.String("logs", "10000,100000", "comma-separated dataset sizes (logs)")
	dir := flag.String("dir", filepath.Join(os.TempDir(), "usagedash-bench"), "where the per-size FerretDB files are kept")
	seed := flag.Uint64("seed", 1, "dataset seed")
	repeat := flag.Int("repeat", 0, "runs per measurement, the fastest kept (0: 3 up to 100k logs, else 1)")
	batch := flag.Int("batch", 10000, "documents per unordered insertMany when loading")
	timeout := flag.Duration("timeout", 3*time.Hour, "give up after this long")
	monthOnly := flag.Bool("month-only", false, "measure only the 30-day reports (user and everyone)")
	flag.Parse()
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	if !*monthOnly {
		fmt.Println("| logs | load | user's logs | user, all time: bare drain / report | platform approach (7× $group) | single $group (wrong on FerretDB) | everyone, all time: drain / report | user, 30 days: drain / report | everyone, 30 days: drain / report | load avg |")
		fmt.Println("|---|---|---|---|---|---|---|---|---|---|")
	}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			fail(fmt.Errorf("bad size %q", s))
		}
		runs := *repeat
		if runs <= 0 {
			runs = 1
			if n <= 100000 {
				runs = 3
			}
		}
		res, err := measure(ctx, filepath.Join(*dir, fmt.Sprintf("logs-%d-seed-%d", n, *seed)), datasetOptions(n, *seed), runs, *batch, *monthOnly)
		if err != nil {
			fail(fmt.Errorf("%d logs: %w", n, err))
		}
		if *monthOnly {
			fmt.Println(res.monthRow())
			continue
		}
		fmt.Println(res.row())
		if b, err := json.Marshal(res); err == nil {
			appendLine(filepath.Join(*dir, "results.jsonl"), b)
		}
	}
}

// result is one size's measurements.
type result struct {
	Logs, UserLogs, EveryoneLogs, MonthLogs int
	Runs                                    int
	Reused                                  bool
	LoadSeconds, GenerateSeconds            float64
	Drain, Report, Platform, SingleGroup    span
	SingleGroupWrong                        string
	EveryoneDrain, Everyone                 span
	Month, MonthEveryone                    span
	MonthDrain, MonthEveryoneDrain          span
	LoadAverage                             [2]string // /proc/loadavg before and after
	Started                                 time.Time
}

func (r result) row() string {
	sec := func(d span) string { return fmt.Sprintf("%.2f s", d.Wall.Seconds()) }
	load := fmt.Sprintf("%.0f s (%.0f docs/s)", r.LoadSeconds, float64(r.Logs)/r.LoadSeconds)
	if r.Reused {
		load += " †"
	}
	// pair shows a drain and a report of the same find, and the report's
	// wall and CPU time as multiples of the drain's.
	pair := func(drain, report span) string {
		return fmt.Sprintf("%s / %s (%.2f×; CPU %.2f×)", sec(drain), sec(report),
			report.Wall.Seconds()/drain.Wall.Seconds(), report.CPU.Seconds()/drain.CPU.Seconds())
	}
	return fmt.Sprintf("| %d | %s | %d | %s | %s (%.1f× the report) | %s (%s) | %s | %s | %s | %s → %s |",
		r.Logs, load, r.UserLogs, pair(r.Drain, r.Report), sec(r.Platform), r.Platform.Wall.Seconds()/r.Report.Wall.Seconds(),
		sec(r.SingleGroup), r.SingleGroupWrong, pair(r.EveryoneDrain, r.Everyone), pair(r.MonthDrain, r.Month),
		pair(r.MonthEveryoneDrain, r.MonthEveryone), r.LoadAverage[0], r.LoadAverage[1])
}

// monthRow is the row of a -month-only run.
func (r result) monthRow() string {
	return fmt.Sprintf("%d logs, 30 days (%d logs in the window, everyone): user drain %.2f s / report %.2f s; everyone drain %.2f s / report %.2f s; load %s → %s",
		r.Logs, r.MonthLogs, r.MonthDrain.Wall.Seconds(), r.Month.Wall.Seconds(), r.MonthEveryoneDrain.Wall.Seconds(),
		r.MonthEveryone.Wall.Seconds(), r.LoadAverage[0], r.LoadAverage[1])
}

// loadAverage is the machine's 1-minute load average, to tell a busy run.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(b))[0]
}

func measure(ctx context.Context, dir string, opts sample.Options, runs, batch int, monthOnly bool) (*result, error) {
	logf("%d logs: dataset under %s", opts.Logs, dir)
	ld, err := openDataset(ctx, dir, opts, batch)
	if err != nil {
		return nil, err
	}
	defer ld.srv.Stop()
	res := &result{Logs: ld.marker.Logs, Runs: runs, Reused: ld.reused, LoadSeconds: ld.marker.LoadSeconds,
		GenerateSeconds: ld.marker.GenerateSeconds, Started: time.Now().UTC(), LoadAverage: [2]string{loadAverage()}}
	defer func() { res.LoadAverage[1] = loadAverage() }()
	logf("  %d logs ready (load %.1fs, reused %v)", res.Logs, res.LoadSeconds, res.Reused)
	src, err := mongodb.Open(ctx, mongodb.Config{URI: ld.srv.URI()})
	if err != nil {
		return nil, err
	}
	defer src.Close(context.WithoutCancel(ctx))
	if monthOnly {
		return res, measureMonth(ctx, src, sample.DemoUsername, res)
	}
	db := src.Database()
	users, err := src.ListUsers(ctx)
	if err != nil {
		return nil, err
	}
	demo := users[0]
	for _, u := range users {
		if u.Username == sample.DemoUsername {
			demo = u
		}
	}
	all := backend.Period{Preset: backend.PresetAllTime, Label: "All time", TimeZone: "UTC"}
	filter, err := userFilter(ctx, db, demo.ID, all)
	if err != nil {
		return nil, err
	}
	var rep *backend.Report
	for i := 0; i < runs; i++ { // interleaved, so both see the same cache state
		d, err := timed(func() error { n, err := drain(ctx, db, filter); res.UserLogs = int(n); return err })
		if err != nil {
			return nil, err
		}
		res.Drain = keepMin(res.Drain, d, i)
		d, err = timed(func() (err error) { rep, err = report(ctx, src, demo.Username, all); return err })
		if err != nil {
			return nil, err
		}
		res.Report = keepMin(res.Report, d, i)
	}
	if logsIn(rep) != int64(res.UserLogs) {
		return nil, fmt.Errorf("the report summed %d logs, the drain read %d", logsIn(rep), res.UserLogs)
	}
	logf("  user %s: drain %v, report %v", demo.Username, res.Drain, res.Report)
	res.Platform, err = best(runs, func() error {
		stats, err := platformStats(ctx, db, demo.ID, all, true)
		if err == nil {
			err = samePlatformNumbers(stats, rep)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("platform approach: %w", err)
	}
	logf("  platform approach, one $group per field: %v", res.Platform)
	res.SingleGroup, err = timed(func() error {
		stats, err := platformStats(ctx, db, demo.ID, all, false)
		res.SingleGroupWrong = "matches"
		if err == nil && samePlatformNumbers(stats, rep) != nil {
			res.SingleGroupWrong = "wrong sums"
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	logf("  platform approach, one 7-accumulator $group: %v (%s)", res.SingleGroup, res.SingleGroupWrong)
	if err := measureEveryone(ctx, src, res, runs); err != nil {
		return nil, err
	}
	return res, measureMonth(ctx, src, demo.Username, res)
}

func measureEveryone(ctx context.Context, src *mongodb.Source, res *result, runs int) error {
	all := backend.Period{Preset: backend.PresetAllTime, Label: "All time", TimeZone: "UTC"}
	var rep *backend.Report
	for i := 0; i < runs; i++ {
		d, err := timed(func() error {
			n, err := drain(ctx, src.Database(), mongodb.LogFilter(nil, all))
			res.EveryoneLogs = int(n)
			return err
		})
		if err != nil {
			return err
		}
		res.EveryoneDrain = keepMin(res.EveryoneDrain, d, i)
		d, err = timed(func() (err error) { rep, err = report(ctx, src, backend.Everyone, all); return err })
		if err != nil {
			return err
		}
		res.Everyone = keepMin(res.Everyone, d, i)
	}
	if logsIn(rep) != int64(res.Logs) || res.EveryoneLogs != res.Logs {
		return fmt.Errorf("everyone: report %d logs, drain %d, dataset %d", logsIn(rep), res.EveryoneLogs, res.Logs)
	}
	logf("  everyone: drain %v, report %v", res.EveryoneDrain, res.Everyone)
	return nil
}

// measureMonth times the last-30-days reports (in New York time, with every
// breakdown) of the user and of everyone.
func measureMonth(ctx context.Context, src *mongodb.Source, account string, res *result) error {
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		loc = time.UTC
	}
	p, err := backend.ResolveRequest(backend.PeriodRequest{Preset: string(backend.PresetLast30Days)}, datasetNow, loc)
	if err != nil {
		return err
	}
	users, err := src.ListUsers(ctx)
	if err != nil {
		return err
	}
	var userID string
	for _, u := range users {
		if u.Username == account {
			userID = u.ID
		}
	}
	filter, err := userFilter(ctx, src.Database(), userID, p)
	if err != nil {
		return err
	}
	var rep *backend.Report
	steps := []struct {
		d *span
		f func() error
	}{
		{&res.MonthDrain, func() error { _, err := drain(ctx, src.Database(), filter); return err }},
		{&res.Month, func() (err error) { _, err = report(ctx, src, account, p); return err }},
		{&res.MonthEveryoneDrain, func() error { _, err := drain(ctx, src.Database(), mongodb.LogFilter(nil, p)); return err }},
		{&res.MonthEveryone, func() (err error) { rep, err = report(ctx, src, backend.Everyone, p); return err }},
	}
	for _, s := range steps {
		if *s.d, err = timed(s.f); err != nil {
			return err
		}
	}
	res.MonthLogs = int(logsIn(rep))
	logf("  30 days: user drain %v, report %v; everyone drain %v, report %v (%d logs, %d days)",
		res.MonthDrain, res.Month, res.MonthEveryoneDrain, res.MonthEveryone, res.MonthLogs, len(rep.Series.Rows))
	return nil
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, time.Now().Format("15:04:05 ")+format+"\n", args...)
}

func appendLine(path string, b []byte) {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return
	}
	defer f.Close()
	f.Write(append(b, '\n'))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "mongoscale:", err)
	os.Exit(1)
}
