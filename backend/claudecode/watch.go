package claudecode

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watch timings: changes are gathered for settle before onChange runs, so a
// burst of lines (one request written as several) is one refresh; without
// file-system events the transcripts are listed every pollEvery.
var (
	settle    = 150 * time.Millisecond
	pollEvery = time.Second
)

// Watch calls onChange (from its own goroutine, never concurrently) soon
// after a transcript under the source's folders is written, created or
// removed, until ctx is done; the caller then refreshes (Report). It uses
// file-system events (fsnotify: nothing runs while nothing changes) and
// falls back to listing the transcripts every second when events are not
// available (no inotify, too many folders, a folder not created yet).
// It returns when ctx is done.
func (s *Source) Watch(ctx context.Context, onChange func()) error {
	w, err := fsnotify.NewWatcher()
	if err == nil {
		defer w.Close()
		if s.watchAll(w) {
			s.changes.watch(true)
			defer s.changes.watch(false)
			return s.watchEvents(ctx, w, onChange)
		}
	}
	return s.poll(ctx, onChange)
}

// watchAll watches every folder that can hold transcripts; false when one
// cannot be watched (then polling takes over).
func (s *Source) watchAll(w *fsnotify.Watcher) bool {
	for _, f := range s.folders {
		projects := filepath.Join(f, "projects")
		if err := w.Add(projects); err != nil {
			return false
		}
		if !addTree(w, projects, 0) {
			return false
		}
	}
	return true
}

// addTree watches the folders below dir, which lies depth levels below a
// projects folder: projects (1), sessions (2) and their subagents folders
// (3).
func addTree(w *fsnotify.Watcher, dir string, depth int) bool {
	if depth > 2 {
		return true
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		sub := filepath.Join(dir, e.Name())
		if w.Add(sub) != nil || !addTree(w, sub, depth+1) {
			return false
		}
	}
	return true
}

// watchEvents turns file-system events into onChange calls, at most one per
// settle period, and watches folders as they are created.
func (s *Source) watchEvents(ctx context.Context, w *fsnotify.Watcher, onChange func()) error {
	var fire <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			if err == fsnotify.ErrEventOverflow { // events were lost: list everything
				s.changes.tree()
				fire = time.After(settle)
			}
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if !relevant(ev) {
				continue
			}
			if strings.HasSuffix(ev.Name, ".jsonl") {
				s.changes.file(ev.Name)
			} else { // a folder came or went: list the tree again
				s.changes.tree()
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					_ = w.Add(ev.Name)
					addTree(w, ev.Name, depthOf(s.folders, ev.Name))
				}
			}
			if fire == nil {
				fire = time.After(settle)
			}
		case <-fire:
			fire = nil
			onChange()
		}
	}
}

// depthOf is how deep dir lies below its folder's projects folder, less one
// (a project folder is 1, so addTree looks at its sessions).
func depthOf(folders []string, dir string) int {
	for _, f := range folders {
		if rel, err := filepath.Rel(filepath.Join(f, "projects"), dir); err == nil && !strings.HasPrefix(rel, "..") {
			return strings.Count(rel, string(filepath.Separator)) + 1
		}
	}
	return 3
}

// relevant reports whether ev may change a report: a transcript written,
// created, removed or renamed, or a folder created, removed or renamed.
func relevant(ev fsnotify.Event) bool {
	if ev.Has(fsnotify.Chmod) && !ev.Has(fsnotify.Write) {
		return false
	}
	if strings.HasSuffix(ev.Name, ".jsonl") {
		return true
	}
	return ev.Has(fsnotify.Create) || ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)
}

// poll lists the transcripts every pollEvery and calls onChange when a
// file's size or time changed, or a file came or went.
func (s *Source) poll(ctx context.Context, onChange func()) error {
	last := signature(s.folders)
	t := time.NewTicker(pollEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
			if now := signature(s.folders); now != last {
				last = now
				onChange()
			}
		}
	}
}

// signature sums what polling compares of the transcripts.
func signature(folders []string) [3]int64 {
	files, _ := listTranscripts(folders)
	var sig [3]int64
	for _, f := range files {
		sig[0]++
		sig[1] += f.info.Size()
		sig[2] ^= f.info.ModTime().UnixNano() + int64(len(f.path))
	}
	return sig
}
