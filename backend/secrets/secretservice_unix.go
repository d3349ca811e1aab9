//go:build !darwin && !windows

package secrets

import (
	"context"
	"errors"

	"github.com/godbus/dbus/v5"

	"usagedash/backend/sessionbus"
)

// The Secret Service on the session bus.
const (
	secretsName = "org.freedesktop.secrets"
	// The collection go-keyring files secrets in: "login" when it exists,
	// else whichever the "default" alias names.
	loginCollection   = dbus.ObjectPath("/org/freedesktop/secrets/collection/login")
	defaultCollection = dbus.ObjectPath("/org/freedesktop/secrets/aliases/default")
)

// noBusWarning is the warning when there is no session bus, hence no
// keychain, or "" when there is a bus. It only looks (an environment
// variable and a stat), so nothing ever launches a bus.
func noBusWarning(fallbackPath string) string {
	if _, err := sessionbus.Find(); err == nil {
		return ""
	}
	return "No session bus: the keychain is unavailable, so session tokens and database passwords are kept in " +
		fallbackPath + ", a file only you can read."
}

// keychainPresent says whether the session bus has a Secret Service, running
// or activatable. It errs when the bus cannot be reached.
func keychainPresent(ctx context.Context) (bool, error) {
	conn, err := sessionbus.Dial(ctx)
	if err != nil {
		return false, err
	}
	defer conn.Close()
	return sessionbus.HasService(ctx, conn, secretsName)
}

// checkUnlocked returns nil when the Secret Service is there and its
// collection unlocked (or its state cannot be told), a locked error when the
// collection is locked, and an unavailable error when there is no bus or no
// Secret Service. It never starts a bus and never prompts.
func checkUnlocked(ctx context.Context) error {
	conn, err := sessionbus.Dial(ctx)
	if errors.Is(err, sessionbus.ErrNoBus) {
		return unavailable(err, "The system keychain is unavailable: there is no session bus.")
	}
	if err != nil {
		return unavailable(err, "The system keychain is unavailable: the session bus could not be reached.")
	}
	defer conn.Close()
	present, err := sessionbus.HasService(ctx, conn, secretsName)
	if err != nil {
		return unavailable(err, "The system keychain is unavailable: the session bus did not answer.")
	}
	if !present {
		return unavailable(errors.New("no "+secretsName+" on the session bus"),
			"The system keychain is unavailable: no Secret Service (such as GNOME Keyring or KWallet) is running.")
	}
	for _, path := range []dbus.ObjectPath{loginCollection, defaultCollection} {
		var v dbus.Variant
		err := conn.Object(secretsName, path).CallWithContext(ctx, "org.freedesktop.DBus.Properties.Get", 0,
			"org.freedesktop.Secret.Collection", "Locked").Store(&v)
		if ctx.Err() != nil {
			return unavailable(ctx.Err(), "The system keychain did not answer in time.")
		}
		if err != nil {
			continue // no such collection: try the next, else let go-keyring decide
		}
		if isLocked, _ := v.Value().(bool); isLocked {
			return locked(errors.New("collection " + string(path) + " is locked"))
		}
		return nil
	}
	return nil
}
