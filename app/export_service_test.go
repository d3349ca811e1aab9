package app

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"testing"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"usagedash/backend"
)

func exportReport() *backend.Report {
	return &backend.Report{Username: "demo", TotalTokens: 10, TotalCostUSD: 0.5,
		TokenBreakdown: backend.TokenBreakdown{InputTokens: 10, TotalTokens: 10},
		Source:         backend.SourceInfo{Kind: backend.SourceMongoDB, Label: "MongoDB mongodb://user:secret@h:27017 / db", Account: "demo"},
		Period:         backend.Period{Label: "Last 30 days", TimeZone: "America/New_York"}}
}

// newTestExport returns an ExportService whose dialog answers with answer
// (joined to dir unless empty) and records the options it was shown.
func newTestExport(dir, answer string, shown *runtime.SaveDialogOptions) *ExportService {
	s := NewExportService(NewLifecycle(), "1.2.3", func() context.Context { return nil })
	s.now = func() time.Time { return time.Date(2026, 11, 27, 3, 0, 0, 0, time.UTC) } // Nov 26 in New York
	s.choose = func(_ context.Context, opts runtime.SaveDialogOptions) (string, error) {
		*shown = opts
		if answer == "" {
			return "", nil
		}
		return filepath.Join(dir, answer), nil
	}
	return s
}

func TestExportWritesTheChosenFile(t *testing.T) {
	dir := t.TempDir()
	for _, format := range []string{"csv", "json"} {
		var shown runtime.SaveDialogOptions
		s := newTestExport(dir, "out", &shown)
		path, err := s.Export(exportReport(), format)
		if err != nil || path != filepath.Join(dir, "out."+format) {
			t.Fatalf("%s: %q, %v", format, path, err)
		}
		if want := "usagedash-last-30-days-2026-11-26." + format; shown.DefaultFilename != want ||
			len(shown.Filters) != 1 || shown.Filters[0].Pattern != "*."+format {
			t.Errorf("%s dialog %+v, want default name %s and a *.%s filter", format, shown, want, format)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), "secret") || !strings.Contains(string(data), "1.2.3") {
			t.Errorf("%s export: %s", format, data)
		}
		if format == "json" {
			var f map[string]json.RawMessage
			if err := json.Unmarshal(data, &f); err != nil || string(f["format"]) != `"usagedash-export"` {
				t.Errorf("json export: %v %s", err, f["format"])
			}
		}
	}
}

func TestExportDialogOpensInTheLastExportsFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "exports")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	var shown runtime.SaveDialogOptions
	s := newTestExport(dir, "first.csv", &shown)
	if _, err := s.Export(exportReport(), "csv"); err != nil {
		t.Fatal(err)
	}
	if shown.DefaultDirectory == dir {
		t.Fatalf("the first dialog already opened in %s", dir)
	}
	if _, err := s.Export(exportReport(), "json"); err != nil {
		t.Fatal(err)
	}
	if shown.DefaultDirectory != dir {
		t.Errorf("the second dialog opened in %q, want the last export's folder %q", shown.DefaultDirectory, dir)
	}
}

func TestExportCancelledUnknownFormatAndReadOnlyFolder(t *testing.T) {
	var shown runtime.SaveDialogOptions
	if path, err := newTestExport(t.TempDir(), "", &shown).Export(exportReport(), "csv"); path != "" || err != nil {
		t.Fatalf("cancelled: %q, %v", path, err)
	}
	if _, err := newTestExport(t.TempDir(), "x.xlsx", &shown).Export(exportReport(), "xlsx"); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("xlsx: %v", err)
	}
	if _, err := newTestExport(t.TempDir(), "x.csv", &shown).Export(nil, "csv"); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("nil report: %v", err)
	}
	// A folder that cannot be created: its parent is a file.
	notDir := filepath.Join(t.TempDir(), "file")
	os.WriteFile(notDir, nil, 0o600)
	_, err := newTestExport(notDir, "x.csv", &shown).Export(exportReport(), "csv")
	if backend.ErrorCode(err) != backend.EINTERNAL || !strings.Contains(backend.ErrorMessage(err), "Cannot save the export to "+filepath.Join(notDir, "x.csv")+": not a directory") {
		t.Fatalf("folder under a file: %v (%q)", err, backend.ErrorMessage(err))
	}
	// A folder nobody may write: one without write permission, or, for root
	// (whom permissions do not stop), the kernel's sysfs.
	ro := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(ro, 0o500); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		if goruntime.GOOS != "linux" {
			t.Fatal("as root, this test needs Linux's /sys as a folder root cannot write")
		}
		ro = "/sys"
	}
	_, err = newTestExport(ro, "x.csv", &shown).Export(exportReport(), "csv")
	if backend.ErrorCode(err) != backend.EINTERNAL || !strings.Contains(backend.ErrorMessage(err), "Cannot save the export to "+filepath.Join(ro, "x.csv")+": permission denied") {
		t.Fatalf("read-only folder: %v (%q)", err, backend.ErrorMessage(err))
	}
}

func TestExportWithoutWindowSaysSo(t *testing.T) {
	s := NewExportService(NewLifecycle(), "dev", func() context.Context { return nil })
	if _, err := s.Export(exportReport(), "json"); backend.ErrorCode(err) != backend.EUNAVAILABLE {
		t.Fatalf("no window: %v", err)
	}
}
