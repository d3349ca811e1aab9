package history

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"usagedash/backend"
)

// FuzzDecodeReportFile feeds the decoder arbitrary bytes: it must never
// panic, every failure must be a *decodeError with a reason to show, and
// whatever it accepts must pass the sanity checks and survive a round trip.
func FuzzDecodeReportFile(f *testing.F) {
	fetched := time.Date(2026, 5, 20, 8, 0, 0, 0, time.UTC)
	// Small seeds: the fuzzer minimizes every new interesting input, which
	// stalls it for a long time on a 20 KB report.
	small := testReport(2, backend.PresetLast30Days, true)
	b := small.Breakdowns
	b.ByDay, b.ByModel, b.ByWorkflow, b.ByInstance, b.ByMode = b.ByDay[:1], b.ByModel[:1], b.ByWorkflow[:1], b.ByInstance[:1], b.ByMode[:1]
	for i, r := range []*backend.Report{testReport(1, backend.PresetToday, false), small} {
		data, _, err := encodeReportFile("p1", "Work", fetched, r)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(data[:len(data)/(i+2)])
		plain := readJSON(f, writeTemp(f, data))
		f.Add(plain)
		f.Add(plain[:len(plain)/(i+2)])
		f.Add(bytes.Replace(plain, []byte(`"version":1`), []byte(`"version":2`), 1))
		f.Add(bytes.Replace(plain, []byte(`"total_tokens":`), []byte(`"total_tokens":-`), 1))
	}
	f.Add([]byte(``))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"version":1,"entry":{},"report":{}}`))
	f.Add([]byte(`{"version":1e999}`))
	f.Add([]byte("\x00\xff{[\"version\""))

	f.Fuzz(func(t *testing.T, data []byte) {
		e, r, err := decodeReportFile(data)
		if err != nil {
			if de, ok := err.(*decodeError); !ok || de.reason == "" {
				t.Fatalf("error %T %q is not a decodeError with a reason", err, err)
			}
			return
		}
		if r == nil {
			t.Fatal("accepted without a report")
		}
		if err := checkReport(r); err != nil {
			t.Fatalf("accepted a report failing the checks: %v", err)
		}
		if err := checkEntry(&e, r); err != nil {
			t.Fatalf("accepted an entry failing the checks: %v", err)
		}
		again, err := json.Marshal(reportFile{Version: FormatVersion, Entry: &e, Report: r})
		if err != nil {
			t.Fatalf("accepted a file that cannot be written again: %v", err)
		}
		if _, _, err := decodeReportFile(again); err != nil {
			t.Fatalf("an accepted file does not survive a round trip: %v", err)
		}
	})
}

// writeTemp writes a seed to a file, for readJSON.
func writeTemp(f *testing.F, data []byte) string {
	path := filepath.Join(f.TempDir(), "seed"+fileExt)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		f.Fatal(err)
	}
	return path
}
