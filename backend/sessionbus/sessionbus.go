// Package sessionbus finds and dials the D-Bus session bus without ever
// starting one. The D-Bus libraries the app uses (godbus, and through it the
// keychain, tray and notification libraries) run dbus-launch when they find
// no bus, which leaves a dbus-daemon behind for ever on every run in a cron
// job, an ssh session or CI. Every part of the app that talks to the session
// bus asks Find first and stays off the bus when there is none.
package sessionbus

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/godbus/dbus/v5"
)

// ErrNoBus says there is no session bus: DBUS_SESSION_BUS_ADDRESS is unset
// and no bus socket exists in the user's runtime folder.
var ErrNoBus = errors.New("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset and there is no $XDG_RUNTIME_DIR/bus)")

// Find returns the session bus address: DBUS_SESSION_BUS_ADDRESS when it is
// set (and not "autolaunch:"), else the socket $XDG_RUNTIME_DIR/bus (or
// /run/user/<uid>/bus when XDG_RUNTIME_DIR is unset) when it exists. It returns ErrNoBus otherwise. When
// the address was found as a socket, Find also sets
// DBUS_SESSION_BUS_ADDRESS to it, so libraries that look only at the
// variable (or only at /run/user/<uid>) reach the same bus instead of
// launching one.
func Find() (string, error) {
	if addr := os.Getenv("DBUS_SESSION_BUS_ADDRESS"); addr != "" && addr != "autolaunch:" {
		return addr, nil
	}
	sock := filepath.Join(runtimeDir(), "bus")
	if fi, err := os.Stat(sock); err == nil && fi.Mode().Type() == os.ModeSocket {
		addr := "unix:path=" + dbus.EscapeBusAddressValue(sock)
		os.Setenv("DBUS_SESSION_BUS_ADDRESS", addr)
		return addr, nil
	}
	return "", ErrNoBus
}

// runtimeDir is where the bus socket may be: $XDG_RUNTIME_DIR, or
// /run/user/<uid> (where godbus looks) when that is unset.
func runtimeDir() string {
	if d := os.Getenv("XDG_RUNTIME_DIR"); d != "" {
		return d
	}
	return fmt.Sprintf("/run/user/%d", os.Getuid())
}

// Dial opens a private, authenticated connection to the session bus, or
// returns ErrNoBus (wrapped) when there is none. It never launches a bus and
// returns by ctx's deadline even when the bus accepts the socket but never
// answers; the caller closes the connection.
func Dial(ctx context.Context) (*dbus.Conn, error) {
	addr, err := Find()
	if err != nil {
		return nil, err
	}
	type result struct {
		conn *dbus.Conn
		err  error
	}
	done := make(chan result, 1)
	go func() {
		conn, err := dbus.Connect(addr)
		done <- result{conn, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			return nil, fmt.Errorf("cannot connect to the D-Bus session bus: %w", r.err)
		}
		return r.conn, nil
	case <-ctx.Done():
		go func() { // close the connection if it completes after all
			if r := <-done; r.conn != nil {
				r.conn.Close()
			}
		}()
		return nil, fmt.Errorf("the D-Bus session bus did not answer in time: %w", ctx.Err())
	}
}

// HasService says whether name is on the bus: owned now, or activatable
// (the bus would start it on the first call).
func HasService(ctx context.Context, conn *dbus.Conn, name string) (bool, error) {
	var owned bool
	if err := conn.BusObject().CallWithContext(ctx, "org.freedesktop.DBus.NameHasOwner", 0, name).Store(&owned); err != nil {
		return false, err
	}
	if owned {
		return true, nil
	}
	var activatable []string
	if err := conn.BusObject().CallWithContext(ctx, "org.freedesktop.DBus.ListActivatableNames", 0).Store(&activatable); err != nil {
		return false, err
	}
	return slices.Contains(activatable, name), nil
}
