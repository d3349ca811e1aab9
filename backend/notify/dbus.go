//go:build !darwin && !windows

package notify

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/godbus/dbus/v5"

	"usagedash/backend"
)

// The freedesktop.org notification service.
const (
	busName    = "org.freedesktop.Notifications"
	objectPath = dbus.ObjectPath("/org/freedesktop/Notifications")
	notifyCall = "org.freedesktop.Notifications.Notify"
)

// Urgency levels of the "urgency" hint.
const (
	urgencyNormal   byte = 1
	urgencyCritical byte = 2
)

// DBus sends desktop notifications through org.freedesktop.Notifications on
// the session bus. It connects lazily, on the first notification, and again
// after the connection is lost; it never launches a bus (no dbus-launch
// autolaunch). The session bus is DBUS_SESSION_BUS_ADDRESS, or the socket
// /run/user/<uid>/bus when that is unset.
//
// A DBus is safe for concurrent use. The zero value is not usable: call
// NewDBus.
type DBus struct {
	// Timeout bounds each notification, connecting included, when the
	// context has no earlier deadline. Zero means DefaultTimeout.
	Timeout time.Duration

	mu   sync.Mutex
	conn *dbus.Conn
}

// NewDBus returns a DBus notifier. It does not connect yet.
func NewDBus() *DBus { return &DBus{Timeout: DefaultTimeout} }

// Notify shows a notification of normal urgency. It implements
// budget.Notifier.
func (d *DBus) Notify(ctx context.Context, title, body string) error {
	return d.send(ctx, title, body, false)
}

// NotifyUrgent shows a notification of critical urgency (most desktops keep
// it until dismissed). It implements budget.UrgentNotifier.
func (d *DBus) NotifyUrgent(ctx context.Context, title, body string) error {
	return d.send(ctx, title, body, true)
}

// send shows a notification: app name "usagedash", no icon, the server's
// default expiry (-1) and the urgency hint 1 (normal) or 2 (critical). It
// returns once the notification service accepted it, or an error when there
// is no session bus, no notification service, or no answer before the
// deadline.
func (d *DBus) send(ctx context.Context, title, body string, urgent bool) error {
	timeout := d.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	d.mu.Lock()
	defer d.mu.Unlock()
	conn, err := d.connect(ctx)
	if err != nil {
		return err
	}
	urgency := urgencyNormal
	if urgent {
		urgency = urgencyCritical
	}
	hints := map[string]dbus.Variant{"urgency": dbus.MakeVariant(urgency)}
	call := conn.Object(busName, objectPath).CallWithContext(ctx, notifyCall, 0,
		AppName, uint32(0), "", title, body, []string{}, hints, int32(-1))
	var id uint32
	if err := call.Store(&id); err != nil {
		if !conn.Connected() {
			conn.Close()
			d.conn = nil
		}
		return callError(ctx, err)
	}
	return nil
}

// Close closes the connection to the session bus, if any. The next
// notification connects again.
func (d *DBus) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.conn == nil {
		return nil
	}
	err := d.conn.Close()
	d.conn = nil
	return err
}

// connect returns the session bus connection, connecting when there is none
// or it was lost. d.mu must be held. Connecting runs in a goroutine so a bus
// that accepts the socket but never authenticates cannot outlast ctx.
func (d *DBus) connect(ctx context.Context) (*dbus.Conn, error) {
	if d.conn != nil && d.conn.Connected() {
		return d.conn, nil
	}
	if d.conn != nil {
		d.conn.Close()
		d.conn = nil
	}
	type result struct {
		conn *dbus.Conn
		err  error
	}
	done := make(chan result, 1)
	go func() {
		conn, err := dialSessionBus()
		done <- result{conn, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			return nil, backend.WrapError(fmt.Errorf("%w: %w", ErrNoBus, r.err), backend.EUNAVAILABLE,
				"Desktop notifications cannot be shown: the D-Bus session bus could not be reached.")
		}
		d.conn = r.conn
		return r.conn, nil
	case <-ctx.Done():
		go func() { // close the connection if it completes after all
			if r := <-done; r.conn != nil {
				r.conn.Close()
			}
		}()
		return nil, backend.WrapError(fmt.Errorf("%w: %w", ErrNoBus, ctx.Err()), backend.EUNAVAILABLE,
			"Desktop notifications cannot be shown: the D-Bus session bus did not answer in time.")
	}
}

// dialSessionBus connects and authenticates to the session bus without
// autolaunching one.
func dialSessionBus() (*dbus.Conn, error) {
	conn, err := dbus.SessionBusPrivateNoAutoStartup()
	if err != nil {
		return nil, err
	}
	if err := conn.Auth(nil); err != nil {
		conn.Close()
		return nil, err
	}
	if err := conn.Hello(); err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

// callError turns a failed Notify call into a *backend.Error.
func callError(ctx context.Context, err error) error {
	var derr dbus.Error
	if errors.As(err, &derr) {
		switch derr.Name {
		case "org.freedesktop.DBus.Error.ServiceUnknown", "org.freedesktop.DBus.Error.NameHasNoOwner":
			return backend.WrapError(fmt.Errorf("%w: %w", ErrNoServer, err), backend.EUNAVAILABLE,
				"Desktop notifications cannot be shown: no notification service is running.")
		case "org.freedesktop.DBus.Error.NoReply", "org.freedesktop.DBus.Error.Timeout":
			return backend.WrapError(err, backend.EUNAVAILABLE,
				"Desktop notifications cannot be shown: the notification service did not answer in time.")
		}
	}
	if ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return backend.WrapError(err, backend.EUNAVAILABLE,
			"Desktop notifications cannot be shown: the notification service did not answer in time.")
	}
	return backend.WrapError(err, backend.EUNAVAILABLE, "The desktop notification could not be shown.")
}
