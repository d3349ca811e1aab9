// Package history keeps every successfully fetched usage report on disk, per
// profile, so that the latest and the past reports can be reviewed without a
// network.
//
// Layout: one file per report,
//
//	<dir>/<profile-id>/<fetched-unix-nanos, 19 digits>-<16 hex random>.json.gz
//
// holding {"version":1,"entry":{...},"report":{...}} (see Entry), gzipped:
// a MongoDB report with breakdowns shrinks tenfold, and gzip's checksum
// catches damaged bytes (zcat shows the JSON; plain JSON is read too). The folder
// listing is the index: there is no separate index file to corrupt, and the
// zero-padded name sorts by fetch time. Files are written once through
// atomicfile (temporary file, fsync, rename, folder fsync) under a unique
// name and never modified, so a crash leaves either no report or a whole one,
// and several Stores (in one process or in several running copies of the
// app) can share a folder without a lock. Files are 0600 in 0700 folders.
//
// Reading is defensive: a damaged, truncated, oversized or newer-format file
// is skipped and reported as a Warning, never a panic or a failed listing.
package history

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"usagedash/backend"
	"usagedash/backend/atomicfile"
)

// Defaults for Options.
const (
	DefaultMaxPerProfile = 500
	DefaultMaxAge        = 400 * 24 * time.Hour
)

// Entry summarises one stored report: what List returns for it.
type Entry struct {
	// ID names the report for Get and Delete: "<profile-id>/<file stem>".
	ID          string `json:"id"`
	ProfileID   string `json:"profile_id"`
	ProfileName string `json:"profile_name"`
	// PeriodKey groups reports of the same period choice (see PeriodKey).
	PeriodKey string             `json:"period_key"`
	Period    backend.Period     `json:"period"`
	Source    backend.SourceInfo `json:"source"`
	// FetchedAt is when the report was saved (in UTC).
	FetchedAt    time.Time `json:"fetched_at" ts_type:"string"`
	TotalCostUSD float64   `json:"total_cost_usd"`
	TotalTokens  int64     `json:"total_tokens"`
}

// Warning names a stored file that was skipped and says why (damaged,
// truncated, too large, written by a newer usagedash...). It is meant to be
// shown to the user.
type Warning struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

// Options bound the history. Zero values mean the defaults; a negative
// MaxPerProfile or MaxAge means no bound.
type Options struct {
	// MaxPerProfile is how many reports each profile keeps (newest win).
	MaxPerProfile int
	// MaxAge is how long a report is kept after it was fetched.
	MaxAge time.Duration
	// Now is the clock (time.Now when nil); tests inject their own.
	Now func() time.Time
}

// Store is a folder of stored reports. Its methods are safe for concurrent
// use, and other Stores (in this or other processes) may share the folder.
type Store struct {
	dir    string
	maxPer int
	maxAge time.Duration
	now    func() time.Time

	mu    sync.Mutex
	known map[string]map[string]cachedEntry // profile id -> file name -> entry
}

// cachedEntry remembers a decoded file's entry; files are immutable, size and
// modification time only guard against hand edits.
type cachedEntry struct {
	size  int64
	mod   time.Time
	entry Entry
}

// Open opens (creating it with mode 0700 when missing) the store in dir, then
// prunes it: old and surplus reports go, and so do temporary files that a
// crashed writer left behind.
func Open(dir string, opts Options) (*Store, error) {
	if err := os.MkdirAll(dir, atomicfile.DirMode); err != nil {
		return nil, backend.WrapError(err, backend.EINTERNAL, "usagedash could not create the folder for stored reports.")
	}
	s := &Store{dir: dir, maxPer: opts.MaxPerProfile, maxAge: opts.MaxAge, now: opts.Now,
		known: map[string]map[string]cachedEntry{}}
	if s.maxPer == 0 {
		s.maxPer = DefaultMaxPerProfile
	}
	if s.maxAge == 0 {
		s.maxAge = DefaultMaxAge
	}
	if s.now == nil {
		s.now = time.Now
	}
	if err := s.Prune(); err != nil {
		return nil, err
	}
	return s, nil
}

// Dir returns the store's folder.
func (s *Store) Dir() string { return s.dir }

