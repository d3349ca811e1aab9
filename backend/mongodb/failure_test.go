package mongodb_test

import (
	"context"
	"io"
	"net/url"
	"strings"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/ferret"
	"usagedash/backend/mongodb"
	"usagedash/backend/sample"
)

// stoppable loads a dataset into a FerretDB the test can stop and restart
// on the same address and files.
type stoppable struct {
	dir, addr string
	srv       *ferret.Server
}

func startStoppable(t *testing.T, opts sample.Options) (*stoppable, *mongodb.Source, *sample.Dataset) {
	t.Helper()
	s := &stoppable{dir: t.TempDir()}
	srv, err := ferret.Start(context.Background(), s.dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	s.srv = srv
	t.Cleanup(func() { s.srv.Stop() })
	u, err := url.Parse(srv.URI())
	if err != nil {
		t.Fatal(err)
	}
	s.addr = u.Host
	ds, err := sample.Generate(opts)
	if err != nil {
		t.Fatal(err)
	}
	src := seed(t, srv.URI(), mongodb.DefaultDatabase, ds)
	return s, src, ds
}

func (s *stoppable) restart(t *testing.T) {
	srv, err := ferret.StartOn(context.Background(), s.dir, s.addr, io.Discard)
	if err != nil {
		t.Error(err)
		return
	}
	s.srv = srv
}

const smallBatch = 100

func TestServerStoppingMidScanGivesNoPartialReport(t *testing.T) {
	s, src, _ := startStoppable(t, sample.Options{Seed: 2, Now: testNow, Days: 20, Users: 1, Logs: 1200})
	var stopped bool
	defer mongodb.SetScanKnobs(smallBatch, func(read int64) {
		if read == smallBatch && !stopped { // the first batch is consumed
			stopped = true
			s.srv.Stop()
		}
	}, 300*time.Millisecond)()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	began := time.Now()
	r, err := src.Report(ctx, backend.Query{Account: backend.Everyone, Period: backend.Period{Preset: backend.PresetAllTime}})
	if !stopped {
		t.Fatal("the scan ended before the hook stopped the server: the dataset fits in one batch")
	}
	if r != nil || backend.ErrorCode(err) != backend.EUNAVAILABLE {
		t.Fatalf("report %v, error code %q (%v); want no report and unavailable", r != nil, backend.ErrorCode(err), err)
	}
	if msg := backend.ErrorMessage(err); !strings.Contains(msg, "broke after 100 logs") || !strings.Contains(msg, "no report") {
		t.Fatalf("message %q should say the connection broke mid-report", msg)
	}
	if d := time.Since(began); d > 10*time.Second {
		t.Fatalf("failing took %v", d)
	}
}

func TestRetryRestartsTheWholeReport(t *testing.T) {
	s, src, ds := startStoppable(t, sample.Options{Seed: 3, Now: testNow, Days: 20, Users: 1, Logs: 1200})
	bounces := 0
	defer mongodb.SetScanKnobs(smallBatch, func(read int64) {
		if read == smallBatch && bounces == 0 {
			bounces++
			s.srv.Stop()
			s.restart(t) // back before the retry's probe
		}
	}, 5*time.Second)()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	p := backend.Period{Preset: backend.PresetAllTime, TimeZone: "UTC"}
	r, err := src.Report(ctx, backend.Query{Account: sample.DemoUsername, Period: p})
	if err != nil {
		t.Fatalf("the retry did not recover: %v", err)
	}
	if bounces != 1 {
		t.Fatalf("the server was bounced %d times", bounces)
	}
	// Exactly the expected sums: the first attempt's 100 logs were dropped.
	assertReport(t, r, ds.Expect(sample.DemoUsername, nil, nil))
	assertBreakdowns(t, r, ds.ExpectBreakdowns(sample.DemoUsername, nil, nil), false)
	assertSeries(t, r, ds, sample.DemoUsername, time.UTC)
}
