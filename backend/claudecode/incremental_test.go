package claudecode

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

const alphaFile = "projects/-home-u-alpha/s-alpha-1.jsonl"

func refresh(t *testing.T, s *Source) RefreshStats {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	st, err := s.Refresh(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func requests(t *testing.T, s *Source) int64 {
	t.Helper()
	return report(t, s, allTime()).Pricing.LogsWithoutCost
}

func TestAppendReadsOnlyNewBytes(t *testing.T) {
	dir, st := copyCorpus(t), newStores(t)
	s := open(t, st, dir)
	if n := requests(t, s); n != corpusRequests {
		t.Fatalf("requests = %d", n)
	}
	path := filepath.Join(dir, alphaFile)
	before := s.files[path].Offset
	// The half-written last line is completed, and one more request follows.
	appendFile(t, path, `,"output_tokens":1}}}`+"\n"+assistantLine("s-alpha-1", "/home/u/alpha", "2026-12-03T10:00:00.000Z", "msg_n", "req_n", "claude-haiku-4-5", 1000, 100))
	stats := refresh(t, s)
	if stats.Read != 1 || stats.Changed != 2 {
		t.Errorf("refresh read %d files and changed %d requests, want 1 and 2", stats.Read, stats.Changed)
	}
	if st := s.files[path]; st.Offset <= before || st.Pending {
		t.Errorf("offset %d (was %d), pending %v", st.Offset, before, st.Pending)
	}
	r := report(t, s, allTime())
	if r.Pricing.LogsWithoutCost != corpusRequests+2 || r.TotalInputTokens != corpusInput+9+1000 {
		t.Errorf("after append: %d requests, %d input", r.Pricing.LogsWithoutCost, r.TotalInputTokens)
	}
	// msg_z has no model: unpriced; msg_n is haiku: 1000*1+100*5.
	near(t, "cost", r.TotalCostUSD, corpusUSD+0.0015)
	if stats := refresh(t, s); stats.Read != 0 {
		t.Errorf("a refresh with no change read %d files", stats.Read)
	}
	// A process killed before it wrote its index (written at most every
	// indexEvery while running): the next one reads the appended file again
	// and counts nothing twice.
	s2 := open(t, st, dir)
	if stats := refresh(t, s2); stats.Read != 1 || stats.Changed != 0 {
		t.Errorf("reopened after a kill: read %d, changed %d; want 1, 0", stats.Read, stats.Changed)
	}
	if n := requests(t, s2); n != corpusRequests+2 {
		t.Errorf("reopened after a kill: %d requests", n)
	}
	// After Close, a new process reads nothing again: the index says where
	// it stopped.
	appendFile(t, path, assistantLine("s-alpha-1", "/home/u/alpha", "2026-12-03T11:00:00.000Z", "msg_o", "req_o", "claude-haiku-4-5", 1, 1))
	refresh(t, s2)
	if err := s2.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	s3 := open(t, st, dir)
	if stats := refresh(t, s3); stats.Read != 0 || stats.Changed != 0 {
		t.Errorf("reopened after Close: read %d, changed %d; want 0, 0", stats.Read, stats.Changed)
	}
	if n := requests(t, s3); n != corpusRequests+3 {
		t.Errorf("reopened after Close: %d requests", n)
	}
}

// A kill between writing the record and writing the index leaves the old
// index: the appended bytes are read again and count nothing twice. A kill
// in the middle of writing the record leaves a torn batch: it is dropped and
// the bytes are read again, so nothing is lost.
func TestCrashMidUpdate(t *testing.T) {
	dir, st := copyCorpus(t), newStores(t)
	s := open(t, st, dir)
	refresh(t, s)
	indexPath := filepath.Join(st.cache, "index.json")
	recordPath := filepath.Join(st.data, "record.bin")
	oldIndex, err := os.ReadFile(indexPath)
	if err != nil {
		t.Fatal(err)
	}
	goodRecord, _ := os.Stat(recordPath)
	appendFile(t, filepath.Join(dir, alphaFile), "\n"+assistantLine("s-alpha-1", "/home/u/alpha", "2026-12-03T10:00:00.000Z", "msg_n", "req_n", "claude-haiku-4-5", 1000, 100))
	refresh(t, s)

	// Killed after the record, before the index.
	if err := os.WriteFile(indexPath, oldIndex, 0o600); err != nil {
		t.Fatal(err)
	}
	s2 := open(t, st, dir)
	if n := requests(t, s2); n != corpusRequests+1 {
		t.Errorf("after a kill before the index: %d requests, want %d", n, corpusRequests+1)
	}

	// Killed in the middle of the record's last batch.
	full, _ := os.Stat(recordPath)
	if err := os.WriteFile(indexPath, oldIndex, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(recordPath, goodRecord.Size()+(full.Size()-goodRecord.Size())/2); err != nil {
		t.Fatal(err)
	}
	s3 := open(t, st, dir)
	r := report(t, s3, allTime())
	if r.Pricing.LogsWithoutCost != corpusRequests+1 || r.TotalInputTokens != corpusInput+1000 {
		t.Errorf("after a torn record: %d requests, %d input; want %d, %d", r.Pricing.LogsWithoutCost, r.TotalInputTokens, corpusRequests+1, corpusInput+1000)
	}
	near(t, "cost after a torn record", r.TotalCostUSD, corpusUSD+0.0015)
}

func TestTruncatedRotatedDeleted(t *testing.T) {
	dir, st := copyCorpus(t), newStores(t)
	s := open(t, st, dir)
	refresh(t, s)
	path := filepath.Join(dir, alphaFile)

	// Truncated to its first two lines: read again from the start; what was
	// counted stays counted.
	b, _ := os.ReadFile(path)
	lines := strings.SplitAfter(string(b), "\n")
	if err := os.WriteFile(path, []byte(lines[0]+lines[1]), 0o644); err != nil {
		t.Fatal(err)
	}
	if stats := refresh(t, s); stats.Read != 1 || stats.Changed != 0 {
		t.Errorf("truncated: read %d, changed %d; want 1, 0", stats.Read, stats.Changed)
	}
	if n := requests(t, s); n != corpusRequests {
		t.Errorf("truncated: %d requests", n)
	}

	// Rotated: another file of the same size and time in its place.
	other := strings.Replace(lines[0]+lines[1], "msg_a", "msg_R", 1)
	info, _ := os.Stat(path)
	tmp := path + ".new"
	if err := os.WriteFile(tmp, []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(tmp, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
	refresh(t, s)
	if n := requests(t, s); n != corpusRequests+1 {
		t.Errorf("rotated: %d requests, want the new file's request added", n)
	}

	// Deleted (Claude Code's clean-up): totals stay, from the record only.
	if err := os.RemoveAll(filepath.Join(dir, "projects", "-home-u-beta")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	r := report(t, s, allTime())
	if r.Pricing.LogsWithoutCost != corpusRequests+1 {
		t.Errorf("deleted: %d requests", r.Pricing.LogsWithoutCost)
	}
	if !slices.Equal(r.RecordOnlyDays, []string{"2026-12-01"}) {
		t.Errorf("record-only days = %v, want [2026-12-01] (Dec 2 still has the subagent's request)", r.RecordOnlyDays)
	}
	s2 := open(t, st, dir)
	if n := requests(t, s2); n != corpusRequests+1 {
		t.Errorf("reopened after deletion: %d requests", n)
	}
}

// Lines appended while reports run are each counted once in the end.
func TestAppendWhileReading(t *testing.T) {
	dir, st := copyCorpus(t), newStores(t)
	s := open(t, st, dir)
	path := filepath.Join(dir, "projects", "-home-u-gamma", "s-g.jsonl")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	const n = 300
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			t.Error(err)
			return
		}
		defer f.Close()
		for i := range n {
			l := assistantLine("s-g", "/g", "2026-12-04T10:00:00.000Z", fmt.Sprint("m", i), fmt.Sprint("r", i), "claude-haiku-4-5", 10, 1)
			// Written in two pieces, so reads see half-written lines.
			if _, err := f.WriteString(l[:len(l)/2]); err != nil {
				t.Error(err)
				return
			}
			if _, err := f.WriteString(l[len(l)/2:]); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	for range 20 {
		report(t, s, allTime())
	}
	wg.Wait()
	r := report(t, s, allTime())
	if r.Pricing.LogsWithoutCost != corpusRequests+n || r.TotalInputTokens != corpusInput+10*n {
		t.Errorf("%d requests, %d input; want %d, %d", r.Pricing.LogsWithoutCost, r.TotalInputTokens, corpusRequests+n, corpusInput+10*n)
	}
	if s.unreadable.Lines != 3 {
		t.Errorf("unreadable lines = %d, want the corpus's 3 (half-written lines are read once complete)", s.unreadable.Lines)
	}
}

func Test500Folders(t *testing.T) {
	dir := t.TempDir()
	for i := range 500 {
		cwd := fmt.Sprintf("/w/p%03d", i)
		p := filepath.Join(dir, "projects", strings.ReplaceAll(cwd, "/", "-"), fmt.Sprintf("s%03d.jsonl", i))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		appendFile(t, p, assistantLine(fmt.Sprintf("s%03d", i), cwd, "2026-12-04T10:00:00.000Z", fmt.Sprint("m", i), fmt.Sprint("r", i), "claude-haiku-4-5", int64(i), 1))
	}
	s := open(t, newStores(t), dir)
	r := report(t, s, allTime())
	if r.Pricing.LogsWithoutCost != 500 || len(r.Breakdowns.ByWorkflow) != 500 || len(r.Breakdowns.ByInstance) != 500 {
		t.Errorf("%d requests, %d projects, %d sessions; want 500 each", r.Pricing.LogsWithoutCost, len(r.Breakdowns.ByWorkflow), len(r.Breakdowns.ByInstance))
	}
	if r.TotalInputTokens != 499*500/2 {
		t.Errorf("input = %d, want %d", r.TotalInputTokens, 499*500/2)
	}
}

// A folder and a FIFO named like transcripts are reported, never opened
// (a FIFO would block a read), and the rest is counted.
func TestUnreadableFiles(t *testing.T) {
	dir := copyCorpus(t)
	proj := filepath.Join(dir, "projects", "-home-u-beta")
	if err := os.Mkdir(filepath.Join(proj, "folder.jsonl"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(proj, "fifo.jsonl"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := open(t, newStores(t), dir)
	r := report(t, s, allTime())
	if r.Pricing.LogsWithoutCost != corpusRequests {
		t.Errorf("requests = %d", r.Pricing.LogsWithoutCost)
	}
	want := "2 transcripts could not be opened: " + filepath.Join(proj, "fifo.jsonl") + ", " + filepath.Join(proj, "folder.jsonl") + "."
	if !slices.Contains(r.Notes, want) {
		t.Errorf("notes = %q, want %q", r.Notes, want)
	}
	// A FIFO put in place of a transcript after it was listed fails at once.
	if _, err := readTranscript(filepath.Join(proj, "fifo.jsonl"), fileState{}, new([]byte)); err == nil {
		t.Error("reading a FIFO succeeded")
	}
}

// A refresh cancelled before it starts counts nothing and loses nothing:
// the next one reads everything.
func TestCancelledRefresh(t *testing.T) {
	s := open(t, newStores(t), copyCorpus(t))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Refresh(ctx); err == nil {
		t.Fatal("a cancelled refresh succeeded")
	}
	if n := requests(t, s); n != corpusRequests {
		t.Errorf("after a cancelled refresh: %d requests, want %d", n, corpusRequests)
	}
}

// A file where the record belongs that is not one is kept aside, never
// overwritten, and counting starts afresh.
func TestRecordNotARecord(t *testing.T) {
	st := newStores(t)
	path := filepath.Join(st.data, "record.bin")
	if err := os.WriteFile(path, []byte("something else"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := open(t, st, copyCorpus(t))
	if n := requests(t, s); n != corpusRequests {
		t.Errorf("requests = %d", n)
	}
	aside, _ := filepath.Glob(path + ".unreadable-*")
	if len(aside) != 1 {
		t.Fatalf("set aside: %v", aside)
	}
	if b, _ := os.ReadFile(aside[0]); string(b) != "something else" {
		t.Errorf("set-aside file holds %q", b)
	}
}
