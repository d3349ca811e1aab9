package app_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"usagedash/app"
	"usagedash/backend"
	"usagedash/backend/ferret"
	"usagedash/backend/mongodb"
	"usagedash/backend/profiles"
	"usagedash/backend/sample"
	"usagedash/backend/secrets"
)

func newConnections(t *testing.T) *app.Connections {
	t.Helper()
	return newConnectionsIn(t, t.TempDir())
}

func newConnectionsIn(t *testing.T, dir string) *app.Connections {
	t.Helper()
	store, err := profiles.Open(filepath.Join(dir, "profiles.json"))
	if err != nil {
		t.Fatal(err)
	}
	return app.NewConnections(store, secrets.NewFileStore(filepath.Join(dir, "secrets.json")))
}

func seed(t *testing.T, uri string) {
	t.Helper()
	ds, err := sample.Generate(sample.Options{Seed: 5, Now: time.Now(), Days: 10, Users: 1, Logs: 300, HashPasswords: true})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := sample.LoadURI(ctx, uri, mongodb.DefaultDatabase, ds); err != nil {
		t.Fatal(err)
	}
}

// seededServer runs FerretDB with the small sample dataset of seed.
func seededServer(t *testing.T) *ferret.Server {
	t.Helper()
	srv := ferret.MustStart(t)
	seed(t, srv.URI())
	return srv
}

// saveActive saves p in conns and makes it the active profile.
func saveActive(t *testing.T, conns *app.Connections, p backend.Profile) backend.Profile {
	t.Helper()
	p, err := conns.Profiles.Save(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := conns.Profiles.SetActive(p.ID); err != nil {
		t.Fatal(err)
	}
	return p
}
