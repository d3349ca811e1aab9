package history

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"usagedash/backend"
)

var berlin = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		return time.FixedZone("CET", 3600)
	}
	return loc
}()

// testReport returns a plausible report; with breakdowns it has what a
// MongoDB "last 30 days" report holds: 30 days, 4 models, 15 workflows,
// 40 instances and 2 modes.
func testReport(i int, preset backend.PresetID, breakdowns bool) *backend.Report {
	now := time.Date(2026, 5, 20, 10, 0, 0, 0, berlin)
	p, err := backend.ResolvePreset(preset, now, berlin)
	if err != nil {
		panic(err)
	}
	tb := backend.TokenBreakdown{InputTokens: int64(1000 + i), OutputTokens: 2000, CacheCreationInputTokens: 300, CacheReadInputTokens: 4000}
	tb.TotalTokens = tb.InputTokens + tb.OutputTokens + tb.CacheCreationInputTokens + tb.CacheReadInputTokens
	r := &backend.Report{UserID: "665f1c2ab3e4d5f6a7b8c9d0", Username: "alice", TotalWorkflows: 15, TotalInstances: 40,
		TotalTokens: tb.TotalTokens, TotalInputTokens: tb.InputTokens, TotalOutputTokens: tb.OutputTokens,
		TotalCacheCreationTokens: tb.CacheCreationInputTokens, TotalCacheReadTokens: tb.CacheReadInputTokens,
		TotalCostUSD: 12.3456 + float64(i), TotalExecutionTimeMS: 987654, PeriodStart: p.Start, PeriodEnd: p.End,
		TokenBreakdown: tb, GeneratedAt: now, Period: p,
		Source: backend.SourceInfo{Kind: backend.SourceMongoDB, Label: "MongoDB 127.0.0.1:27017 / claude_workflows", Account: "alice"}}
	r.Derive()
	if breakdowns {
		row := func(key, label string, n int) backend.UsageRow {
			return backend.UsageRow{Key: key, Label: label, Logs: int64(10 + n), CostUSD: 0.1234 * float64(n+1), ExecutionTimeMS: int64(1000 * n),
				Tokens: backend.TokenBreakdown{InputTokens: int64(100 * n), OutputTokens: 200, CacheCreationInputTokens: 30, CacheReadInputTokens: 400, TotalTokens: int64(100*n + 630)}}
		}
		b := &backend.Breakdowns{}
		for d := 0; d < 30; d++ {
			day := now.AddDate(0, 0, -d).Format("2006-01-02")
			b.ByDay = append(b.ByDay, row(day, day, d))
		}
		for m := 0; m < 4; m++ {
			b.ByModel = append(b.ByModel, row(fmt.Sprintf("claude-sonnet-4-%d", m), fmt.Sprintf("claude-sonnet-4-%d", m), m))
		}
		for w := 0; w < 15; w++ {
			b.ByWorkflow = append(b.ByWorkflow, row(fmt.Sprintf("665f1c2ab3e4d5f6a7b8%04d", w), fmt.Sprintf("Nightly triage workflow %d", w), w))
		}
		for in := 0; in < 40; in++ {
			b.ByInstance = append(b.ByInstance, row(fmt.Sprintf("665f1c2ab3e4d5f6a7b9%04d", in), fmt.Sprintf("instance-%d", in), in))
		}
		b.ByMode = []backend.UsageRow{row("api-key", "api-key", 1), row("max-plan", "max-plan", 2)}
		r.Breakdowns = b
	}
	return r
}

// fakeClock is an injectable clock that advances by step on every reading.
type fakeClock struct {
	mu   sync.Mutex
	t    time.Time
	step time.Duration
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := c.t
	c.t = c.t.Add(c.step)
	return t
}

func (c *fakeClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

func openStore(t testing.TB, dir string, opts Options) *Store {
	t.Helper()
	s, err := Open(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func mustSave(t testing.TB, s *Store, pid string, r *backend.Report) Entry {
	t.Helper()
	e, err := s.Save(pid, "Work "+pid, r)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// checkAllReadable lists the store and fails on any warning or unreadable
// report; it returns the entries.
func checkAllReadable(t *testing.T, s *Store) []Entry {
	t.Helper()
	entries, warns, err := s.List("")
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) > 0 {
		t.Fatalf("warnings: %+v", warns)
	}
	for _, e := range entries {
		if _, _, err := s.Get(e.ID); err != nil {
			t.Fatalf("get %s: %v", e.ID, err)
		}
	}
	return entries
}

// tempFiles lists the atomicfile temporary files under dir.
func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	var found []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".tmp-") {
			found = append(found, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// dirSize sums the sizes of the files under dir.
func dirSize(t testing.TB, dir string) (bytes int64, files int) {
	t.Helper()
	_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				bytes += fi.Size()
				files++
			}
		}
		return nil
	})
	return bytes, files
}

// readJSON returns the JSON inside a stored report file.
func readJSON(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return plain
}

// filePath returns the path of a stored report.
func filePath(s *Store, e Entry) string { return filepath.Join(s.Dir(), e.ID+fileExt) }
