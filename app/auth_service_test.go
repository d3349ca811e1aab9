package app_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"usagedash/app"
	"usagedash/backend"
	"usagedash/backend/mongodb"
	"usagedash/backend/platform"
	"usagedash/backend/sample"
	"usagedash/backend/server"
)

const testSecret = "app-test-secret-0123456789-abcdefghijklmnopqrstuvwxyz"

// startAPI runs the reference server over a seeded FerretDB.
func startAPI(t *testing.T) string {
	t.Helper()
	srv := seededServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	source, err := mongodb.Open(ctx, mongodb.Config{URI: srv.URI()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { source.Close(context.Background()) })
	api, err := server.New(server.Config{Source: source, Secret: []byte(testSecret), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	h := httptest.NewServer(api.Handler())
	t.Cleanup(h.Close)
	return h.URL
}

// filesContain reports whether any file under dir contains s.
func filesContain(t *testing.T, dir, s string) bool {
	t.Helper()
	found := false
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, _ := os.ReadFile(path); strings.Contains(string(b), s) {
				found = true
			}
		}
		return nil
	})
	return found
}

func TestSignInFetchSignOut(t *testing.T) {
	url := startAPI(t)
	dir := t.TempDir()
	f := newFixture(t, dir, nil)
	profilesSvc, err := app.NewProfileService(f.life, f.ws, "", app.DemoAccount{BaseURL: url, Login: sample.DemoUsername, Password: sample.DemoPassword})
	if err != nil {
		t.Fatal(err)
	}
	auth := app.NewAuthService(f.life, f.ws, 10*time.Second)
	reports := app.NewReportService(f.life, f.ws, time.UTC, 30*time.Second, nil)

	state, err := profilesSvc.State()
	if err != nil || len(state.Profiles) != 1 || !state.Profiles[0].Profile.Demo || state.DemoPassword != sample.DemoPassword || state.ActiveID != "" {
		t.Fatalf("first run state %+v, %v", state, err)
	}
	demo := state.Profiles[0].Profile
	if err := profilesSvc.Activate(demo.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := reports.Fetch(backend.PeriodRequest{Preset: "all_time"}); backend.ErrorCode(err) != backend.EUNAUTHORIZED {
		t.Fatalf("fetch before sign-in: %v", err)
	}
	_, err = auth.SignIn(demo.ID, "wrong-password-123")
	if !errors.Is(err, platform.ErrWrongCredentials) || strings.Contains(app.FormatError(err).(app.UIError).Message, "wrong-password-123") {
		t.Fatalf("wrong password: %v", err)
	}
	info, err := auth.SignIn(demo.ID, sample.DemoPassword)
	if err != nil || !info.SignedIn || info.Username != sample.DemoUsername || info.ExpiresAt.Before(time.Now().Add(6*24*time.Hour)) {
		t.Fatalf("sign in: %+v, %v", info, err)
	}
	r, err := reports.Fetch(backend.PeriodRequest{Preset: "all_time"})
	if err != nil || r.Source.Kind != backend.SourcePlatform || r.TotalTokens == 0 || r.Username != sample.DemoUsername {
		t.Fatalf("report after sign-in: %+v, %v", r, err)
	}
	if filesContain(t, dir, sample.DemoPassword) {
		t.Fatal("the password was written to disk")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "profiles.json")); strings.Contains(string(b), "eyJ") {
		t.Fatal("the session token is in the profiles file")
	}
	if err := auth.SignOut(demo.ID); err != nil {
		t.Fatal(err)
	}
	if filesContain(t, dir, "eyJ") {
		t.Fatal("sign-out left the token on disk")
	}
	if _, err := reports.Fetch(backend.PeriodRequest{Preset: "all_time"}); backend.ErrorCode(err) != backend.EUNAUTHORIZED {
		t.Fatalf("fetch after sign-out: %v", err)
	}
}

func TestRejectedSessionIsForgottenAndAsksToSignIn(t *testing.T) {
	url := startAPI(t)
	dir := t.TempDir()
	f := newFixture(t, dir, nil)
	p := f.saveActive(t, backend.Profile{Name: "Team", Kind: backend.SourcePlatform, BaseURL: url, Login: "demo"})
	// A well-formed, unexpired token the server did not sign.
	forged, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "x", "username": "demo",
		"exp": time.Now().Add(time.Hour).Unix()}).SignedString([]byte("some-other-key-0123456789-0123456789"))
	if err := f.secrets.Set(context.Background(), "session:"+p.ID, forged); err != nil {
		t.Fatal(err)
	}
	reports := app.NewReportService(f.life, f.ws, time.UTC, 30*time.Second, nil)
	_, err := reports.Fetch(backend.PeriodRequest{Preset: "all_time"})
	if !errors.Is(err, platform.ErrSessionExpired) {
		t.Fatalf("forged token: %v", err)
	}
	if _, err := f.conns.Session(context.Background(), p.ID); backend.ErrorCode(err) != backend.ENOTFOUND {
		t.Fatalf("the rejected token was kept: %v", err)
	}
	// The token is dropped once: the next fetch asks to sign in without
	// calling the platform, and the window heard of it once.
	if _, err := reports.Fetch(backend.PeriodRequest{Preset: "all_time"}); backend.ErrorCode(err) != backend.EUNAUTHORIZED || errors.Is(err, platform.ErrSessionExpired) {
		t.Fatalf("fetch after the drop: %v", err)
	}
	if n := f.events.count(app.EventSessionEnded); n != 1 {
		t.Fatalf("%d session:ended events, want 1", n)
	}
}

func TestMongoPasswordGoesToTheSecretStore(t *testing.T) {
	dir := t.TempDir()
	f := newFixture(t, dir, nil)
	svc, err := app.NewProfileService(f.life, f.ws, "no keychain here", app.DemoAccount{})
	if err != nil {
		t.Fatal(err)
	}
	saved, err := svc.Save(backend.Profile{Name: "Prod DB", Kind: backend.SourceMongoDB,
		MongoURI: "mongodb://reader:Pa55-w0rd@db.example.com:27017/?authSource=admin", Account: "alice"})
	if err != nil {
		t.Fatal(err)
	}
	if saved.MongoURI != "mongodb://reader@db.example.com:27017/?authSource=admin" {
		t.Fatalf("saved URI %q", saved.MongoURI)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "profiles.json")); strings.Contains(string(b), "Pa55-w0rd") {
		t.Fatal("the database password is in the profiles file")
	}
	state, _ := svc.State()
	if !state.Profiles[0].HasPassword || state.SecretWarning != "no keychain here" || state.SecretStorage != "file" {
		t.Fatalf("state %+v", state)
	}
	// Editing without retyping the password keeps it.
	saved.Name = "Production DB"
	if _, err := svc.Save(*saved); err != nil {
		t.Fatal(err)
	}
	if state, _ := svc.State(); !state.Profiles[0].HasPassword {
		t.Fatal("editing lost the stored password")
	}
	if err := svc.Delete(saved.ID); err != nil {
		t.Fatal(err)
	}
	if filesContain(t, dir, "Pa55-w0rd") {
		t.Fatal("deleting the profile left its password on disk")
	}
}
