// Package notify shows desktop notifications on Linux, macOS and Windows
// through github.com/gen2brain/beeep: the freedesktop.org notification
// service (org.freedesktop.Notifications on the D-Bus session bus) on Linux
// and the BSDs, the notification centre on macOS and toast notifications on
// Windows.
//
// On Linux nothing is sent when there is no session bus (a cron job, an ssh
// session, CI): the D-Bus library would launch a bus of its own, which
// outlives the app. Available says whether the desktop can show
// notifications, for the Settings window to tell when it cannot.
package notify

import (
	"context"
	"errors"
	"time"

	"github.com/gen2brain/beeep"

	"usagedash/backend"
)

// AppName is the application name notifications are sent under.
const AppName = "usagedash"

// DefaultTimeout bounds a notification when the caller's context has no
// earlier deadline.
const DefaultTimeout = 5 * time.Second

// Causes of notification failures, for errors.Is. The errors the package
// returns are *backend.Error values (code EUNAVAILABLE) wrapping one of
// these, and the context error when the deadline passed.
var (
	// ErrNoBus: there is no D-Bus session bus to reach (Linux).
	ErrNoBus = errors.New("no D-Bus session bus")
	// ErrNoServer: the desktop has no notification service.
	ErrNoServer = errors.New("no notification service")
	// ErrTimeout: the notification service did not answer in time.
	ErrTimeout = errors.New("the notification service did not answer in time")
)

func init() { beeep.AppName = AppName }

// Desktop sends desktop notifications. It implements budget.Notifier and
// budget.UrgentNotifier. It is safe for concurrent use; the zero value is
// ready.
type Desktop struct{}

// NewDesktop returns a desktop notifier. It connects to nothing yet.
func NewDesktop() *Desktop { return &Desktop{} }

// Notify shows a notification of normal urgency. It returns once the
// notification service accepted it, or an error when there is none or it did
// not answer by ctx's deadline (DefaultTimeout when ctx has none).
func (*Desktop) Notify(ctx context.Context, title, body string) error {
	return send(ctx, func() error { return beeep.Notify(title, body, "") })
}

// NotifyUrgent shows a notification of critical urgency, which most desktops
// keep until dismissed, with an alert sound.
func (*Desktop) NotifyUrgent(ctx context.Context, title, body string) error {
	return send(ctx, func() error { return beeep.Alert(title, body, "") })
}

// send runs show (a beeep call, which takes no context) in a goroutine once
// the desktop is known to have somewhere to show it, and returns by ctx's
// deadline.
func send(ctx context.Context, show func() error) error {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultTimeout)
		defer cancel()
	}
	if err := checkBus(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- show() }()
	select {
	case err := <-done:
		if err != nil {
			return sendError(err)
		}
		return nil
	case <-ctx.Done():
		return timedOut(ctx.Err())
	}
}

// timedOut is the error for a service that did not answer by the deadline.
func timedOut(cause error) error {
	return backend.WrapError(errors.Join(ErrTimeout, cause), backend.EUNAVAILABLE,
		"Desktop notifications cannot be shown: the notification service did not answer in time.")
}
