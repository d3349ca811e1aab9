package app_test

import (
	"strings"
	"testing"
	"time"

	"usagedash/app"
	"usagedash/app/apptest"
	"usagedash/backend"
	"usagedash/backend/sample"
)

func TestDatabaseServiceTestsAndListsUsers(t *testing.T) {
	srv := seededServer(t)
	f := newFixture(t, t.TempDir(), nil)
	db := app.NewDatabaseService(f.life, f.conns, 10*time.Second)
	p := backend.Profile{Name: "Local", Kind: backend.SourceMongoDB, MongoURI: srv.URI()}

	info, err := db.TestConnection(p)
	if err != nil {
		t.Fatal(err)
	}
	if !info.PlatformSchema || info.Users != 2 || info.Database != "claude_workflows" || !strings.Contains(info.Version, "FerretDB") {
		t.Fatalf("server info %+v", info)
	}
	users, err := db.ListUsers(p)
	if err != nil || len(users) != 2 || users[0].Username != "alice" || users[1].Username != sample.DemoUsername {
		t.Fatalf("users %+v, %v", users, err)
	}

	addr := apptest.NewRelay(t).Addr() // hangs up on every connection
	down := backend.Profile{Name: "Down", Kind: backend.SourceMongoDB, MongoURI: "mongodb://u:pw-secret@" + addr + "/?serverSelectionTimeoutMS=300"}
	_, err = db.TestConnection(down)
	if backend.ErrorCode(err) != backend.EUNAVAILABLE || strings.Contains(app.FormatError(err).(app.UIError).Message, "pw-secret") {
		t.Fatalf("unreachable: %v", err)
	}
}
