package claudecode

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// watchUntil runs watch in the background and returns a channel that gets
// a value per onChange call.
func watchUntil(t *testing.T, watch func(ctx context.Context, onChange func()) error) <-chan struct{} {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	changes := make(chan struct{}, 100)
	done := make(chan error, 1)
	go func() { done <- watch(ctx, func() { changes <- struct{}{} }) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("watch: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Error("watch did not stop when its context ended")
		}
	})
	return changes
}

// waitChange keeps doing act (a write) until a change is signalled: the
// watcher may not be watching yet when act first runs.
func waitChange(t *testing.T, changes <-chan struct{}, what string, act func()) {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		act()
		select {
		case <-changes:
			return
		case <-time.After(500 * time.Millisecond):
		case <-deadline:
			t.Fatalf("no change signalled after %s", what)
		}
	}
}

func TestWatchEvents(t *testing.T) {
	dir := copyCorpus(t)
	s := open(t, newStores(t), dir)
	changes := watchUntil(t, s.Watch)
	path := filepath.Join(dir, alphaFile)
	waitChange(t, changes, "an append", func() {
		appendFile(t, path, "\n"+assistantLine("s-alpha-1", "/home/u/alpha", "2026-12-03T10:00:00.000Z", "msg_w", "req_w", "claude-haiku-4-5", 1, 1))
	})
	// A new project folder, then a transcript in it.
	proj := filepath.Join(dir, "projects", "-new")
	if err := os.Mkdir(proj, 0o755); err != nil {
		t.Fatal(err)
	}
	for len(changes) > 0 {
		<-changes
	}
	waitChange(t, changes, "a new project's transcript", func() {
		appendFile(t, filepath.Join(proj, "s-new.jsonl"), assistantLine("s-new", "/new", "2026-12-03T10:00:00.000Z", "msg_x", "req_x", "claude-haiku-4-5", 1, 1))
	})
	if n := requests(t, s); n != corpusRequests+2 {
		t.Errorf("requests after watching = %d, want %d", n, corpusRequests+2)
	}
}

func TestWatchPolling(t *testing.T) {
	old := pollEvery
	pollEvery = 50 * time.Millisecond
	t.Cleanup(func() { pollEvery = old })
	dir := copyCorpus(t)
	s := open(t, newStores(t), dir)
	changes := watchUntil(t, s.poll)
	waitChange(t, changes, "an append while polling", func() {
		appendFile(t, filepath.Join(dir, alphaFile), "\n")
	})
}

// A folder without a projects folder yet cannot be watched by events: the
// watcher polls, and sees the first transcript appear.
func TestWatchFallsBackToPolling(t *testing.T) {
	old := pollEvery
	pollEvery = 50 * time.Millisecond
	t.Cleanup(func() { pollEvery = old })
	dir := t.TempDir()
	s := open(t, newStores(t), dir)
	changes := watchUntil(t, s.Watch)
	p := filepath.Join(dir, "projects", "-p", "s.jsonl")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	waitChange(t, changes, "the first transcript", func() {
		appendFile(t, p, assistantLine("s", "/p", "2026-12-03T10:00:00.000Z", "m", "r", "claude-haiku-4-5", 1, 1))
	})
}
