package claudecode

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/adrg/xdg"

	"usagedash/backend"
	"usagedash/backend/atomicfile"
)

// Options configure a Source.
type Options struct {
	// Folders are the Claude Code folders to read (each holding projects/);
	// nil reads DefaultFolders.
	Folders []string
	// CacheDir holds the index of what was read (XDG cache folder's
	// usagedash/claude-code when empty); DataDir the record of what was
	// counted (XDG data folder's usagedash/claude-code when empty).
	CacheDir, DataDir string
}

// Source reads Claude Code's transcripts on this computer (backend.Source).
// Each Report first refreshes: it reads only what was appended to the
// transcripts since the last refresh (in this process or, through the
// index, an earlier one). Safe for concurrent use.
type Source struct {
	folders   []string
	indexPath string
	mu        sync.Mutex
	ledger    *ledger
	record    *record
	files     map[string]fileState
	// present are the name ids of the transcripts the last listing found;
	// requests from other files come only from the record.
	present map[uint32]bool
	// inScope caches, per name id, whether a transcript lies under one of
	// folders (the record may hold other folders' requests): 0 not known
	// yet, 1 in, 2 out.
	inScope    []uint8
	unreadable unreadableSummary
	prices     priceCache
	// indexDirty is set while the index on disk lags behind; indexSaved is
	// when it was last written (see indexEvery).
	indexDirty bool
	indexSaved time.Time
	// changes is what Watch saw change since the last refresh.
	changes changeSet
}

// indexEvery is how often a running source writes its index at most: a
// refresh in the running app does not rewrite it each time (a process that
// ends early re-reads at most what changed since, counting nothing twice);
// Close writes what is left.
const indexEvery = 5 * time.Second

// indexFile is the index on disk.
type indexFile struct {
	// Record is the id of the record the index belongs to and RecordSize its
	// size when the index was written: an index that claims more than the
	// record holds is not trusted (the transcripts are read again).
	Record     string               `json:"record"`
	RecordSize int64                `json:"record_size"`
	Files      map[string]fileState `json:"files"`
}

// New opens the source: it reads usagedash's record of counted requests and
// the index of what was read. Transcripts are read by the first Report.
func New(opts Options) (*Source, error) {
	folders := opts.Folders
	if folders == nil {
		folders = DefaultFolders()
	}
	xdg.Reload()
	cache, data := opts.CacheDir, opts.DataDir
	if cache == "" {
		cache = filepath.Join(xdg.CacheHome, "usagedash", "claude-code")
	}
	if data == "" {
		data = filepath.Join(xdg.DataHome, "usagedash", "claude-code")
	}
	s := &Source{folders: cleanFolders(folders), indexPath: filepath.Join(cache, "index.json"),
		ledger: newLedger(), files: map[string]fileState{}, present: map[uint32]bool{}}
	rec, err := openRecord(filepath.Join(data, "record.bin"), s.ledger)
	if err != nil {
		return nil, backend.WrapError(err, backend.EUNAVAILABLE, "usagedash cannot open its record of Claude Code usage in "+data+".")
	}
	s.record = rec
	if b, err := os.ReadFile(s.indexPath); err == nil {
		var idx indexFile
		if json.Unmarshal(b, &idx) == nil && idx.Record == rec.id && idx.RecordSize <= rec.size && idx.Files != nil {
			s.files = idx.Files
		}
	}
	return s, nil
}

// Folders are the Claude Code folders the source reads.
func (s *Source) Folders() []string { return append([]string(nil), s.folders...) }

// Info describes the source.
func (s *Source) Info() backend.SourceInfo {
	return backend.SourceInfo{Kind: backend.SourceClaudeCode, Label: "Claude Code on this computer (" + strings.Join(s.folders, ", ") + ")",
		Vocabulary: backend.VocabularyProjectsSessions, CostComputed: true}
}

// Close writes the index when it lags behind; the source holds no open
// files between refreshes.
func (s *Source) Close(context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.indexDirty {
		return nil
	}
	if err := s.saveIndex(); err != nil {
		return backend.WrapError(err, backend.EUNAVAILABLE, "usagedash cannot write its index of Claude Code's transcripts.")
	}
	return nil
}

// RefreshStats says what one refresh read.
type RefreshStats struct {
	// Files is how many transcripts were listed; Read how many had new bytes.
	Files, Read int
	// Changed is how many requests were counted or grew.
	Changed int
}

// Refresh reads what was appended to the transcripts since the last refresh,
// records the requests it counted, then saves the index. It stops early
// (counting nothing of the files not yet read) when ctx is done.
func (s *Source) Refresh(ctx context.Context) (RefreshStats, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.refresh(ctx)
}