// Save stores a copy of r for the profile, stamped with the current time, and
// then prunes the profile's history. Credentials found in URIs in the
// source, period and profile labels are removed first; r is not modified.
// A report that fails the sanity checks (negative counts...) is refused.
func (s *Store) Save(profileID, profileName string, r *backend.Report) (Entry, error) {
	if !validProfileID(profileID) {
		return Entry{}, backend.Errorf(backend.EINVALID, "The connection id %q cannot be used to store reports.", profileID)
	}
	if r == nil {
		return Entry{}, backend.Errorf(backend.EINVALID, "There is no report to store.")
	}
	now := s.now().Round(0).UTC()
	if now.UnixNano() <= 0 {
		return Entry{}, backend.Errorf(backend.EINVALID, "The clock is set before 1970; the report was not stored.")
	}
	name, err := newFileName(now)
	if err != nil {
		return Entry{}, backend.WrapError(err, backend.EINTERNAL, "usagedash could not name the stored report.")
	}
	data, e, err := encodeReportFile(profileID, profileName, now, r)
	if err != nil {
		return Entry{}, err
	}
	e.ID = profileID + "/" + stem(name)
	path := filepath.Join(s.dir, profileID, name)
	if err := atomicfile.WriteFile(path, data); err != nil {
		return Entry{}, backend.WrapError(err, backend.EINTERNAL, "usagedash could not store the report on disk.")
	}
	if fi, err := os.Stat(path); err == nil {
		s.remember(profileID, name, fi, e)
	}
	// The report is safely stored; a failed prune is retried by the next
	// Save or Prune, so it does not turn the save into a failure.
	_ = s.pruneProfile(profileID)
	return e, nil
}

// List is ListContext without a deadline (the window's calls, on local files).
func (s *Store) List(profileID string) ([]Entry, []Warning, error) {
	return s.ListContext(context.Background(), profileID)
}

