//go:build linux

package secrets_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"usagedash/backend"
	"usagedash/backend/secrets"
	"usagedash/backend/sessionbus/dbustest"
)

// TestKeychainAgainstGnomeKeyring runs the Secret Service path against a
// real gnome-keyring-daemon on a private session bus: a session token and a
// MongoDB password are stored, read back (also by secret-tool, an
// independent Secret Service client), deleted; then the login keyring is
// locked over D-Bus and every call says "locked", not "not found".
func TestKeychainAgainstGnomeKeyring(t *testing.T) {
	secretTool, err := exec.LookPath("secret-tool")
	if err != nil {
		t.Fatal("secret-tool is not installed (Debian package libsecret-tools); it reads back what the keychain stored")
	}
	addr := dbustest.StartBus(t)
	dbustest.StartKeyring(t, addr)

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	fallback := filepath.Join(t.TempDir(), "secrets.json")
	s, warning := secrets.Open(fallback)
	if warning != "" {
		t.Fatalf("warning with a keychain: %q", warning)
	}
	const token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl"
	const password = "p@ss w0rd/with:chars"
	secretsByKey := map[string]string{"session:p1": token, "mongodb-password:p2": password}
	for k, v := range secretsByKey {
		if err := s.Set(ctx, k, v); err != nil {
			t.Fatalf("Set %s: %v", k, err)
		}
	}
	if s.Kind() != "keychain" || s.Warning() != "" {
		t.Fatalf("kind %q, warning %q", s.Kind(), s.Warning())
	}
	for k, v := range secretsByKey {
		if got, err := s.Get(ctx, k); err != nil || got != v {
			t.Errorf("Get %s = %q, %v; want %q", k, got, err, v)
		}
		out, err := exec.CommandContext(ctx, secretTool, "lookup", "service", "usagedash", "username", k).Output()
		if err != nil || string(out) != v {
			t.Errorf("secret-tool lookup %s = %q, %v; want %q", k, out, err, v)
		}
	}
	if _, err := os.Stat(fallback); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the fall-back file was written: %v", err)
	}

	if err := s.Delete(ctx, "session:p1"); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, "session:p1"); err != nil {
		t.Errorf("deleting a missing secret: %v", err)
	}
	if _, err := s.Get(ctx, "session:p1"); !errors.Is(err, backend.ErrNoSecret) {
		t.Errorf("Get after Delete: %v, want ErrNoSecret", err)
	}
	if out, err := exec.CommandContext(ctx, secretTool, "lookup", "service", "usagedash", "username", "session:p1").Output(); err == nil {
		t.Errorf("secret-tool still finds the deleted token: %q", out)
	}

	lockLoginKeyring(t, ctx, addr)
	for name, call := range map[string]func() error{
		"Get":    func() error { _, err := s.Get(ctx, "mongodb-password:p2"); return err },
		"Set":    func() error { return s.Set(ctx, "session:p3", "tok") },
		"Delete": func() error { return s.Delete(ctx, "mongodb-password:p2") },
	} {
		err := call()
		if !errors.Is(err, backend.ErrKeychainLocked) || backend.ErrorCode(err) != backend.ELOCKED ||
			!strings.Contains(backend.ErrorMessage(err), "locked") {
			t.Errorf("%s on a locked keychain: code %q, %v", name, backend.ErrorCode(err), err)
		}
		if strings.Contains(err.Error(), password) {
			t.Errorf("%s: the error carries the secret", name)
		}
	}
}

// lockLoginKeyring locks the login collection through
// org.freedesktop.Secret.Service.Lock and checks the daemon says it is.
func lockLoginKeyring(t *testing.T, ctx context.Context, addr string) {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	login := dbus.ObjectPath("/org/freedesktop/secrets/collection/login")
	var lockedPaths []dbus.ObjectPath
	var prompt dbus.ObjectPath
	svc := conn.Object("org.freedesktop.secrets", "/org/freedesktop/secrets")
	if err := svc.CallWithContext(ctx, "org.freedesktop.Secret.Service.Lock", 0, []dbus.ObjectPath{login}).
		Store(&lockedPaths, &prompt); err != nil {
		t.Fatal(err)
	}
	if len(lockedPaths) != 1 || lockedPaths[0] != login {
		t.Fatalf("Lock locked %v (prompt %v)", lockedPaths, prompt)
	}
}

// A Secret Service that owns its name but never answers: every call returns
// by the context's deadline with "unavailable", not "not found".
func TestKeychainThatNeverAnswersTimesOut(t *testing.T) {
	addr := dbustest.StartBus(t)
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	conn.ExportMethodTable(map[string]any{
		"Get": func(string, string) (dbus.Variant, *dbus.Error) { <-release; return dbus.MakeVariant(false), nil },
	}, "/org/freedesktop/secrets/collection/login", "org.freedesktop.DBus.Properties")
	if reply, err := conn.RequestName("org.freedesktop.secrets", dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("request name: %v %v", reply, err)
	}
	s, _ := secrets.Open(filepath.Join(t.TempDir(), "secrets.json"))
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	_, err = s.Get(ctx, "session:p1")
	if !errors.Is(err, backend.ErrKeychainUnavailable) || backend.ErrorCode(err) != backend.EUNAVAILABLE ||
		!errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Get from a silent keychain: code %q, %v", backend.ErrorCode(err), err)
	}
	if s.Kind() != "keychain" {
		t.Errorf("kind %q: a keychain that is there but slow must not switch to the file", s.Kind())
	}
}
