package claudecode

import (
	"os"
	"sync"
	"time"
)

// changeSet is what Watch saw change, for the next refresh: the
// transcripts written, created or removed, or (all) that the whole tree
// must be listed again (a folder came or went, events were lost, or nobody
// watches).
type changeSet struct {
	mu       sync.Mutex
	watching bool
	all      bool
	paths    map[string]bool
	// listed is when the tree was last listed in full: a watched source
	// still lists it every relistEvery, in case an event was missed.
	listed time.Time
}

// relistEvery bounds how long a watched source goes without a full listing.
const relistEvery = time.Minute

// file records that the transcript at path changed.
func (c *changeSet) file(path string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.paths == nil {
		c.paths = map[string]bool{}
	}
	c.paths[path] = true
}

// tree records that the whole tree must be listed again.
func (c *changeSet) tree() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.all = true
}

// watch records whether Watch is delivering events; either way the next
// refresh lists the whole tree.
func (c *changeSet) watch(on bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.watching, c.all = on, true
}

// take returns the changed paths and resets them; full is set when the
// tree must be listed in full instead.
func (c *changeSet) take() (paths []string, full bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	full = !c.watching || c.all || time.Since(c.listed) > relistEvery
	for p := range c.paths {
		paths = append(paths, p)
	}
	c.paths, c.all = nil, false
	if full {
		c.listed = time.Now()
	}
	return paths, full
}

// listing is what a refresh looks at: the transcripts to check for new
// bytes, those that could not be read, and those gone since.
type listing struct {
	found      []foundFile
	unreadable []string
	gone       []string
}

// list lists the whole tree, or, while Watch delivers events, only the
// transcripts it saw change, and updates s.present.
func (s *Source) list() listing {
	paths, full := s.changes.take()
	if full {
		var l listing
		l.found, l.unreadable = listTranscripts(s.folders)
		present := make(map[uint32]bool, len(l.found))
		for _, f := range l.found {
			present[s.ledger.intern(f.path)] = true
		}
		for p := range s.files {
			if !present[s.ledger.intern(p)] {
				l.gone = append(l.gone, p)
			}
		}
		s.present = present
		return l
	}
	changed := make(map[string]bool, len(paths))
	for _, p := range paths {
		changed[p] = true
	}
	var l listing
	for _, p := range s.unreadable.Paths {
		if !changed[p] {
			l.unreadable = append(l.unreadable, p)
		}
	}
	for _, p := range paths {
		id := s.ledger.intern(p)
		info, err := os.Stat(p)
		switch {
		case err != nil:
			delete(s.present, id)
			l.gone = append(l.gone, p)
		case !info.Mode().IsRegular():
			delete(s.present, id)
			l.unreadable = append(l.unreadable, p)
		default:
			s.present[id] = true
			l.found = append(l.found, foundFile{path: p, info: info})
		}
	}
	return l
}
