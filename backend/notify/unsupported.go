//go:build darwin || windows

package notify

import (
	"context"
	"time"

	"usagedash/backend"
)

// DBus is the freedesktop.org notifier. On macOS and Windows there is no
// notification service on D-Bus, so every notification fails with
// ErrUnsupported; those systems need their native APIs.
type DBus struct {
	// Timeout is unused here; it exists so code configuring it compiles on
	// every system.
	Timeout time.Duration
}

// NewDBus returns a notifier that always fails with ErrUnsupported.
func NewDBus() *DBus { return &DBus{} }

// Notify fails with ErrUnsupported.
func (d *DBus) Notify(ctx context.Context, title, body string) error {
	return d.send(ctx, title, body, false)
}

// NotifyUrgent fails with ErrUnsupported.
func (d *DBus) NotifyUrgent(ctx context.Context, title, body string) error {
	return d.send(ctx, title, body, true)
}

// send fails with ErrUnsupported.
func (d *DBus) send(ctx context.Context, title, body string, urgent bool) error {
	return backend.WrapError(ErrUnsupported, backend.EUNAVAILABLE,
		"Desktop notifications are not supported on this system yet.")
}

// Close does nothing.
func (d *DBus) Close() error { return nil }
