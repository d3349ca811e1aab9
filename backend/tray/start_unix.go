//go:build !darwin && !windows

package tray

import (
	"context"
	"fmt"
	"time"

	"fyne.io/systray"
	"github.com/godbus/dbus/v5"
)

// iconSize is the size of the icon sent to StatusNotifierItem hosts, which
// scale it to their panel (usually 16 to 24 px, twice that on HiDPI).
// systray sends one size only; 22 px, drawn for that size, stays crisp on
// the common 22-24 px panels and bold when scaled up, where a 32 px icon
// scaled down to 16-22 px looks washed out.
const iconSize = 22

// run starts systray beside the app's own event loop. On Linux and the
// BSDs systray is pure Go over the session bus, so it needs no UI thread;
// run first checks that the session bus answers (within startTimeout)
// because systray would otherwise fail with half its state set up.
func run(onReady func()) (end func(), err error) {
	errc := make(chan error, 1)
	go func() {
		// The shared connection that systray itself uses next.
		_, err := dbus.SessionBus()
		errc <- err
	}()
	select {
	case err := <-errc:
		if err != nil {
			return nil, fmt.Errorf("%w: no session bus: %w", errNotStarted, err)
		}
	case <-time.After(startTimeout):
		return nil, fmt.Errorf("%w: the session bus did not answer within %v", errNotStarted, startTimeout)
	}
	start, end := systray.RunWithExternalLoop(onReady, nil)
	start()
	return end, nil
}

// hostAvailable asks the StatusNotifierWatcher whether a tray host is
// registered; no watcher, no answer within a second or an error is false.
func hostAvailable() bool {
	conn, err := dbus.SessionBus()
	if err != nil {
		return false
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	var v dbus.Variant
	err = conn.Object("org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher").CallWithContext(ctx,
		"org.freedesktop.DBus.Properties.Get", 0, "org.kde.StatusNotifierWatcher", "IsStatusNotifierHostRegistered").Store(&v)
	registered, ok := v.Value().(bool)
	return err == nil && ok && registered
}

func iconBytes(s State) []byte { return iconPNG(s, iconSize) }

func platformTooltip(s string) string { return s }
