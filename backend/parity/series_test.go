package parity_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"usagedash/backend"
	"usagedash/backend/platform"
	"usagedash/backend/sample"
)

// staticToken is a platform.TokenProvider for one signed-in session.
type staticToken string

func (t staticToken) Token(context.Context) (string, error) { return string(t), nil }

// counting wraps the reference server's handler: it records the most
// usage-stats requests in flight at once, and answers 500 to the request
// whose period_start is failStart (when set).
type counting struct {
	next                  http.Handler
	inFlight, maxInFlight atomic.Int64
	mu                    sync.Mutex
	failStart             string
}

func (c *counting) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == platform.PathUsageStats {
		n := c.inFlight.Add(1)
		defer c.inFlight.Add(-1)
		for m := c.maxInFlight.Load(); n > m && !c.maxInFlight.CompareAndSwap(m, n); m = c.maxInFlight.Load() {
		}
		c.mu.Lock()
		fail := c.failStart != "" && r.URL.Query().Get("period_start") == c.failStart
		c.mu.Unlock()
		if fail {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = io.WriteString(w, `{"detail":"Internal Server Error"}`)
			return
		}
	}
	c.next.ServeHTTP(w, r)
}

func (c *counting) failOn(start string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.failStart = start
}

func TestPlatformSeriesEqualsMongoDBSeries(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	now := time.Date(2026, 3, 15, 16, 0, 0, 0, time.UTC) // a week after New York's clocks went forward
	ds, err := sample.Generate(sample.Options{Seed: 33, Now: now, Days: 40, Users: 2, Logs: 1500, LogModes: true})
	if err != nil {
		t.Fatal(err)
	}
	u := ds.Users[0]
	hash, err := bcrypt.GenerateFromPassword([]byte(u.Password), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	ds.Users[0].HashedPassword = string(hash)

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var handler *counting
	db, httpSrv := startReference(ctx, t, ds, func(h http.Handler) http.Handler {
		handler = &counting{next: h}
		return handler
	})
	client, err := platform.NewClient(httpSrv.URL, platform.Options{Timeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	login, err := client.Login(ctx, u.Username, u.Password)
	if err != nil {
		t.Fatal(err)
	}
	pf := platform.NewSource(client, "reference", staticToken(login.AccessToken))

	resolve := func(req backend.PeriodRequest) backend.Period {
		p, err := backend.ResolveRequest(req, now, ny)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := map[string]struct {
		req  backend.PeriodRequest
		rows int
	}{
		"last 30 days across DST":  {backend.PeriodRequest{Preset: "last_30_days"}, 30},
		"spring-forward day hours": {backend.PeriodRequest{Preset: "custom", From: "2026-03-08", To: "2026-03-08"}, 23},
		"a UTC week":               {backend.PeriodRequest{Preset: "custom", From: "2026-03-02", To: "2026-03-08", UTC: true}, 7},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			p := resolve(c.req)
			fromAPI, err := pf.Report(ctx, backend.Query{Period: p})
			if err != nil {
				t.Fatal(err)
			}
			fromDB, err := db.Report(ctx, backend.Query{Account: u.Username, Period: p})
			if err != nil {
				t.Fatal(err)
			}
			if fromAPI.Series == nil || fromDB.Series == nil || fromAPI.SeriesNote != "" {
				t.Fatalf("series API %v (%q), MongoDB %v", fromAPI.Series, fromAPI.SeriesNote, fromDB.Series)
			}
			a, d := fromAPI.Series.Rows, fromDB.Series.Rows
			if len(a) != c.rows || len(d) != c.rows || fromAPI.Series.Bucket != fromDB.Series.Bucket || fromAPI.Series.Bucket != p.Bucket {
				t.Fatalf("%d API rows, %d MongoDB rows, want %d; buckets %q/%q", len(a), len(d), c.rows, fromAPI.Series.Bucket, fromDB.Series.Bucket)
			}
			var used int
			for i := range a {
				if a[i].Key != d[i].Key || a[i].Label != d[i].Label || a[i].Tokens != d[i].Tokens || a[i].CostUSD != d[i].CostUSD ||
					a[i].ExecutionTimeMS != d[i].ExecutionTimeMS || a[i].Logs != 0 {
					t.Errorf("row %d: API %+v, MongoDB %+v", i, a[i], d[i])
				}
				if d[i].Logs > 0 {
					used++
				}
			}
			if used < 2 || fromAPI.TotalTokens != fromDB.TotalTokens {
				t.Fatalf("%d rows with usage, totals %d/%d: the dataset does not exercise the series", used, fromAPI.TotalTokens, fromDB.TotalTokens)
			}
		})
	}
	if m := handler.maxInFlight.Load(); m > platform.MaxInFlight || m < 2 {
		t.Fatalf("at most %d usage-stats requests were in flight, want 2..%d", m, platform.MaxInFlight)
	}

	// One day's request failing keeps the headline report, with a note.
	p := resolve(backend.PeriodRequest{Preset: "last_7_days"})
	want, err := db.Report(ctx, backend.Query{Account: u.Username, Period: p})
	if err != nil {
		t.Fatal(err)
	}
	handler.failOn(platform.FormatTime(p.Start.AddDate(0, 0, 3)))
	got, err := pf.Report(ctx, backend.Query{Period: p})
	if err != nil {
		t.Fatal(err)
	}
	if got.Series != nil || got.TotalTokens != want.TotalTokens || got.TotalCostUSD != want.TotalCostUSD ||
		!strings.HasPrefix(got.SeriesNote, "The usage over time could not be loaded") || !strings.Contains(got.SeriesNote, "HTTP 500") ||
		strings.Contains(got.SeriesNote, login.AccessToken) {
		t.Fatalf("series %v, tokens %d/%d, note %q", got.Series, got.TotalTokens, want.TotalTokens, got.SeriesNote)
	}
	handler.failOn("")

	// All time has no series from the API, and says what to do.
	all, err := pf.Report(ctx, backend.Query{Period: resolve(backend.PeriodRequest{Preset: "all_time"})})
	if err != nil {
		t.Fatal(err)
	}
	if all.Series != nil || all.SeriesNote != platform.NoteSeriesTooLong || all.TotalTokens == 0 {
		t.Fatalf("all time: series %v, note %q", all.Series, all.SeriesNote)
	}
}
