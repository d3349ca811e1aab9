//go:build !darwin && !windows

package notify

import (
	"context"
	"errors"
	"fmt"

	"github.com/godbus/dbus/v5"

	"usagedash/backend"
	"usagedash/backend/sessionbus"
)

// serviceName is the freedesktop.org notification service.
const serviceName = "org.freedesktop.Notifications"

// checkBus returns an ErrNoBus error when there is no session bus, so that
// beeep (whose D-Bus library would run dbus-launch) is never called then.
func checkBus() error {
	if _, err := sessionbus.Find(); err != nil {
		return noBus(err)
	}
	return nil
}

func noBus(cause error) error {
	return backend.WrapError(fmt.Errorf("%w: %w", ErrNoBus, cause), backend.EUNAVAILABLE,
		"Desktop notifications cannot be shown: there is no D-Bus session bus.")
}

func noServer(cause error) error {
	return backend.WrapError(fmt.Errorf("%w: %w", ErrNoServer, cause), backend.EUNAVAILABLE,
		"Desktop notifications cannot be shown: no notification service is running.")
}

// sendError classifies a failed beeep call.
func sendError(err error) error {
	var derr dbus.Error
	if errors.As(err, &derr) {
		switch derr.Name {
		case "org.freedesktop.DBus.Error.ServiceUnknown", "org.freedesktop.DBus.Error.NameHasNoOwner":
			return noServer(err)
		case "org.freedesktop.DBus.Error.NoReply", "org.freedesktop.DBus.Error.Timeout":
			return timedOut(err)
		}
	}
	return backend.WrapError(err, backend.EUNAVAILABLE, "The desktop notification could not be shown.")
}

// Available returns nil when the desktop can show notifications: the session
// bus has a notification service, running or activatable. Otherwise it
// returns why not (ErrNoBus, ErrNoServer or the context's error inside a
// *backend.Error whose message can be shown). It never launches a bus.
func Available(ctx context.Context) error {
	conn, err := sessionbus.Dial(ctx)
	if errors.Is(err, sessionbus.ErrNoBus) {
		return noBus(err)
	}
	if err != nil {
		return backend.WrapError(fmt.Errorf("%w: %w", ErrNoBus, err), backend.EUNAVAILABLE,
			"Desktop notifications cannot be shown: the D-Bus session bus could not be reached.")
	}
	defer conn.Close()
	present, err := sessionbus.HasService(ctx, conn, serviceName)
	if err != nil {
		return timedOut(err)
	}
	if present {
		return nil
	}
	return noServer(errors.New(serviceName + " is neither running nor activatable"))
}
