package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"usagedash/backend/ferret"
	"usagedash/backend/mongodb"
	"usagedash/backend/sample"
)

// datasetNow is the end of every benchmark dataset's history.
var datasetNow = time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)

// datasetOptions is the generated dataset for n logs: 5 users, 90 days.
func datasetOptions(n int, seed uint64) sample.Options {
	return sample.Options{Seed: seed, Now: datasetNow, Days: 90, Users: 4, Logs: n}
}

// marker records a loaded dataset next to its FerretDB files, so a later run
// (or a resumed one) reuses it instead of loading again.
type marker struct {
	Options         sample.Options `json:"options"`
	Logs            int            `json:"logs"`
	GenerateSeconds float64        `json:"generate_seconds"`
	LoadSeconds     float64        `json:"load_seconds"`
	Loaded          time.Time      `json:"loaded"`
}

// loaded is a running FerretDB holding one size's dataset.
type loaded struct {
	srv    *ferret.Server
	marker marker
	reused bool
}

// openDataset starts FerretDB on dir and loads the dataset into it unless a
// marker says it is already there.
func openDataset(ctx context.Context, dir string, opts sample.Options, batch int) (*loaded, error) {
	markerPath := filepath.Join(dir, "dataset.json")
	var m marker
	if b, err := os.ReadFile(markerPath); err == nil && json.Unmarshal(b, &m) == nil && m.Options == opts {
		srv, err := ferret.Start(ctx, filepath.Join(dir, "db"), io.Discard)
		if err != nil {
			return nil, err
		}
		return &loaded{srv: srv, marker: m, reused: true}, nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	srv, err := ferret.Start(ctx, filepath.Join(dir, "db"), io.Discard)
	if err != nil {
		return nil, err
	}
	began := time.Now()
	ds, err := sample.Generate(opts)
	if err != nil {
		srv.Stop()
		return nil, err
	}
	m = marker{Options: opts, Logs: len(ds.Logs), GenerateSeconds: time.Since(began).Seconds()}
	logf("  generated %d logs in %.1fs; loading in unordered batches of %d", m.Logs, m.GenerateSeconds, batch)
	began = time.Now()
	client, err := mongo.Connect(ctx, options.Client().ApplyURI(srv.URI()))
	if err != nil {
		srv.Stop()
		return nil, err
	}
	defer client.Disconnect(context.WithoutCancel(ctx))
	if err := sample.LoadWith(ctx, client.Database(mongodb.DefaultDatabase), ds, sample.LoadOptions{BatchSize: batch}); err != nil {
		srv.Stop()
		return nil, fmt.Errorf("load: %w", err)
	}
	m.LoadSeconds = time.Since(began).Seconds()
	m.Loaded = time.Now().UTC()
	ds = nil
	runtime.GC()
	b, _ := json.MarshalIndent(m, "", "  ")
	if err := os.WriteFile(markerPath, b, 0o600); err != nil {
		srv.Stop()
		return nil, err
	}
	return &loaded{srv: srv, marker: m}, nil
}
