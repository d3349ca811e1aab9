package platform

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"usagedash/backend"
	"usagedash/backend/atomicfile"
)

// MaxStoredBuckets bounds the buckets a DiskBuckets file keeps per scope
// (the newest win): more than a year of days, or 93 days of hours and days.
const MaxStoredBuckets = 4000

// bucketFileVersion is the version of the bucket files DiskBuckets writes;
// a file of another version is ignored (and replaced on the next Put).
const bucketFileVersion = 1

// DiskBuckets is a backend.BucketStore in a folder: one JSON file per scope,
// named by a hash of the scope, written atomically. It keeps only usage
// figures (no tokens, passwords or addresses). It is safe for concurrent
// use within one process.
type DiskBuckets struct {
	dir string
	mu  sync.Mutex
}

var _ backend.BucketStore = (*DiskBuckets)(nil)

// NewDiskBuckets returns a store in dir (created on the first Put).
func NewDiskBuckets(dir string) *DiskBuckets { return &DiskBuckets{dir: dir} }

// bucketFile is the content of one scope's file.
type bucketFile struct {
	Version int                            `json:"version"`
	Scope   string                         `json:"scope"`
	Buckets map[string]backend.BucketUsage `json:"buckets"`
}

// Get returns the stored usage of the spans scope has. A missing file is an
// empty store; an unreadable one is an error (the caller fetches instead).
func (d *DiskBuckets) Get(scope string, spans []string) (map[string]backend.BucketUsage, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	f, err := d.read(scope)
	if err != nil {
		return nil, err
	}
	out := make(map[string]backend.BucketUsage, len(spans))
	for _, s := range spans {
		if u, ok := f.Buckets[s]; ok {
			out[s] = u
		}
	}
	return out, nil
}

// Put adds usage to scope's file, keeping the MaxStoredBuckets newest.
func (d *DiskBuckets) Put(scope string, usage map[string]backend.BucketUsage) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	f, err := d.read(scope)
	if err != nil {
		f = &bucketFile{Buckets: map[string]backend.BucketUsage{}} // replace what cannot be read
	}
	f.Version, f.Scope = bucketFileVersion, scope
	maps.Copy(f.Buckets, usage)
	if n := len(f.Buckets); n > MaxStoredBuckets {
		spans := slices.Sorted(maps.Keys(f.Buckets)) // a span starts with its UTC start: oldest first
		for _, s := range spans[:n-MaxStoredBuckets] {
			delete(f.Buckets, s)
		}
	}
	data, err := json.Marshal(f)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(d.dir, 0o700); err != nil {
		return fmt.Errorf("create the bucket folder: %w", err)
	}
	return atomicfile.WriteFile(d.path(scope), data)
}

// read loads scope's file; a missing file, or one of another version or
// scope, reads as empty.
func (d *DiskBuckets) read(scope string) (*bucketFile, error) {
	empty := &bucketFile{Buckets: map[string]backend.BucketUsage{}}
	data, err := os.ReadFile(d.path(scope))
	if errors.Is(err, fs.ErrNotExist) {
		return empty, nil
	}
	if err != nil {
		return nil, err
	}
	var f bucketFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("the bucket file %s is not valid JSON: %w", filepath.Base(d.path(scope)), err)
	}
	if f.Version != bucketFileVersion || f.Scope != scope || f.Buckets == nil {
		return empty, nil
	}
	for span, u := range f.Buckets {
		if !plausible(u) {
			delete(f.Buckets, span) // fetched again rather than shown
		}
	}
	return &f, nil
}

// path is scope's file: a hash, so no scope text reaches a file name.
func (d *DiskBuckets) path(scope string) string {
	sum := sha256.Sum256([]byte(scope))
	return filepath.Join(d.dir, hex.EncodeToString(sum[:16])+".json")
}

// plausible reports whether a stored bucket's figures could be real: none is
// negative.
func plausible(u backend.BucketUsage) bool {
	t := u.Tokens
	return t.InputTokens >= 0 && t.OutputTokens >= 0 && t.CacheCreationInputTokens >= 0 && t.CacheReadInputTokens >= 0 &&
		t.TotalTokens >= 0 && u.CostUSD >= 0 && u.ExecutionTimeMS >= 0
}
