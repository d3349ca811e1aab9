// Package secrets keeps session tokens and database passwords in the OS
// keychain (Secret Service on Linux, Keychain on macOS, Credential Manager on
// Windows) or, where there is none, in a file only the user can read.
//
// Nothing touches the keychain at start: Open only checks (a stat and an
// environment variable) whether a session bus exists on Linux, and the first
// call decides between the keychain and the file. Every call returns by its
// context's deadline; a locked keychain is reported as locked (code
// backend.ELOCKED) and a missing or failing one as unavailable
// (backend.EUNAVAILABLE), never as "nothing stored".
package secrets

import (
	"context"
	"sync"
	"time"

	"usagedash/backend"
)

// service is the name secrets are filed under in the keychain.
const service = "usagedash"

// DefaultTimeout bounds a keychain call whose context has no deadline, and
// the first-use check behind Kind.
const DefaultTimeout = 5 * time.Second

// Open returns the secret store for the app: the OS keychain where there is
// one, else a FileStore at fallbackPath. The warning is for people and is
// not empty when Open already knows the keychain cannot be used (no session
// bus); Store.Warning also covers what the first call finds.
func Open(fallbackPath string) (*Store, string) {
	s := &Store{file: NewFileStore(fallbackPath)}
	if w := noBusWarning(fallbackPath); w != "" {
		s.chosen, s.warning = s.file, w
	}
	return s, s.warning
}

// Store is the app's secret store: it decides on first use between the
// keychain and the file fall-back, and then keeps to its choice. It is safe
// for concurrent use.
type Store struct {
	file *FileStore

	mu      sync.Mutex
	chosen  backend.SecretStore // nil until decided
	warning string
}

// Get returns the secret for key, or backend.ErrNoSecret.
func (s *Store) Get(ctx context.Context, key string) (string, error) {
	return s.store(ctx).Get(ctx, key)
}

// Set stores value under key.
func (s *Store) Set(ctx context.Context, key, value string) error {
	return s.store(ctx).Set(ctx, key, value)
}

// Delete forgets key; forgetting a missing key is not an error.
func (s *Store) Delete(ctx context.Context, key string) error {
	return s.store(ctx).Delete(ctx, key)
}

// Kind returns "keychain" or "file". Before the first call it decides,
// within DefaultTimeout.
func (s *Store) Kind() string {
	ctx, cancel := context.WithTimeout(context.Background(), DefaultTimeout)
	defer cancel()
	return s.store(ctx).Kind()
}

// Warning says, for people, why secrets are kept in a file ("" while the
// keychain is used or before the first call).
func (s *Store) Warning() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.warning
}

// store returns the chosen store, choosing on first use. Without a Secret
// Service the file is chosen for good; when the check itself fails (the bus
// did not answer) the keychain is used for this call, which then reports
// the failure, and the next call checks again.
func (s *Store) store(ctx context.Context) backend.SecretStore {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.chosen != nil {
		return s.chosen
	}
	ctx, cancel := withDefaultTimeout(ctx)
	defer cancel()
	present, err := keychainPresent(ctx)
	switch {
	case err != nil:
		return Keychain{}
	case present:
		s.chosen = Keychain{}
	default:
		s.chosen = s.file
		s.warning = "No system keychain is running, so session tokens and database passwords are kept in " +
			s.file.path + ", a file only you can read."
	}
	return s.chosen
}

// withDefaultTimeout gives ctx a DefaultTimeout deadline when it has none.
func withDefaultTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, DefaultTimeout)
}
