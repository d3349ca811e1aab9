package secrets

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/zalando/go-keyring"

	"usagedash/backend"
)

// Keychain stores secrets in the OS keychain. Each call first checks, over
// its own connection and within the context's deadline, that the keychain
// service is there and unlocked (on Linux; elsewhere the OS answers for
// itself), so a locked keychain is reported rather than prompting for its
// password.
type Keychain struct{}

// Compile-time checks: both stores are backend.SecretStores.
var (
	_ backend.SecretStore = Keychain{}
	_ backend.SecretStore = (*Store)(nil)
)

// Kind returns "keychain".
func (Keychain) Kind() string { return "keychain" }

// Get returns the secret for key, or backend.ErrNoSecret.
func (Keychain) Get(ctx context.Context, key string) (string, error) {
	var v string
	err := run(ctx, func() error {
		var err error
		v, err = keyring.Get(service, key)
		return err
	})
	if errors.Is(err, keyring.ErrNotFound) {
		return "", backend.ErrNoSecret
	}
	if err != nil {
		return "", err
	}
	return v, nil
}

// Set stores value under key.
func (Keychain) Set(ctx context.Context, key, value string) error {
	return run(ctx, func() error { return keyring.Set(service, key, value) })
}

// Delete forgets key; forgetting a missing key is not an error.
func (Keychain) Delete(ctx context.Context, key string) error {
	err := run(ctx, func() error { return keyring.Delete(service, key) })
	if errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return err
}

// run checks the keychain is usable, then runs op (a go-keyring call, which
// takes no context) in a goroutine and returns by ctx's deadline, or by
// DefaultTimeout when ctx has none. An op that outlives the deadline still
// completes in the background: a Set reported as timed out may have stored
// its secret after all. keyring.ErrNotFound is returned as is; every other
// failure is a *backend.Error coded ELOCKED or EUNAVAILABLE.
func run(ctx context.Context, op func() error) error {
	ctx, cancel := withDefaultTimeout(ctx)
	defer cancel()
	if err := checkUnlocked(ctx); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- op() }()
	select {
	case err := <-done:
		return keyringError(err)
	case <-ctx.Done():
		return unavailable(ctx.Err(), "The system keychain did not answer in time.")
	}
}

// keyringError classifies a go-keyring error.
func keyringError(err error) error {
	switch {
	case err == nil, errors.Is(err, keyring.ErrNotFound):
		return err
	case strings.Contains(err.Error(), "failed to unlock"):
		// go-keyring's Secret Service client, when the unlock prompt was
		// dismissed or could not be shown.
		return locked(err)
	default:
		return unavailable(err, "The system keychain failed.")
	}
}

// locked returns the error for a locked keychain.
func locked(cause error) error {
	return backend.WrapError(fmt.Errorf("%w: %w", backend.ErrKeychainLocked, cause), backend.ELOCKED,
		"The system keychain is locked: unlock it (for example with your desktop's password manager), then try again.")
}

// unavailable returns the error for a keychain that is missing, failing or
// too slow, with message as the sentence for people.
func unavailable(cause error, message string) error {
	return backend.WrapError(fmt.Errorf("%w: %w", backend.ErrKeychainUnavailable, cause), backend.EUNAVAILABLE, message)
}
