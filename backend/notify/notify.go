// Package notify shows desktop notifications.
//
// On Linux and the BSDs, DBus sends them through the freedesktop.org
// notification service (org.freedesktop.Notifications on the session bus),
// which every mainstream desktop (GNOME, KDE, XFCE, dunst, mako...) provides.
// macOS and Windows need their native APIs (UNUserNotificationCenter, toast
// notifications); they are not implemented yet, so there DBus compiles but
// every notification fails with ErrUnsupported.
package notify

import (
	"errors"
	"time"
)

// AppName is the application name notifications are sent under.
const AppName = "usagedash"

// DefaultTimeout bounds a notification (connecting included) when the
// caller's context has no earlier deadline.
const DefaultTimeout = 5 * time.Second

// Causes of notification failures, for errors.Is. The errors the package
// returns are *backend.Error values (code EUNAVAILABLE) wrapping one of
// these, or a context error when the deadline passed.
var (
	// ErrUnsupported: this system has no notification implementation.
	ErrUnsupported = errors.New("desktop notifications are not supported on this system")
	// ErrNoBus: there is no D-Bus session bus to reach (no desktop session,
	// DBUS_SESSION_BUS_ADDRESS unset or stale).
	ErrNoBus = errors.New("no D-Bus session bus")
	// ErrNoServer: the session bus has no notification service.
	ErrNoServer = errors.New("no notification service on the session bus")
)
