//go:build linux

package sessionbus_test

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"usagedash/backend/sessionbus"
	"usagedash/backend/sessionbus/dbustest"
)

func unsetBus(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	os.Unsetenv("DBUS_SESSION_BUS_ADDRESS")
}

func TestFindWithoutABus(t *testing.T) {
	unsetBus(t)
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	if addr, err := sessionbus.Find(); !errors.Is(err, sessionbus.ErrNoBus) {
		t.Fatalf("Find = %q, %v; want ErrNoBus", addr, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := sessionbus.Dial(ctx); !errors.Is(err, sessionbus.ErrNoBus) {
		t.Fatalf("Dial = %v; want ErrNoBus", err)
	}
	// "autolaunch:" asks libraries to launch a bus: it counts as none.
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "autolaunch:")
	if _, err := sessionbus.Find(); !errors.Is(err, sessionbus.ErrNoBus) {
		t.Fatalf("Find with autolaunch: = %v; want ErrNoBus", err)
	}
}

// A socket named bus in XDG_RUNTIME_DIR is the bus; Find also puts it in
// DBUS_SESSION_BUS_ADDRESS for libraries that read only the variable.
func TestFindTheRuntimeDirSocket(t *testing.T) {
	unsetBus(t)
	dir, err := os.MkdirTemp("", "ubus") // short: socket paths are limited to 108 bytes
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	t.Setenv("XDG_RUNTIME_DIR", dir)
	sock := filepath.Join(dir, "bus")
	if err := os.WriteFile(sock, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := sessionbus.Find(); !errors.Is(err, sessionbus.ErrNoBus) {
		t.Fatalf("a plain file named bus: %v; want ErrNoBus", err)
	}
	os.Remove(sock)
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	addr, err := sessionbus.Find()
	if want := "unix:path=" + sock; err != nil || addr != want || os.Getenv("DBUS_SESSION_BUS_ADDRESS") != want {
		t.Fatalf("Find = %q, %v (variable %q); want %q", addr, err, os.Getenv("DBUS_SESSION_BUS_ADDRESS"), want)
	}
}

func TestDialAndHasService(t *testing.T) {
	dbustest.StartBus(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := sessionbus.Dial(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if ok, err := sessionbus.HasService(ctx, conn, "org.example.Nobody"); err != nil || ok {
		t.Errorf("HasService(nobody) = %v, %v", ok, err)
	}
	other, err := sessionbus.Dial(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.RequestName("org.example.Somebody", 0); err != nil {
		t.Fatal(err)
	}
	if ok, err := sessionbus.HasService(ctx, conn, "org.example.Somebody"); err != nil || !ok {
		t.Errorf("HasService(somebody) = %v, %v", ok, err)
	}
}

// A socket that accepts but never answers: Dial returns by the deadline.
func TestDialHonoursTheDeadline(t *testing.T) {
	dir, err := os.MkdirTemp("", "ubus")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	l, err := net.Listen("unix", filepath.Join(dir, "bus"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	accepted := make(chan net.Conn, 4)
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			accepted <- c // held open, never answered
		}
	}()
	t.Cleanup(func() {
		for len(accepted) > 0 {
			(<-accepted).Close()
		}
	})
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+filepath.Join(dir, "bus"))
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if _, err := sessionbus.Dial(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Dial = %v; want the deadline", err)
	}
}
