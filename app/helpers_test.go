package app_test

import (
	"path/filepath"
	"sync"
	"testing"

	"usagedash/app"
	"usagedash/app/apptest"
	"usagedash/backend"
	"usagedash/backend/history"
	"usagedash/backend/profiles"
	"usagedash/backend/secrets"
	"usagedash/backend/settings"
)

// eventLog records the events a workspace sent.
type eventLog struct {
	mu     sync.Mutex
	events []app.Event
	data   []any
}

func (l *eventLog) Emit(name app.Event, data any) {
	l.mu.Lock()
	l.events = append(l.events, name)
	l.data = append(l.data, data)
	l.mu.Unlock()
}

// count returns how many times name was sent.
func (l *eventLog) count(name app.Event) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, e := range l.events {
		if e == name {
			n++
		}
	}
	return n
}

// fixture is a workspace over real stores in a temporary folder.
type fixture struct {
	dir     string
	secrets backend.SecretStore
	prefs   *settings.Store
	conns   *app.Connections
	ws      *app.Workspace
	events  *eventLog
	life    *app.Lifecycle
}

// newFixture returns a workspace over stores in dir; reports may be nil (no
// history).
func newFixture(t *testing.T, dir string, reports *history.Store) *fixture {
	t.Helper()
	store, err := profiles.Open(filepath.Join(dir, "profiles.json"))
	if err != nil {
		t.Fatal(err)
	}
	prefs, err := settings.Open(filepath.Join(dir, "settings.json"))
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{dir: dir, secrets: secrets.NewFileStore(filepath.Join(dir, "secrets.json")), prefs: prefs,
		events: &eventLog{}, life: app.NewLifecycle()}
	t.Cleanup(f.life.Shutdown)
	f.conns = app.NewConnections(store, f.secrets)
	f.ws = app.NewWorkspace(f.conns, prefs, app.NewHistoryPolicy(reports), f.events)
	return f
}

// seed, seededServer and runCommand are apptest's, named short for these tests.
var (
	seed         = apptest.Seed
	seededServer = apptest.SeededServer
	runCommand   = apptest.RunCommand
)

// saveActive saves p and makes it the active profile.
func (f *fixture) saveActive(t *testing.T, p backend.Profile) backend.Profile {
	t.Helper()
	p, err := f.conns.SaveProfile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.ws.Activate(p.ID); err != nil {
		t.Fatal(err)
	}
	return p
}
