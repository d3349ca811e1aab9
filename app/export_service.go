package app

import (
	"usagedash/backend"
)

// ExportService is bound to the window: it saves the report on screen as a
// CSV or JSON file the user picks.
type ExportService struct{}

// Export asks where to save report in format ("csv" or "json") and writes it
// there. It returns the path written, or "" when the user cancelled.
func (s *ExportService) Export(report *backend.Report, format string) (string, error) {
	return "", backend.Errorf(backend.EINTERNAL, "Export is not built yet.")
}
