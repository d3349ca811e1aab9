package mongodb_test

import (
	"context"
	"fmt"
	"math"
	"net"
	"strings"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/ferret"
	"usagedash/backend/mongodb"
	"usagedash/backend/sample"
)

var testNow = time.Date(2026, 3, 15, 14, 30, 0, 0, time.UTC)

// loadDataset starts FerretDB, loads a generated dataset into a database and
// opens the source on it.
func loadDataset(t *testing.T, opts sample.Options) (*mongodb.Source, *sample.Dataset) {
	t.Helper()
	srv := ferret.MustStart(t)
	ds, err := sample.Generate(opts)
	if err != nil {
		t.Fatal(err)
	}
	return seed(t, srv.URI(), "platform_test", ds), ds
}

// seed loads ds into database on the server at uri and opens the source on
// it until the test ends.
func seed(t *testing.T, uri, database string, ds *sample.Dataset) *mongodb.Source {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := sample.LoadURI(ctx, uri, database, ds); err != nil {
		t.Fatal(err)
	}
	src, err := mongodb.Open(ctx, mongodb.Config{URI: uri, Database: database})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { src.Close(context.Background()) })
	return src
}

// expected is the dataset's independent computation for account over p.
func expected(ds *sample.Dataset, account string, p backend.Period) map[string]float64 {
	return ds.Expect(account, p.Start, p.End)
}

// fields returns every numeric field of r by its JSON name.
func fields(r *backend.Report) map[string]float64 {
	return map[string]float64{
		"total_workflows": float64(r.TotalWorkflows), "total_instances": float64(r.TotalInstances),
		"total_tokens": float64(r.TotalTokens), "total_input_tokens": float64(r.TotalInputTokens),
		"total_output_tokens": float64(r.TotalOutputTokens), "total_cache_creation_tokens": float64(r.TotalCacheCreationTokens),
		"total_cache_read_tokens": float64(r.TotalCacheReadTokens), "total_cost_usd": r.TotalCostUSD,
		"total_execution_time_ms": float64(r.TotalExecutionTimeMS),
	}
}

func assertReport(t *testing.T, got *backend.Report, want map[string]float64) {
	t.Helper()
	for k, g := range fields(got) {
		if w := want[k]; math.Abs(g-w) > 1e-9 {
			t.Errorf("%s = %v, want %v", k, g, w)
		}
	}
	b := got.TokenBreakdown
	if b.InputTokens != got.TotalInputTokens || b.OutputTokens != got.TotalOutputTokens ||
		b.CacheCreationInputTokens != got.TotalCacheCreationTokens || b.CacheReadInputTokens != got.TotalCacheReadTokens ||
		b.TotalTokens != got.TotalTokens {
		t.Errorf("token_breakdown %+v disagrees with the totals", b)
	}
}

