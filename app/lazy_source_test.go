package app_test

import (
	"testing"
	"time"

	"usagedash/app"
	"usagedash/app/apptest"
	"usagedash/backend"
	"usagedash/backend/ferret"
	"usagedash/backend/sample"
)

// The window starts while a MongoDB profile's database is down, shows the failure, and the
// next fetch (a Retry) succeeds once the database is up, without a restart.
func TestLazySourceRecoversWhenTheServerComesUp(t *testing.T) {
	relay := apptest.NewRelay(t) // the database's address, down for now
	addr := relay.Addr()
	f := newFixture(t, t.TempDir(), nil)
	f.saveActive(t, backend.Profile{Name: "Local DB", Kind: backend.SourceMongoDB,
		MongoURI: "mongodb://" + addr + "/?serverSelectionTimeoutMS=2000", Account: sample.DemoUsername})
	reports := app.NewReportService(f.life, f.ws, time.UTC, 10*time.Second, nil)
	info, err := reports.Source()
	if err != nil || info.Label != "MongoDB "+addr+" / claude_workflows" {
		t.Fatalf("offline source %+v, %v", info, err)
	}

	if _, err := reports.Fetch(backend.PeriodRequest{Preset: string(backend.PresetAllTime)}); backend.ErrorCode(err) != backend.EUNAVAILABLE {
		t.Fatalf("with the server down: code %q (%v), want unavailable", backend.ErrorCode(err), err)
	}

	srv := ferret.MustStart(t)
	seed(t, srv.URI())
	relay.Forward(apptest.Host(t, srv.URI()))

	r, err := reports.Fetch(backend.PeriodRequest{Preset: string(backend.PresetAllTime)})
	if err != nil {
		t.Fatalf("after the server came up: %v", err)
	}
	if r.Username != sample.DemoUsername || r.TotalTokens == 0 {
		t.Fatalf("report %+v", r)
	}
	if _, err := reports.Fetch(backend.PeriodRequest{Preset: "fortnight"}); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("unknown preset: %v", err)
	}
}
