package app_test

import (
	"path/filepath"
	"testing"

	"usagedash/app"
	"usagedash/app/internal/apptest"
	"usagedash/backend"
	"usagedash/backend/profiles"
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

// seed, seededServer and runCommand are apptest's, named short for these tests.
var (
	seed         = apptest.Seed
	seededServer = apptest.SeededServer
	runCommand   = apptest.RunCommand
)

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
