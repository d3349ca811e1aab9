//go:build darwin || windows

package secrets

import "context"

// noBusWarning is "": macOS and Windows keychains need no session bus.
func noBusWarning(string) string { return "" }

// keychainPresent is true: macOS and Windows always have a keychain.
func keychainPresent(context.Context) (bool, error) { return true, nil }

// checkUnlocked is nil: the OS keychain answers for itself.
func checkUnlocked(context.Context) error { return nil }
