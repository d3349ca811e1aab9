//go:build !darwin && !windows

package tray

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/godbus/dbus/v5"

	"usagedash/backend/sessionbus"
)

// iconSize is the size of the icon sent to StatusNotifierItem hosts, which
// scale it to their panel (usually 16 to 24 px, twice that on HiDPI).
// systray sends one size only; 22 px, drawn for that size, stays crisp on
// the common 22-24 px panels and bold when scaled up, where a 32 px icon
// scaled down to 16-22 px looks washed out.
const iconSize = 22

// trayName is the session bus name the tray helper holds while it runs, so
// that a second copy of the app shows no second tray item.
const trayName = "io.github.usagedash.Tray"

// claimWait bounds waiting for trayName when it is taken: a helper that
// was just killed may hold it until the bus notices.
const claimWait = 5 * time.Second

// canStart checks there is a session bus before any helper is started (the
// D-Bus library inside would otherwise launch one of its own).
func canStart() error { _, err := sessionbus.Find(); return err }

// HostAvailable returns nil when this desktop shows tray items: a
// StatusNotifierWatcher runs on the session bus with a tray host
// registered. Otherwise it says why ("no tray on this desktop"), within
// ctx's deadline. It never launches a bus.
func HostAvailable(ctx context.Context) error {
	conn, err := sessionbus.Dial(ctx)
	if err != nil {
		return fmt.Errorf("no tray on this desktop: %w", err)
	}
	defer conn.Close()
	var v dbus.Variant
	err = conn.Object("org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher").CallWithContext(ctx,
		"org.freedesktop.DBus.Properties.Get", 0, "org.kde.StatusNotifierWatcher", "IsStatusNotifierHostRegistered").Store(&v)
	if err != nil {
		return fmt.Errorf("no tray on this desktop: no StatusNotifierWatcher answers on the session bus: %w", err)
	}
	if registered, _ := v.Value().(bool); !registered {
		return errors.New("no tray on this desktop: no tray host is registered with the StatusNotifierWatcher")
	}
	return nil
}

// claimTray takes trayName on the session bus for as long as the helper
// runs, waiting claimWait at most when it is taken; release gives it back.
func claimTray() (release func(), err error) {
	ctx, cancel := context.WithTimeout(context.Background(), claimWait)
	defer cancel()
	conn, err := sessionbus.Dial(ctx)
	if err != nil {
		return nil, err
	}
	if err := conn.AddMatchSignal(dbus.WithMatchInterface("org.freedesktop.DBus"), dbus.WithMatchMember("NameAcquired")); err != nil {
		conn.Close()
		return nil, err
	}
	acquired := make(chan *dbus.Signal, 4)
	conn.Signal(acquired)
	reply, err := conn.RequestName(trayName, 0)
	if err != nil {
		conn.Close()
		return nil, err
	}
	for reply != dbus.RequestNameReplyPrimaryOwner && reply != dbus.RequestNameReplyAlreadyOwner {
		select {
		case s := <-acquired:
			if len(s.Body) == 1 && s.Body[0] == trayName {
				reply = dbus.RequestNameReplyPrimaryOwner
			}
		case <-ctx.Done():
			conn.Close()
			return nil, errors.New("another usagedash tray item is already running")
		}
	}
	return func() { conn.Close() }, nil
}

func iconBytes(s State) []byte { return iconPNG(s, iconSize) }

func platformTooltip(s string) string { return s }
