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

func TestModelOverridesAreValidatedAndKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "settings.json")
	s, _ := settings.Open(path)
	if got := s.Get(); got.ModelAliases == nil || got.CustomPrices == nil {
		t.Fatalf("nil override maps in the defaults: %+v", got)
	}
	cases := []struct {
		name    string
		aliases map[string]string
		custom  map[string]backend.ModelRates
		want    string // in the error message
	}{
		{"alias to an unknown model", map[string]string{"claude-opus-4-7": "claude-opus-9"}, nil, `"claude-opus-4-7" is mapped to "claude-opus-9"`},
		{"alias to itself", map[string]string{"my-model": "My-Model "}, nil, `"my-model" is mapped to itself`},
		{"empty alias id", map[string]string{" ": "claude-opus-4-6"}, nil, "empty model id"},
		{"negative price", nil, map[string]backend.ModelRates{"my-model": {Input: -1, Output: 2}}, `price entered for "my-model" is wrong`},
		{"no input or output rate", nil, map[string]backend.ModelRates{"my-model": {CacheRead: 1}}, `"my-model"`},
		{"empty custom id", nil, map[string]backend.ModelRates{"": {Input: 1}}, "no model id"},
	}
	for _, c := range cases {
		bad := s.Get()
		bad.ModelAliases, bad.CustomPrices = c.aliases, c.custom
		_, err := s.Save(bad)
		if backend.ErrorCode(err) != backend.EINVALID || !strings.Contains(backend.ErrorMessage(err), c.want) {
			t.Errorf("%s: %v, want EINVALID with %q", c.name, err, c.want)
		}
	}
	good := s.Get()
	good.ModelAliases = map[string]string{"claude-opus-4-7": "claude-opus-4-6", "team-model": "my-model"}
	good.CustomPrices = map[string]backend.ModelRates{"my-model": {Input: 2, Output: 8}}
	if _, err := s.Save(good); err != nil {
		t.Fatalf("valid overrides refused: %v", err)
	}
	reopened, _ := settings.Open(path)
	got := reopened.Get()
	if got.ModelAliases["team-model"] != "my-model" || got.CustomPrices["my-model"].Output != 8 || reopened.Warning() != "" {
		t.Fatalf("reopened %+v (%q)", got, reopened.Warning())
	}
	got.ModelAliases["x"] = "y"
	if _, ok := reopened.Get().ModelAliases["x"]; ok {
		t.Fatal("Get shares the aliases map")
	}
	// nil maps are saved as empty ones.
	cleared := reopened.Get()
	cleared.ModelAliases, cleared.CustomPrices = nil, nil
	saved, err := reopened.Save(cleared)
	if err != nil || saved.ModelAliases == nil || saved.CustomPrices == nil {
		t.Fatalf("nil maps: %+v %v", saved, err)
	}
}
