package pricing

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"sync"
	"time"

	"usagedash/backend"
	"usagedash/backend/atomicfile"
)

// Store keeps the last good download in one JSON file (under the XDG data
// folder), written atomically: a crash leaves the old file or the new one.
type Store struct {
	// Path is the file, e.g. $XDG_DATA_HOME/usagedash/prices/litellm.json.
	Path string
}

// Load returns the stored download, nil when there is none. A file that
// cannot be read is set aside and reported as an error.
func (s Store) Load() (*Download, error) {
	raw, err := os.ReadFile(s.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, backend.WrapError(err, backend.EINTERNAL, "The downloaded prices cannot be read.")
	}
	var d Download
	if err := json.Unmarshal(raw, &d); err != nil || d.Families == nil {
		if _, aerr := atomicfile.SetAside(s.Path); aerr != nil {
			return nil, backend.WrapError(aerr, backend.EINTERNAL, "The downloaded prices are unreadable and could not be moved aside.")
		}
		return nil, backend.Errorf(backend.EINVALID, "The downloaded prices were unreadable and were set aside; the shipped prices are used.")
	}
	return &d, nil
}

// Save stores d atomically.
func (s Store) Save(d *Download) error {
	raw, err := json.MarshalIndent(d, "", " ")
	if err != nil {
		return backend.WrapError(err, backend.EINTERNAL, "The downloaded prices cannot be encoded.")
	}
	if err := atomicfile.WriteFile(s.Path, raw); err != nil {
		return backend.WrapError(err, backend.EINTERNAL, "The downloaded prices cannot be saved to "+s.Path+".")
	}
	return nil
}

// Updater holds the price table in force: the embedded table merged with
// the last good download, and checks for new prices. Safe for concurrent
// use; a check never blocks Table.
type Updater struct {
	store    Store
	base     *Table
	opts     FetchOptions
	mu       sync.Mutex
	current  *Table
	checking bool
	// lastTry and lastErr are the latest check and its failure ("" when it
	// worked); not persisted.
	lastTry time.Time
	lastErr string
	// loadErr says why the stored download could not be used.
	loadErr string
}

// NewUpdater returns the updater of base (the embedded table) with the
// download stored at store merged in when there is a good one. Offline at
// first start it is base alone.
func NewUpdater(base *Table, store Store, opts FetchOptions) *Updater {
	u := &Updater{store: store, base: base, opts: opts, current: base}
	d, err := store.Load()
	if err != nil {
		u.loadErr = backend.ErrorMessage(err)
		return u
	}
	if d != nil {
		if merged, err := base.Merge(d); err == nil {
			u.current = merged
		} else {
			u.loadErr = backend.ErrorMessage(err)
		}
	}
	return u
}

// Table is the table in force.
func (u *Updater) Table() *Table {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.current
}

// UpdateStatus is what the Prices settings show about updates.
type UpdateStatus struct {
	// Update is the download in force, nil when only the shipped prices are.
	Update *UpdateInfo `json:"update"`
	// LastCheck is the latest check this run (zero: none); LastError its
	// failure in one sentence ("" when it worked).
	LastCheck time.Time `json:"last_check" ts_type:"string"`
	LastError string    `json:"last_error"`
	// Checking is set while a check runs.
	Checking bool `json:"checking"`
	// StoreError says why the stored download is not used ("" when fine).
	StoreError string `json:"store_error"`
}

// Status reports the update state.
func (u *Updater) Status() UpdateStatus {
	u.mu.Lock()
	defer u.mu.Unlock()
	return UpdateStatus{Update: u.current.Update(), LastCheck: u.lastTry, LastError: u.lastErr, Checking: u.checking, StoreError: u.loadErr}
}

// Check downloads rawURL now, merges it into the embedded table, stores it
// and puts it in force. On any failure the table in force and the stored
// file stay as they were and the error says why in one sentence.
func (u *Updater) Check(ctx context.Context, rawURL string) (*UpdateInfo, error) {
	d, err := Fetch(ctx, rawURL, u.opts)
	return u.apply(d, err)
}

// ApplyFile is Check from a file on disk.
func (u *Updater) ApplyFile(path string) (*UpdateInfo, error) {
	d, err := ReadFile(path)
	return u.apply(d, err)
}

func (u *Updater) apply(d *Download, err error) (*UpdateInfo, error) {
	var merged *Table
	if err == nil {
		merged, err = u.base.Merge(d)
	}
	if err == nil {
		err = u.store.Save(d)
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	u.lastTry, u.lastErr = time.Now(), ""
	if err != nil {
		u.lastErr = backend.ErrorMessage(err)
		return nil, err
	}
	u.current, u.loadErr = merged, ""
	return merged.Update(), nil
}

// Due reports whether a background check is due at now: the table in force
// is more than a day old (or never downloaded) and no check ran in the last
// hour, or a report met a model no table prices (unknownModel) and no check
// ran in the last hour.
func (u *Updater) Due(now time.Time, daily, unknownModel bool) bool {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.checking || (!u.lastTry.IsZero() && now.Sub(u.lastTry) < time.Hour) {
		return false
	}
	if unknownModel {
		return true
	}
	up := u.current.Update()
	return daily && (up == nil || now.Sub(up.FetchedAt) >= 24*time.Hour)
}

// CheckInBackground starts a check in a goroutine when Due, and returns at
// once (never delaying a report); done, when not nil, is called with the
// outcome. ctx bounds the check (cancel it at shutdown).
func (u *Updater) CheckInBackground(ctx context.Context, rawURL string, daily, unknownModel bool, done func(*UpdateInfo, error)) bool {
	if !u.Due(time.Now(), daily, unknownModel) {
		return false
	}
	u.mu.Lock()
	if u.checking {
		u.mu.Unlock()
		return false
	}
	u.checking = true
	u.mu.Unlock()
	go func() {
		info, err := u.Check(ctx, rawURL)
		u.mu.Lock()
		u.checking = false
		u.mu.Unlock()
		if done != nil {
			done(info, err)
		}
	}()
	return true
}
