package secrets

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"sync"

	"usagedash/backend"
	"usagedash/backend/atomicfile"
)

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
func (f *FileStore) Get(ctx context.Context, key string) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
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
func (f *FileStore) Set(ctx context.Context, key, value string) error {
	return f.update(ctx, func(m map[string]string) { m[key] = value })
}

// Delete forgets key.
func (f *FileStore) Delete(ctx context.Context, key string) error {
	return f.update(ctx, func(m map[string]string) { delete(m, key) })
}

func (f *FileStore) update(ctx context.Context, change func(map[string]string)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
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