func (s *Source) refresh(ctx context.Context) (RefreshStats, error) {
	l := s.list()
	stats := RefreshStats{Files: len(s.present)}
	var todo []foundFile
	for _, f := range l.found {
		if st, ok := s.files[f.path]; !ok || !st.unchanged(f.info) {
			todo = append(todo, f)
		}
	}
	unreadable := l.unreadable
	var newBytes int64
	for _, f := range todo {
		newBytes += f.info.Size() - s.files[f.path].Offset
	}
	s.ledger.expect(newBytes)
	var changed []int
	states, failed := make([]fileState, len(todo)), make([]bool, len(todo))
	readAll(ctx, todo, s.files, func(i int, r fileRead, err error) {
		if failed[i] = err != nil; failed[i] {
			if err != errNotRead {
				unreadable = append(unreadable, todo[i].path)
			}
			return
		}
		stats.Read++
		states[i] = r.state
		file := s.ledger.intern(todo[i].path)
		for j := range r.requests {
			if k := s.ledger.merge(&r.requests[j], file); k >= 0 {
				changed = append(changed, k)
				s.prices.forget(k)
			}
		}
	})
	// When cancelled, what was merged is recorded all the same: the files
	// read are not read again, so their requests must not wait for them.
	changed = uniqueInts(changed)
	stats.Changed = len(changed)
	if err := s.record.append(s.ledger, changed); err != nil {
		return stats, backend.WrapError(err, backend.EUNAVAILABLE, "usagedash cannot write its record of Claude Code usage.")
	}
	dirty := len(changed) > 0
	for i, f := range todo {
		if !failed[i] {
			s.files[f.path] = states[i]
			dirty = true
		}
	}
	for _, p := range l.gone {
		if _, ok := s.files[p]; ok {
			delete(s.files, p) // vanished: what it said stays in the record
			dirty = true
		}
	}
	s.unreadable = summarize(s.files, unreadable)
	if dirty || s.indexDirty {
		s.indexDirty = true
		if time.Since(s.indexSaved) < indexEvery {
			return stats, cancelledError(ctx)
		}
		if err := s.saveIndex(); err != nil {
			return stats, backend.WrapError(err, backend.EUNAVAILABLE, "usagedash cannot write its index of Claude Code's transcripts.")
		}
	}
	return stats, cancelledError(ctx)
}

// cancelledError is the error of a refresh whose ctx ended, else nil.
func cancelledError(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return backend.WrapError(err, backend.EUNAVAILABLE, "Reading Claude Code's transcripts was cancelled.")
	}
	return nil
}

// saveIndex writes the index through a temporary file renamed over it, so
// a kill leaves the old index or the new one. It is not synced to disk: the
// index is a cache, and one that is lost, torn, or claims more of the record
// than a power cut left (RecordSize) is dropped and the transcripts read
// again, which counts nothing twice. Skipping the syncs keeps a refresh
// within milliseconds.
func (s *Source) saveIndex() error {
	s.indexDirty, s.indexSaved = false, time.Now()
	b, err := json.Marshal(indexFile{Record: s.record.id, RecordSize: s.record.size, Files: s.files})
	if err != nil {
		return err
	}
	dir := filepath.Dir(s.indexPath)
	if err := os.MkdirAll(dir, atomicfile.DirMode); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".index-*.json")
	if err != nil {
		return err
	}
	_, err = tmp.Write(b)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), s.indexPath)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// readAll reads the files in todo on all cores and calls merge with each
// file's outcome, in todo's order (so the first line seen of a request is
// the same whatever the timing), from the calling goroutine. Each file's
// requests are merged as soon as the files before it are, so a cold read
// holds few files' requests at once. It stops handing out files when ctx is
// done.
func readAll(ctx context.Context, todo []foundFile, states map[string]fileState, merge func(i int, r fileRead, err error)) {
	type result struct {
		i   int
		r   fileRead
		err error
	}
	next, results := make(chan int), make(chan result)
	workers := min(runtime.GOMAXPROCS(0), max(len(todo), 1))
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte
			for i := range next {
				r, err := readTranscript(todo[i].path, states[todo[i].path], &buf)
				results <- result{i, r, err}
			}
		}()
	}
	go func() {
		defer close(next)
		for i := range todo {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	pending := map[int]result{}
	want := 0
	for res := range results {
		pending[res.i] = res
		for r, ok := pending[want]; ok; r, ok = pending[want] {
			delete(pending, want)
			merge(r.i, r.r, r.err)
			want++
		}
	}
	for ; want < len(todo); want++ {
		merge(want, fileRead{}, errNotRead)
	}
}

// errNotRead is the outcome of a file left unread by a cancelled refresh.
var errNotRead = errors.New("not read: the refresh was cancelled")

// uniqueInts sorts out repeats (a request that grew twice in one refresh).
func uniqueInts(xs []int) []int {
	seen := make(map[int]bool, len(xs))
	out := xs[:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
