package app_test

import (
	"context"
	"io"
	"net"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"usagedash/app"
	"usagedash/backend"
	"usagedash/backend/ferret"
	"usagedash/backend/mongodb"
	"usagedash/backend/sample"
)

// The window starts while the database is down, shows the failure, and the
// next fetch (a Retry) succeeds once the database is up, without a restart.
func TestLazySourceRecoversWhenTheServerComesUp(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	cfg := mongodb.Config{URI: "mongodb://" + addr + "/"}
	open := func(ctx context.Context) (backend.Source, error) {
		ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		return mongodb.Open(ctx, cfg)
	}
	src := app.NewLazySource(open, backend.SourceInfo{Label: mongodb.Describe(cfg)})
	defer src.Close(context.Background())
	if got := src.Info().Label; got != "MongoDB "+addr+" / claude_workflows" {
		t.Fatalf("offline label %q", got)
	}
	life := app.NewLifecycle()
	defer life.Shutdown()
	reports := app.NewReportService(life, src, sample.DemoUsername, time.UTC, 10*time.Second)

	if _, err := reports.Fetch(string(backend.PresetAllTime)); backend.ErrorCode(err) != backend.EUNAVAILABLE {
		t.Fatalf("with the server down: code %q (%v), want unavailable", backend.ErrorCode(err), err)
	}

	srv, err := ferret.StartOn(context.Background(), t.TempDir(), addr, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	seed(t, srv.URI())

	r, err := reports.Fetch(string(backend.PresetAllTime))
	if err != nil {
		t.Fatalf("after the server came up: %v", err)
	}
	if r.Username != sample.DemoUsername || r.TotalTokens == 0 {
		t.Fatalf("report %+v", r)
	}
	if _, err := reports.Fetch("fortnight"); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("unknown preset: %v", err)
	}
}

func seed(t *testing.T, uri string) {
	t.Helper()
	ds, err := sample.Generate(sample.Options{Seed: 5, Now: time.Now(), Days: 10, Users: 1, Logs: 300})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	client, err := mongo.Connect(ctx, options.Client().ApplyURI(uri))
	if err != nil {
		t.Fatal(err)
	}
	defer client.Disconnect(ctx)
	if err := sample.Load(ctx, client.Database(mongodb.DefaultDatabase), ds); err != nil {
		t.Fatal(err)
	}
}
