package secrets_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"usagedash/backend"
	"usagedash/backend/secrets"
)

func TestFileStoreRoundTripAndPermissions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "usagedash", "secrets.json")
	s := secrets.NewFileStore(path)
	if _, err := s.Get("session:a"); !errors.Is(err, backend.ErrNoSecret) {
		t.Fatalf("empty store: %v", err)
	}
	if err := s.Set("session:a", "tok-1"); err != nil {
		t.Fatal(err)
	}
	if err := s.Set("session:b", "tok-2"); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete("session:a"); err != nil {
		t.Fatal(err)
	}
	reopened := secrets.NewFileStore(path)
	if _, err := reopened.Get("session:a"); !errors.Is(err, backend.ErrNoSecret) {
		t.Fatalf("deleted secret still there: %v", err)
	}
	if v, err := reopened.Get("session:b"); err != nil || v != "tok-2" {
		t.Fatalf("got %q %v", v, err)
	}
	fi, _ := os.Stat(path)
	di, _ := os.Stat(filepath.Dir(path))
	if fi.Mode().Perm() != 0o600 || di.Mode().Perm() != 0o700 {
		t.Fatalf("modes %v %v", fi.Mode().Perm(), di.Mode().Perm())
	}
}

func TestDamagedFileCostsOnlyTheSecrets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "secrets.json")
	os.WriteFile(path, []byte("{not json"), 0o600)
	s := secrets.NewFileStore(path)
	if _, err := s.Get("k"); err == nil || errors.Is(err, backend.ErrNoSecret) {
		t.Fatalf("a damaged file must be reported, got %v", err)
	}
	if err := s.Set("k", "v"); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Get("k"); v != "v" {
		t.Fatalf("got %q", v)
	}
}

// Without a Secret Service on the session bus, Open falls back to the file
// and says so.
func TestOpenFallsBackToAFileWithoutAKeychain(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+filepath.Join(t.TempDir(), "no-bus"))
	path := filepath.Join(t.TempDir(), "secrets.json")
	s, warning := secrets.Open(path)
	if s.Kind() != "file" || !strings.Contains(warning, path) {
		t.Fatalf("kind %q warning %q", s.Kind(), warning)
	}
}
