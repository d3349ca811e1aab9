//go:build linux

package secrets_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"usagedash/backend/secrets"
	"usagedash/backend/sessionbus/dbustest"
)

// Without a session bus, Open says so at once and keeps secrets in the file.
func TestOpenWithoutASessionBusUsesTheFile(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	os.Unsetenv("DBUS_SESSION_BUS_ADDRESS")
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir()) // no bus socket in it
	path := filepath.Join(t.TempDir(), "secrets.json")
	s, warning := secrets.Open(path)
	if !strings.Contains(warning, "No session bus") || !strings.Contains(warning, path) {
		t.Fatalf("warning %q", warning)
	}
	if s.Kind() != "file" || s.Warning() != warning {
		t.Fatalf("kind %q, warning %q", s.Kind(), s.Warning())
	}
	ctx := context.Background()
	if err := s.Set(ctx, "session:p1", "tok"); err != nil {
		t.Fatal(err)
	}
	if v, err := secrets.NewFileStore(path).Get(ctx, "session:p1"); err != nil || v != "tok" {
		t.Fatalf("the file holds %q, %v", v, err)
	}
}

// With a session bus but no Secret Service on it, the first use picks the
// file and the warning says why.
func TestOpenWithABusButNoSecretServiceUsesTheFile(t *testing.T) {
	dbustest.StartBus(t)
	path := filepath.Join(t.TempDir(), "secrets.json")
	s, warning := secrets.Open(path)
	if warning != "" || s.Warning() != "" {
		t.Fatalf("warning before first use: %q / %q", warning, s.Warning())
	}
	if err := s.Set(context.Background(), "k", "v"); err != nil {
		t.Fatal(err)
	}
	if s.Kind() != "file" || !strings.Contains(s.Warning(), "No system keychain") || !strings.Contains(s.Warning(), path) {
		t.Fatalf("kind %q, warning %q", s.Kind(), s.Warning())
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the secret did not go to the file: %v", err)
	}
}
