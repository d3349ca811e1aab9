// Package profiles keeps connection profiles in a JSON file in the user's
// configuration folder (written atomically, readable only by the user).
package profiles

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync"

	"usagedash/backend"
	"usagedash/backend/atomicfile"
)

// formatVersion is the version of the file layout this code writes.
const formatVersion = 1

type file struct {
	Version  int               `json:"version"`
	ActiveID string            `json:"active_id"`
	Profiles []backend.Profile `json:"profiles"`
}

// Store is a backend.ProfileStore over one JSON file.
type Store struct {
	path    string
	mu      sync.Mutex
	data    file
	warning string
	// readOnly, when set, is why the store refuses to write.
	readOnly string
}

var _ backend.ProfileStore = (*Store)(nil)

// Open loads the profiles at path for the window (a missing file is an
// empty list). A damaged or empty file is moved aside, never overwritten,
// and Warning says where it went. A file written by a newer usagedash is
// never moved: it is read, and the store refuses to change it.
func Open(path string) (*Store, error) {
	s, raw, err := load(path)
	if err == nil || raw == nil {
		return s, err
	}
	aside, moveErr := atomicfile.SetAside(path)
	if moveErr != nil {
		return nil, backend.WrapError(moveErr, backend.EINTERNAL, "The saved connections file is unreadable and could not be moved aside.")
	}
	s.warning = "The saved connections file could not be read (" + backend.ErrorMessage(err) + "); it was kept as " + aside + "."
	return s, nil
}

// OpenReadOnly loads the profiles at path for one command-line run: it never
// writes, renames or moves the file, and a damaged or empty file is an error
// that says so (the window sets such a file aside).
func OpenReadOnly(path string) (*Store, error) {
	s, _, err := load(path)
	if err != nil {
		return nil, backend.WrapError(err, backend.EINVALID, "Cannot read the saved connections in "+path+": "+backend.ErrorMessage(err)+
			" Open the usagedash window to set the file aside, or repair it.")
	}
	if s.readOnly == "" {
		s.readOnly = "The command line does not change the saved connections."
	}
	return s, nil
}

// load reads the file at path. A damaged or empty file returns its content
// (non-nil raw) with the reason; a newer format is read and marked
// read-only.
func load(path string) (s *Store, raw []byte, err error) {
	s = &Store{path: path, data: file{Version: formatVersion}}
	raw, err = os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil, nil
	}
	if err != nil {
		return nil, nil, backend.WrapError(err, backend.EINTERNAL, "Cannot read the saved connections.")
	}
	if raw == nil {
		raw = []byte{}
	}
	var f file
	switch err := json.Unmarshal(raw, &f); {
	case len(strings.TrimSpace(string(raw))) == 0:
		return s, raw, backend.Errorf(backend.EBADDATA, "the file is empty")
	case err != nil:
		return s, raw, backend.Errorf(backend.EBADDATA, "it is not valid JSON")
	case f.Version < 1:
		return s, raw, backend.Errorf(backend.EBADDATA, "it has no format version")
	case f.Version > formatVersion:
		s.readOnly = fmt.Sprintf("The saved connections were written by a newer usagedash (format %d; this one knows %d): they are shown but not changed. Update usagedash to edit them.", f.Version, formatVersion)
		s.warning = s.readOnly
	}
	s.data = f
	return s, nil, nil
}

// Warning is set when Open set an unreadable file aside, or read a newer
// file it will not change.
func (s *Store) Warning() string { return s.warning }

// List returns the profiles in the order they were added.
func (s *Store) List() ([]backend.Profile, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]backend.Profile(nil), s.data.Profiles...), nil
}

// Get returns the profile with id.
func (s *Store) Get(id string) (backend.Profile, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if i := s.index(id); i >= 0 {
		return s.data.Profiles[i], nil
	}
	return backend.Profile{}, backend.Errorf(backend.ENOTFOUND, "That connection no longer exists.")
}

// Save validates p, then adds it (empty ID) or replaces the profile with its ID.
func (s *Store) Save(p backend.Profile) (backend.Profile, error) {
	p.Name = strings.TrimSpace(p.Name)
	if err := p.Validate(); err != nil {
		return backend.Profile{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, other := range s.data.Profiles {
		if other.ID != p.ID && strings.EqualFold(other.Name, p.Name) {
			return backend.Profile{}, backend.Errorf(backend.EINVALID, "A connection named %q already exists.", p.Name)
		}
	}
	next := s.data
	next.Profiles = append([]backend.Profile(nil), s.data.Profiles...)
	if p.ID == "" {
		p.ID = newID()
		next.Profiles = append(next.Profiles, p)
	} else if i := s.index(p.ID); i >= 0 {
		next.Profiles[i] = p
	} else {
		return backend.Profile{}, backend.Errorf(backend.ENOTFOUND, "That connection no longer exists.")
	}
	return p, s.write(next)
}

// Delete removes the profile with id.
func (s *Store) Delete(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.index(id)
	if i < 0 {
		return nil
	}
	next := s.data
	next.Profiles = append(append([]backend.Profile(nil), s.data.Profiles[:i]...), s.data.Profiles[i+1:]...)
	if next.ActiveID == id {
		next.ActiveID = ""
	}
	return s.write(next)
}

// Active returns the active profile's id, or "".
func (s *Store) Active() (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.data.ActiveID, nil
}

// SetActive makes id the active profile.
func (s *Store) SetActive(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.index(id) < 0 {
		return backend.Errorf(backend.ENOTFOUND, "That connection no longer exists.")
	}
	next := s.data
	next.ActiveID = id
	return s.write(next)
}

func (s *Store) index(id string) int {
	for i, p := range s.data.Profiles {
		if p.ID == id {
			return i
		}
	}
	return -1
}

// write persists next and, once it is on disk, makes it current.
func (s *Store) write(next file) error {
	if s.readOnly != "" {
		return &backend.Error{Code: backend.EINVALID, Message: s.readOnly}
	}
	next.Version = formatVersion
	raw, err := json.MarshalIndent(next, "", "  ")
	if err != nil {
		return backend.WrapError(err, backend.EINTERNAL, "Cannot save the connections.")
	}
	if err := atomicfile.WriteFile(s.path, raw); err != nil {
		return backend.WrapError(err, backend.EINTERNAL, "Cannot save the connections to "+s.path+".")
	}
	s.data = next
	return nil
}

func newID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
