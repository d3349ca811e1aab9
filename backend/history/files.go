package history

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"usagedash/backend"
)

// tempGrace is how old a temporary file must be before it is taken for the
// leftover of a crashed writer and removed: a live writer (maybe another
// copy of the app) renames its temporary file within milliseconds.
const tempGrace = 15 * time.Minute

var (
	profileIDRE = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)
	fileNameRE  = regexp.MustCompile(`^([0-9]{19})-([0-9a-f]{16})\.json\.gz$`)
)

// validProfileID reports whether id can name a folder on every system.
func validProfileID(id string) bool { return profileIDRE.MatchString(id) }

// newFileName returns a unique, time-sortable report file name.
func newFileName(t time.Time) (string, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return fmt.Sprintf("%019d-%s"+fileExt, t.UnixNano(), hex.EncodeToString(b[:])), nil
}

// fileTime returns the fetch time encoded in a report file name.
func fileTime(name string) (time.Time, bool) {
	m := fileNameRE.FindStringSubmatch(name)
	if m == nil {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(m[1], 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	return time.Unix(0, n).UTC(), true
}

// fileExt ends report file names: gzip-compressed JSON.
const fileExt = ".json.gz"

func stem(name string) string { return strings.TrimSuffix(name, fileExt) }

// parseID splits an Entry.ID into its profile folder and file name.
func parseID(id string) (pid, name string, ok bool) {
	pid, st, found := strings.Cut(id, "/")
	name = st + fileExt
	if !found || !validProfileID(pid) || !fileNameRE.MatchString(name) {
		return "", "", false
	}
	return pid, name, true
}

// isTemp reports whether name is an atomicfile temporary file.
func isTemp(name string) bool {
	return strings.HasPrefix(name, ".") && strings.Contains(name, ".tmp-")
}

// profiles lists the profile folders of the store.
func (s *Store) profiles() ([]string, []Warning, error) {
	des, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, nil, backend.WrapError(err, backend.EINTERNAL, "usagedash could not list its stored reports.")
	}
	var ids []string
	var warns []Warning
	for _, de := range des {
		name := de.Name()
		switch {
		case strings.HasPrefix(name, "."):
		case de.IsDir() && validProfileID(name):
			ids = append(ids, name)
		default:
			warns = append(warns, Warning{File: filepath.Join(s.dir, name), Reason: "not a folder of stored reports"})
		}
	}
	return ids, warns, nil
}

// scan returns the entries of one profile's readable reports and a warning
// for each file it skipped. Entries already decoded are taken from memory.
func (s *Store) scan(ctx context.Context, pid string) ([]Entry, []Warning, error) {
	dir := filepath.Join(s.dir, pid)
	des, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, backend.WrapError(err, backend.EINTERNAL, "usagedash could not list its stored reports.")
	}
	var entries []Entry
	var warns []Warning
	for _, de := range des {
		if ctx.Err() != nil {
			return nil, nil, cancelled(ctx)
		}
		name := de.Name()
		if strings.HasPrefix(name, ".") { // temporary and hidden files
			continue
		}
		path := filepath.Join(dir, name)
		if _, ok := fileTime(name); !ok || !de.Type().IsRegular() {
			warns = append(warns, Warning{File: path, Reason: "not a stored report"})
			continue
		}
		fi, err := de.Info()
		if errors.Is(err, fs.ErrNotExist) { // pruned by another Store meanwhile
			continue
		}
		if err == nil {
			if e, ok := s.lookup(pid, name, fi); ok {
				entries = append(entries, e)
				continue
			}
		}
		e, _, err := s.read(ctx, pid, name)
		switch {
		case isCancel(err):
			return nil, nil, cancelled(ctx)
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			warns = append(warns, Warning{File: path, Reason: reason(err)})
		default:
			entries = append(entries, e)
			if fi != nil {
				s.remember(pid, name, fi, e)
			}
		}
	}
	return entries, warns, nil
}

// reason turns a read failure into a sentence fit for a Warning.
func reason(err error) string {
	var de *decodeError
	if errors.As(err, &de) {
		return de.reason
	}
	if errors.Is(err, fs.ErrPermission) {
		return "usagedash may not read this file"
	}
	return "the file cannot be read"
}

// Prune applies the count and age bounds to every profile and removes the
// temporary files crashed writers left behind. Files that vanish meanwhile
// (another copy of the app pruning too) are not an error.
func (s *Store) Prune() error {
	ids, _, err := s.profiles()
	if err != nil {
		return err
	}
	var errs []error
	for _, id := range ids {
		errs = append(errs, s.pruneProfile(id))
	}
	if err := errors.Join(errs...); err != nil {
		return backend.WrapError(err, backend.EINTERNAL, "usagedash could not remove old stored reports.")
	}
	return nil
}

func (s *Store) pruneProfile(pid string) error {
	dir := filepath.Join(s.dir, pid)
	des, err := os.ReadDir(dir) // sorted by name: oldest report first
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	now := s.now()
	var errs []error
	remove := func(name string) {
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	var reports []string
	for _, de := range des {
		name := de.Name()
		if isTemp(name) {
			if fi, err := de.Info(); err == nil && now.Sub(fi.ModTime()) > tempGrace {
				remove(name)
			}
			continue
		}
		if _, ok := fileTime(name); ok && de.Type().IsRegular() {
			reports = append(reports, name)
		}
	}
	cut := 0
	if s.maxAge > 0 {
		oldest := now.Add(-s.maxAge)
		for cut < len(reports) {
			t, _ := fileTime(reports[cut])
			if !t.Before(oldest) {
				break
			}
			cut++
		}
	}
	if s.maxPer > 0 && len(reports)-cut > s.maxPer {
		cut = len(reports) - s.maxPer
	}
	for _, name := range reports[:cut] {
		remove(name)
		s.forget(pid, name)
	}
	return errors.Join(errs...)
}
