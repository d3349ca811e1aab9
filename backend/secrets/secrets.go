// Package secrets keeps session tokens and database passwords in the OS
// keychain (Secret Service on Linux, Keychain on macOS, Credential Manager on
// Windows) or, where there is none, in a file only the user can read.
package secrets

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"sync"
	"time"

	"github.com/zalando/go-keyring"

	"usagedash/backend"
	"usagedash/backend/atomicfile"
)

// service is the name secrets are filed under in the keychain.
const service = "usagedash"

// probeTimeout bounds the keychain check: a Secret Service that is
// activatable but never answers must not hang the app.
const probeTimeout = 3 * time.Second

// Open returns the OS keychain when it works, else a FileStore at
// fallbackPath with a warning for people explaining why.
func Open(fallbackPath string) (backend.SecretStore, string) {
	if err := probeKeychain(); err == nil {
		return Keychain{}, ""
	}
	return NewFileStore(fallbackPath),
		"No system keychain is available, so session tokens and database passwords are kept in " +
			fallbackPath + ", a file only you can read."
}

func probeKeychain() error {
	done := make(chan error, 1)
	go func() {
		const key = "usagedash-probe"
		if err := keyring.Set(service, key, "probe"); err != nil {
			done <- err
			return
		}
		_, err := keyring.Get(service, key)
		_ = keyring.Delete(service, key)
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(probeTimeout):
		return errors.New("the keychain did not answer")
	}
}

// Keychain stores secrets in the OS keychain.
type Keychain struct{}

// Get returns the secret for key, or backend.ErrNoSecret.
func (Keychain) Get(key string) (string, error) {
	v, err := keyring.Get(service, key)
	if errors.Is(err, keyring.ErrNotFound) {
		return "", backend.ErrNoSecret
	}
	return v, err
}

// Set stores value under key.
func (Keychain) Set(key, value string) error { return keyring.Set(service, key, value) }

// Delete forgets key; forgetting a missing key is not an error.
func (Keychain) Delete(key string) error {
	if err := keyring.Delete(service, key); err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return err
	}
	return nil
}

// Kind returns "keychain".
func (Keychain) Kind() string { return "keychain" }

// FileStore keeps secrets in a JSON file with mode 0600 in a 0700 folder.
type FileStore struct {
	path string
	mu   sync.Mutex
}

// NewFileStore returns a FileStore at path.
func NewFileStore(path string) *FileStore { return &FileStore{path: path} }

// Kind returns "file".
func (f *FileStore) Kind() string { return "file" }

// Get returns the secret for key, or backend.ErrNoSecret.
func (f *FileStore) Get(key string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	m, err := f.load()
	if err != nil {
		return "", err
	}
	v, ok := m[key]
	if !ok {
		return "", backend.ErrNoSecret
	}
	return v, nil
}

// Set stores value under key.
func (f *FileStore) Set(key, value string) error {
	return f.update(func(m map[string]string) { m[key] = value })
}

// Delete forgets key.
func (f *FileStore) Delete(key string) error {
	return f.update(func(m map[string]string) { delete(m, key) })
}

func (f *FileStore) update(change func(map[string]string)) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	m, err := f.load()
	if err != nil {
		// An unreadable secrets file only costs a sign-in: start afresh.
		m = map[string]string{}
	}
	change(m)
	raw, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(f.path, raw)
}

func (f *FileStore) load() (map[string]string, error) {
	raw, err := os.ReadFile(f.path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, errors.New("the secrets file is damaged")
	}
	return m, nil
}
