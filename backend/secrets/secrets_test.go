package secrets_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"usagedash/backend"
	"usagedash/backend/secrets"
)

func TestFileStoreRoundTripAndPermissions(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "usagedash", "secrets.json")
	s := secrets.NewFileStore(path)
	if _, err := s.Get(ctx, "session:a"); !errors.Is(err, backend.ErrNoSecret) {
		t.Fatalf("empty store: %v", err)
	}
	if err := s.Set(ctx, "session:a", "tok-1"); err != nil {
		t.Fatal(err)
	}
	if err := s.Set(ctx, "session:b", "tok-2"); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, "session:a"); err != nil {
		t.Fatal(err)
	}
	reopened := secrets.NewFileStore(path)
	if _, err := reopened.Get(ctx, "session:a"); !errors.Is(err, backend.ErrNoSecret) {
		t.Fatalf("deleted secret still there: %v", err)
	}
	if v, err := reopened.Get(ctx, "session:b"); err != nil || v != "tok-2" {
		t.Fatalf("got %q %v", v, err)
	}
	fi, _ := os.Stat(path)
	di, _ := os.Stat(filepath.Dir(path))
	if fi.Mode().Perm() != 0o600 || di.Mode().Perm() != 0o700 {
		t.Fatalf("modes %v %v", fi.Mode().Perm(), di.Mode().Perm())
	}
}

func TestDamagedFileCostsOnlyTheSecrets(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "secrets.json")
	os.WriteFile(path, []byte("{not json"), 0o600)
	s := secrets.NewFileStore(path)
	if _, err := s.Get(ctx, "k"); err == nil || errors.Is(err, backend.ErrNoSecret) {
		t.Fatalf("a damaged file must be reported, got %v", err)
	}
	if err := s.Set(ctx, "k", "v"); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Get(ctx, "k"); v != "v" {
		t.Fatalf("got %q", v)
	}
}

func TestFileStoreHonoursCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s := secrets.NewFileStore(filepath.Join(t.TempDir(), "secrets.json"))
	if err := s.Set(ctx, "k", "v"); !errors.Is(err, context.Canceled) {
		t.Fatalf("Set on a cancelled context: %v", err)
	}
	if _, err := s.Get(ctx, "k"); !errors.Is(err, context.Canceled) {
		t.Fatalf("Get on a cancelled context: %v", err)
	}
}
