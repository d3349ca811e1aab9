//go:build unix

package history

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"usagedash/backend"
)

// within runs f and fails the test if it has not returned after a generous
// deadline: the reads tested here used to block for ever.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatalf("%s still blocked after 30 s", what)
	}
}

// newerName returns a report file name newer than every stored one.
func newerName(t *testing.T) string {
	t.Helper()
	name, err := newFileName(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return name
}

// TestFIFOInHistoryDoesNotBlock: a FIFO named like the newest report is
// skipped (listed as a warning), never opened for reading.
func TestFIFOInHistoryDoesNotBlock(t *testing.T) {
	s := openStore(t, t.TempDir(), Options{})
	old := mustSave(t, s, "p1", testReport(1, backend.PresetToday, false))
	fifo := filepath.Join(s.Dir(), "p1", newerName(t))
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	within(t, "LatestAny", func() {
		_, e, err := s.LatestAny("p1")
		if err != nil || e.ID != old.ID {
			t.Errorf("LatestAny = %s, %v; want the regular report %s", e.ID, err, old.ID)
		}
	})
	within(t, "List", func() {
		entries, warns, err := s.List("p1")
		if err != nil || len(entries) != 1 || len(warns) != 1 || warns[0].File != fifo {
			t.Errorf("List = %d entries, warnings %+v, %v; want the report and a warning for the FIFO", len(entries), warns, err)
		}
	})
	within(t, "Get", func() {
		_, _, err := s.Get("p1/" + stem(filepath.Base(fifo)))
		if backend.ErrorCode(err) != backend.EBADDATA {
			t.Errorf("Get(FIFO) = %v, want a bad-data refusal", err)
		}
	})
	// Even called directly, the reader refuses the FIFO without blocking.
	within(t, "readFile", func() {
		if _, err := readFile(context.Background(), fifo); !errors.Is(err, errNotRegular) {
			t.Errorf("readFile(FIFO) = %v, want errNotRegular", err)
		}
	})
}

// TestSymlinksAreNotFollowed: a link named like a report, pointing at a
// readable report of the same profile elsewhere, is not read.
func TestSymlinksAreNotFollowed(t *testing.T) {
	s := openStore(t, t.TempDir(), Options{})
	e := mustSave(t, s, "p1", testReport(1, backend.PresetToday, false))
	outside := filepath.Join(t.TempDir(), "report.json.gz")
	data, err := os.ReadFile(filePath(s, e))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(outside, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(e.ID); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(s.Dir(), "p1", newerName(t))
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.LatestAny("p1"); backend.ErrorCode(err) != backend.ENOTFOUND {
		t.Fatalf("LatestAny followed the link: %v", err)
	}
	if _, _, err := s.Get("p1/" + stem(filepath.Base(link))); backend.ErrorCode(err) != backend.EBADDATA {
		t.Fatalf("Get followed the link: %v", err)
	}
	if _, err := readFile(context.Background(), link); !errors.Is(err, errNotRegular) {
		t.Fatalf("readFile(link) = %v, want errNotRegular", err)
	}
}

// TestReadsHonourCancellation: a cancelled context stops every read with a
// cancellation error instead of a result.
func TestReadsHonourCancellation(t *testing.T) {
	s := openStore(t, t.TempDir(), Options{})
	e := mustSave(t, s, "p1", testReport(1, backend.PresetToday, false))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := s.LatestAnyContext(ctx, "p1"); !errors.Is(err, context.Canceled) {
		t.Errorf("LatestAnyContext = %v, want context.Canceled", err)
	}
	if _, _, err := s.LatestContext(ctx, "p1", e.PeriodKey); !errors.Is(err, context.Canceled) {
		t.Errorf("LatestContext = %v, want context.Canceled", err)
	}
	if _, _, err := s.GetContext(ctx, e.ID); !errors.Is(err, context.Canceled) {
		t.Errorf("GetContext = %v, want context.Canceled", err)
	}
	if _, _, err := s.ListContext(ctx, ""); !errors.Is(err, context.Canceled) {
		t.Errorf("ListContext = %v, want context.Canceled", err)
	}
	if _, _, err := s.LatestAnyContext(context.Background(), "p1"); err != nil {
		t.Errorf("a live context: %v", err)
	}
}
