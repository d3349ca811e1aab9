package settings_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"usagedash/backend"
	"usagedash/backend/settings"
)

func TestDefaultsSaveReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "usagedash", "settings.json")
	s, err := settings.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Get(); got.RefreshMinutes != 5 || got.TrayShows != backend.TrayShowsToday || !got.CloseToTray {
		t.Fatalf("defaults %+v", got)
	}
	next := s.Get()
	next.TrayShows = backend.TrayShowsBudget
	next.Budgets["p1"] = backend.Budget{MonthlyUSD: 100, AlertPercents: []float64{100, 50}}
	if _, err := s.Save(next); err != nil {
		t.Fatal(err)
	}
	reopened, _ := settings.Open(path)
	got := reopened.Get()
	if got.TrayShows != backend.TrayShowsBudget || got.Budgets["p1"].AlertPercents[0] != 50 {
		t.Fatalf("reopened %+v", got)
	}
	// Callers get copies: changing one does not change the store.
	got.Budgets["p1"] = backend.Budget{MonthlyUSD: 1}
	if reopened.Get().Budgets["p1"].MonthlyUSD != 100 {
		t.Fatal("Get returned shared state")
	}
}

func TestInvalidSettingsAreRefusedAndBadFilesKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "settings.json")
	s, _ := settings.Open(path)
	bad := s.Get()
	bad.RefreshMinutes = -3
	if _, err := s.Save(bad); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("negative refresh: %v", err)
	}
	bad = s.Get()
	bad.Budgets["x"] = backend.Budget{MonthlyUSD: -1}
	if _, err := s.Save(bad); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("negative budget: %v", err)
	}
	os.WriteFile(path, []byte("{garbage"), 0o600)
	s, err := settings.Open(path)
	if err != nil || !strings.Contains(s.Warning(), "unreadable-") || s.Get().RefreshMinutes != 5 {
		t.Fatalf("garbage file: %v %q", err, s.Warning())
	}
}