// ListContext returns the stored reports' entries, newest first, for one
// profile or, with profileID "", for all. Files that cannot be read (and
// anything but regular files) are skipped and returned as warnings. It stops
// with an error when ctx ends.
func (s *Store) ListContext(ctx context.Context, profileID string) ([]Entry, []Warning, error) {
	var ids []string
	var warns []Warning
	if profileID == "" {
		var err error
		if ids, warns, err = s.profiles(); err != nil {
			return nil, nil, err
		}
	} else if validProfileID(profileID) {
		ids = []string{profileID}
	} else {
		return nil, nil, backend.Errorf(backend.EINVALID, "The connection id %q cannot hold stored reports.", profileID)
	}
	var entries []Entry
	for _, id := range ids {
		es, ws, err := s.scan(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		entries = append(entries, es...)
		warns = append(warns, ws...)
	}
	sort.Slice(entries, func(i, j int) bool {
		a, b := entries[i], entries[j]
		if !a.FetchedAt.Equal(b.FetchedAt) {
			return a.FetchedAt.After(b.FetchedAt)
		}
		return a.ID > b.ID
	})
	return entries, warns, nil
}

// Get is GetContext without a deadline.
func (s *Store) Get(id string) (*backend.Report, Entry, error) {
	return s.GetContext(context.Background(), id)
}

// GetContext reads one stored report. It fails with ENOTFOUND when the
// report is gone, EBADDATA when its file cannot be trusted (or is not a
// regular file) and EUNAVAILABLE when ctx ends first.
func (s *Store) GetContext(ctx context.Context, id string) (*backend.Report, Entry, error) {
	pid, name, ok := parseID(id)
	if !ok {
		return nil, Entry{}, backend.Errorf(backend.ENOTFOUND, "There is no stored report %q.", id)
	}
	e, r, err := s.read(ctx, pid, name)
	if isCancel(err) {
		return nil, Entry{}, cancelled(ctx)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return nil, Entry{}, backend.WrapError(err, backend.ENOTFOUND, "This stored report no longer exists.")
	}
	var de *decodeError
	if errors.As(err, &de) {
		return nil, Entry{}, backend.WrapError(err, backend.EBADDATA, "This stored report cannot be read: "+de.reason+".")
	}
	if err != nil {
		return nil, Entry{}, backend.WrapError(err, backend.EINTERNAL, "usagedash could not read this stored report.")
	}
	return r, e, nil
}

// Latest is LatestContext without a deadline.
func (s *Store) Latest(profileID, periodKey string) (*backend.Report, Entry, error) {
	return s.LatestContext(context.Background(), profileID, periodKey)
}

// LatestContext returns the newest readable report of the profile whose
// PeriodKey is periodKey, or an ENOTFOUND error; it stops when ctx ends.
func (s *Store) LatestContext(ctx context.Context, profileID, periodKey string) (*backend.Report, Entry, error) {
	return s.latest(ctx, profileID, func(e Entry) bool { return e.PeriodKey == periodKey })
}

// LatestAny is LatestAnyContext without a deadline.
func (s *Store) LatestAny(profileID string) (*backend.Report, Entry, error) {
	return s.LatestAnyContext(context.Background(), profileID)
}

// LatestAnyContext returns the profile's newest readable report, whatever
// its period, or an ENOTFOUND error; it stops when ctx ends.
func (s *Store) LatestAnyContext(ctx context.Context, profileID string) (*backend.Report, Entry, error) {
	return s.latest(ctx, profileID, func(Entry) bool { return true })
}

func (s *Store) latest(ctx context.Context, profileID string, match func(Entry) bool) (*backend.Report, Entry, error) {
	if profileID == "" {
		return nil, Entry{}, backend.Errorf(backend.EINVALID, "Choose a connection first.")
	}
	if !validProfileID(profileID) {
		return nil, Entry{}, backend.Errorf(backend.EINVALID, "The connection id %q cannot hold stored reports.", profileID)
	}
	notFound := backend.Errorf(backend.ENOTFOUND, "No report for this period is stored on this computer.")
	des, err := os.ReadDir(filepath.Join(s.dir, profileID))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, Entry{}, notFound
	}
	if err != nil {
		return nil, Entry{}, backend.WrapError(err, backend.EINTERNAL, "usagedash could not list its stored reports.")
	}
	// Newest first (names sort by fetch time), decoding only what it takes;
	// damaged or vanished files fall back to the next newest.
	for i := len(des) - 1; i >= 0; i-- {
		if ctx.Err() != nil {
			return nil, Entry{}, cancelled(ctx)
		}
		name := des[i].Name()
		if _, ok := fileTime(name); !ok || !des[i].Type().IsRegular() {
			continue
		}
		fi, _ := des[i].Info()
		if fi != nil {
			if e, ok := s.lookup(profileID, name, fi); ok && !match(e) {
				continue
			}
		}
		e, r, err := s.read(ctx, profileID, name)
		if isCancel(err) {
			return nil, Entry{}, cancelled(ctx)
		}
		if err != nil {
			continue
		}
		if fi != nil {
			s.remember(profileID, name, fi, e)
		}
		if match(e) {
			return r, e, nil
		}
	}
	return nil, Entry{}, notFound
}

// Delete removes one stored report; ENOTFOUND when it does not exist.
func (s *Store) Delete(id string) error {
	pid, name, ok := parseID(id)
	if !ok {
		return backend.Errorf(backend.ENOTFOUND, "There is no stored report %q.", id)
	}
	err := os.Remove(filepath.Join(s.dir, pid, name))
	s.forget(pid, name)
	if errors.Is(err, fs.ErrNotExist) {
		return backend.WrapError(err, backend.ENOTFOUND, "This stored report no longer exists.")
	}
	if err != nil {
		return backend.WrapError(err, backend.EINTERNAL, "usagedash could not delete the stored report.")
	}
	return nil
}

func (s *Store) remember(pid, name string, fi fs.FileInfo, e Entry) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.known[pid] == nil {
		s.known[pid] = map[string]cachedEntry{}
	}
	s.known[pid][name] = cachedEntry{size: fi.Size(), mod: fi.ModTime(), entry: e}
}

func (s *Store) forget(pid, name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.known[pid], name)
}

func (s *Store) lookup(pid, name string, fi fs.FileInfo) (Entry, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.known[pid][name]
	if !ok || c.size != fi.Size() || !c.mod.Equal(fi.ModTime()) {
		return Entry{}, false
	}
	return c.entry, true
}
