package claudecode

import (
	"context"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/pricing"
)

// copyCorpus copies testdata/claude into a new temporary folder (tests
// change it) and returns the copy's path.
func copyCorpus(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir("testdata/claude", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("testdata/claude", p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// stores are the index and record folders of one simulated install.
type stores struct{ cache, data string }

func newStores(t *testing.T) stores { return stores{t.TempDir(), t.TempDir()} }

// open opens a source on folders with the stores st (never the real
// ~/.claude: folders are always given).
func open(t *testing.T, st stores, folders ...string) *Source {
	t.Helper()
	s, err := New(Options{Folders: folders, CacheDir: st.cache, DataDir: st.data})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// allTime is the all-time period in UTC, priced with the shipped table.
func allTime() backend.Query {
	return backend.Query{Period: backend.Period{Preset: backend.PresetAllTime, TimeZone: "UTC"}, Pricer: pricing.Default()}
}

// days is the period of whole UTC-or-zone days from..to.
func days(t *testing.T, zone, from, to string) backend.Query {
	t.Helper()
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := time.ParseInLocation(time.DateOnly, from, loc)
	b, _ := time.ParseInLocation(time.DateOnly, to, loc)
	b = b.AddDate(0, 0, 1).Add(-time.Millisecond)
	return backend.Query{Period: backend.Period{Preset: backend.PresetCustom, Start: &a, End: &b, TimeZone: zone, Bucket: backend.BucketDay},
		Pricer: pricing.Default()}
}

func report(t *testing.T, s *Source, q backend.Query) *backend.Report {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r, err := s.Report(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// near fails unless got is want to the hundredth of a cent.
func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 0.00005 {
		t.Errorf("%s = %.6f, want %.6f", what, got, want)
	}
}

func appendFile(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// assistantLine is one complete assistant line of a request.
func assistantLine(session, cwd, at, msg, req, model string, in, out int64) string {
	return `{"type":"assistant","sessionId":"` + session + `","cwd":"` + cwd + `","timestamp":"` + at + `","requestId":"` + req +
		`","message":{"id":"` + msg + `","model":"` + model + `","usage":{"input_tokens":` + itoa(in) + `,"output_tokens":` + itoa(out) + `}}}` + "\n"
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
