//go:build darwin || windows

package notify

import (
	"context"

	"usagedash/backend"
)

// checkBus is nil: macOS and Windows need no session bus.
func checkBus() error { return nil }

// sendError wraps a failed beeep call.
func sendError(err error) error {
	return backend.WrapError(err, backend.EUNAVAILABLE, "The desktop notification could not be shown.")
}

// Available returns nil: the macOS notification centre and Windows toast
// notifications are always there (the user may still have turned them off
// for the app, which no API tells beforehand).
func Available(context.Context) error { return nil }