func period(t *testing.T, start, end time.Time) backend.Period {
	t.Helper()
	p, err := backend.CustomPeriod(&start, &end)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReportMatchesIndependentComputation(t *testing.T) {
	opts := sample.Options{Seed: 7, Now: testNow, Days: 90, Users: 3, Logs: 2500}
	src, ds := loadDataset(t, opts)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	midDay := testNow.Add(-20*24*time.Hour - 5*time.Hour - 17*time.Minute)
	periods := map[string]backend.Period{
		"all time":       {Preset: backend.PresetAllTime},
		"mid-day window": period(t, midDay, midDay.Add(9*24*time.Hour+3*time.Hour)),
		"future":         period(t, testNow.Add(time.Hour), testNow.Add(48*time.Hour)),
	}
	var nonZero int
	for _, u := range ds.Users {
		for name, p := range periods {
			t.Run(u.Username+"/"+name, func(t *testing.T) {
				got, err := src.Report(ctx, backend.Query{Account: u.Username, Period: p})
				if err != nil {
					t.Fatal(err)
				}
				want := expected(ds, u.Username, p)
				assertReport(t, got, want)
				if got.Username != u.Username || got.UserID != u.ID {
					t.Errorf("user = %s/%s, want %s/%s", got.Username, got.UserID, u.Username, u.ID)
				}
				if want["total_tokens"] > 0 {
					nonZero++
				}
			})
		}
	}
	if nonZero < len(ds.Users) {
		t.Fatalf("only %d reports had tokens: the dataset does not exercise the sums", nonZero)
	}
}

func TestReportByEmailAndOneSecondPeriod(t *testing.T) {
	src, ds := loadDataset(t, sample.Options{Seed: 11, Now: testNow, Days: 30, Users: 1, Logs: 800})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	// A one-second period around one log: its bounds are inclusive.
	var probe sample.Log
	for _, l := range ds.Logs {
		if l.TokenUsage != nil && l.TokenUsage.Input != nil && *l.TokenUsage.Input > 0 && ownedBy(ds, l.InstanceID, sample.DemoUsername) {
			probe = l
			break
		}
	}
	p := period(t, probe.Timestamp, probe.Timestamp.Add(time.Second))
	got, err := src.Report(ctx, backend.Query{Account: sample.DemoEmail, Period: p})
	if err != nil {
		t.Fatal(err)
	}
	assertReport(t, got, expected(ds, sample.DemoEmail, p))
	if got.TotalInputTokens < *probe.TokenUsage.Input {
		t.Fatalf("the log at the period's start was not counted: input %d < %d", got.TotalInputTokens, *probe.TokenUsage.Input)
	}
}

func ownedBy(ds *sample.Dataset, instanceID, username string) bool {
	for _, u := range ds.Users {
		for _, i := range ds.Instances {
			if i.ID == instanceID && i.UserID != nil && *i.UserID == u.ID {
				return u.Username == username
			}
		}
	}
	return false
}

func TestUserWithoutInstancesAndUnknownUser(t *testing.T) {
	srv := ferret.MustStart(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	ds, err := sample.Generate(sample.Options{Seed: 3, Now: testNow, Days: 10, Users: 1, Logs: 200})
	if err != nil {
		t.Fatal(err)
	}
	// A user who signed up but never ran anything.
	ds.Users = append(ds.Users, sample.User{ID: "lonely-id", Username: "lonely", Email: "lonely@example.com", IsActive: true, CreatedAt: testNow})
	src := seed(t, srv.URI(), mongodb.DefaultDatabase, ds)
	got, err := src.Report(ctx, backend.Query{Account: "lonely"})
	if err != nil {
		t.Fatal(err)
	}
	assertReport(t, got, map[string]float64{})
	if got.Series == nil || len(got.Series.Rows) != 0 {
		t.Fatalf("lonely user's all-time series: %+v", got.Series)
	}
	if b := got.Breakdowns; b == nil || len(b.ByModel)+len(b.ByWorkflow)+len(b.ByInstance)+len(b.ByMode) != 0 || b.ByUser != nil {
		t.Fatalf("lonely user's breakdowns: %+v", got.Breakdowns)
	}
	if got.UserID != "lonely-id" || !got.IsEmpty() {
		t.Fatalf("lonely user: %+v", got)
	}
	_, err = src.Report(ctx, backend.Query{Account: "nobody"})
	if backend.ErrorCode(err) != backend.ENOTFOUND || !strings.Contains(backend.ErrorMessage(err), `"nobody"`) {
		t.Fatalf("unknown user: code %q (%v), want not_found naming the user", backend.ErrorCode(err), err)
	}
}

func TestUnreachableServerFailsWithinDeadline(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	uri := fmt.Sprintf("mongodb://reader:s3cret-pass@%s/?authSource=admin", addr)
	_, err = mongodb.Open(ctx, mongodb.Config{URI: uri})
	if backend.ErrorCode(err) != backend.EUNAVAILABLE {
		t.Fatalf("code %q (%v), want unavailable", backend.ErrorCode(err), err)
	}
	if msg := backend.ErrorMessage(err); strings.Contains(msg, "s3cret") || !strings.Contains(msg, addr) {
		t.Fatalf("message %q should name the address and never the password", msg)
	}
}

func TestInvalidURIMessageHidesSecrets(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_, err := mongodb.Open(ctx, mongodb.Config{URI: "mongodb://user:hunter2@host:notaport/"})
	if backend.ErrorCode(err) != backend.EINVALID || strings.Contains(err.Error(), "hunter2") {
		t.Fatalf("got %q (%v)", backend.ErrorCode(err), err)
	}
}

func TestWrongDatabase(t *testing.T) {
	srv := ferret.MustStart(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	src, err := mongodb.Open(ctx, mongodb.Config{URI: srv.URI(), Database: "not_the_platform"})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close(ctx)
	_, err = src.Report(ctx, backend.Query{Account: sample.DemoUsername})
	if backend.ErrorCode(err) != backend.ENOTFOUND || !strings.Contains(backend.ErrorMessage(err), "not_the_platform") {
		t.Fatalf("code %q message %q", backend.ErrorCode(err), backend.ErrorMessage(err))
	}
}
