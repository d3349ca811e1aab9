package app

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"time"

	"github.com/adrg/xdg"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"usagedash/backend"
	"usagedash/backend/atomicfile"
	"usagedash/backend/export"
	"usagedash/backend/redact"
)

// ExportService is bound to the window: it saves the report on screen as a
// CSV or JSON file the user picks.
type ExportService struct {
	life    *Lifecycle
	version string
	now     func() time.Time
	// lastDir is where the last export went; the next dialog opens there.
	lastDir atomic.Value // string
	// choose asks the user where to save (a save dialog) and returns the
	// path, or "" when they cancelled. Tests replace it.
	choose func(ctx context.Context, opts runtime.SaveDialogOptions) (string, error)
}

// NewExportService returns an ExportService that stamps exports with version
// and asks where to save with Wails' save dialog on the window whose context
// window returns (nil before the window runs).
func NewExportService(life *Lifecycle, version string, window func() context.Context) *ExportService {
	return &ExportService{life: life, version: version, now: time.Now,
		choose: func(ctx context.Context, opts runtime.SaveDialogOptions) (string, error) {
			wctx := window()
			if wctx == nil {
				return "", backend.Errorf(backend.EUNAVAILABLE, "The save dialog is not available yet.")
			}
			return runtime.SaveFileDialog(wctx, opts)
		}}
}

// Export asks where to save report in format ("csv" or "json") and writes it
// there. It returns the path written, or "" when the user cancelled. An
// unknown format or a missing report is EINVALID; a file that cannot be
// written is EINTERNAL with the reason.
func (s *ExportService) Export(report *backend.Report, format string) (string, error) {
	format = strings.ToLower(strings.TrimSpace(format))
	if format != export.FormatCSV && format != export.FormatJSON {
		return "", backend.Errorf(backend.EINVALID, "Export as CSV or JSON, not %q.", format)
	}
	if report == nil {
		return "", backend.Errorf(backend.EINVALID, "There is no report to export yet.")
	}
	now := s.now()
	var buf bytes.Buffer
	meta := export.NewMeta(report, s.version, now)
	var err error
	if format == export.FormatCSV {
		err = export.WriteCSV(&buf, report, meta)
	} else {
		err = export.WriteJSON(&buf, report, meta)
	}
	if err != nil {
		return "", backend.WrapError(err, backend.EINTERNAL, "The report could not be turned into "+strings.ToUpper(format)+".")
	}
	opts := dialogOptions(report, format, now)
	opts.DefaultDirectory = s.startDir()
	path, err := s.choose(s.life.Context(), opts)
	if err != nil {
		if backend.ErrorCode(err) != backend.EINTERNAL {
			return "", err
		}
		return "", backend.WrapError(err, backend.EINTERNAL, "The save dialog could not be opened.")
	}
	if path == "" {
		return "", nil // cancelled
	}
	if filepath.Ext(path) == "" {
		path += "." + format
	}
	if err := atomicfile.WriteFile(path, buf.Bytes()); err != nil {
		return "", backend.WrapError(err, backend.EINTERNAL, "Cannot save the export to "+path+": "+reason(err)+".")
	}
	s.lastDir.Store(filepath.Dir(path))
	return path, nil
}

// startDir is the folder the save dialog opens in: the last export's, else
// the user's documents folder (XDG_DOCUMENTS_DIR), else the dialog's default.
func (s *ExportService) startDir() string {
	if d, _ := s.lastDir.Load().(string); d != "" {
		return d
	}
	if d := xdg.UserDirs.Documents; d != "" {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return d
		}
	}
	return ""
}

// dialogOptions are the save dialog's: a default file name such as
// usagedash-last-30-days-2026-11-26.csv and a filter for the format.
func dialogOptions(r *backend.Report, format string, now time.Time) runtime.SaveDialogOptions {
	filter := runtime.FileFilter{DisplayName: "CSV (*.csv)", Pattern: "*.csv"}
	if format == export.FormatJSON {
		filter = runtime.FileFilter{DisplayName: "JSON (*.json)", Pattern: "*.json"}
	}
	return runtime.SaveDialogOptions{
		Title:                "Export report",
		DefaultFilename:      defaultExportName(r, format, now),
		Filters:              []runtime.FileFilter{filter},
		CanCreateDirectories: true,
	}
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// defaultExportName is the file name the save dialog proposes: the period's
// label as a slug and the day of the export in the period's time zone, e.g.
// "usagedash-last-30-days-2026-11-26.csv".
func defaultExportName(r *backend.Report, format string, now time.Time) string {
	slug := strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(redact.URIs(r.Period.Label)), "-"), "-")
	if len(slug) > 60 {
		slug = strings.Trim(slug[:60], "-")
	}
	if slug == "" {
		slug = "report"
	}
	if loc, err := time.LoadLocation(r.Period.TimeZone); err == nil && r.Period.TimeZone != "" {
		now = now.In(loc)
	}
	return "usagedash-" + slug + "-" + now.Format(time.DateOnly) + "." + format
}

// reason is the cause of a file error in words, without the path twice.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err.Error()
}
