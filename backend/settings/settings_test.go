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

// One bad entry costs only itself: an alias to a model this build has no
// price for (an older CLI beside a newer app) and a negative budget are
// dropped with a warning naming them; the rest is kept and the file stays.
func TestBadEntriesAreDroppedNotTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "settings.json")
	content := `{"refresh_minutes": 15, "tray_shows": "sparkles", "budgets": {"good": {"monthly_usd": 50}, "bad": {"monthly_usd": -1}},
		"model_aliases": {"claude-unknown-9": "claude-from-the-future-1", "my-opus": "claude-opus-4-1"}}`
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, open := range []func(string) (*settings.Store, error){settings.Open, settings.OpenReadOnly} {
		s, err := open(path)
		if err != nil {
			t.Fatal(err)
		}
		st := s.Get()
		if st.RefreshMinutes != 15 || st.TrayShows != backend.TrayShowsToday || st.Budgets["good"].MonthlyUSD != 50 {
			t.Fatalf("kept settings %+v", st)
		}
		if _, ok := st.Budgets["bad"]; ok {
			t.Fatal("the negative budget was kept")
		}
		if _, ok := st.ModelAliases["claude-unknown-9"]; ok || st.ModelAliases["my-opus"] != "claude-opus-4-1" {
			t.Fatalf("aliases %v", st.ModelAliases)
		}
		w := s.Warning()
		for _, want := range []string{`"bad"`, `"claude-unknown-9"`, "tray"} {
			if !strings.Contains(w, want) {
				t.Fatalf("warning %q does not name %s", w, want)
			}
		}
		if b, _ := os.ReadFile(path); string(b) != content {
			t.Fatal("opening rewrote the file")
		}
		if m, _ := filepath.Glob(path + ".unreadable-*"); len(m) != 0 {
			t.Fatalf("the file was moved: %v", m)
		}
	}
}

// The command line reads settings read-only: a damaged file is reported
// (and left where it is), and nothing is saved.
func TestReadOnlySettingsNeverMoveOrWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "settings.json")
	if err := os.WriteFile(path, []byte("{garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := settings.OpenReadOnly(path); err == nil || !strings.Contains(backend.ErrorMessage(err), "not valid settings JSON") {
		t.Fatalf("damaged file: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "{garbage" {
		t.Fatal("the damaged file changed")
	}
	os.Remove(path)
	s, err := settings.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Save(s.Get()); err == nil {
		t.Fatal("the read-only store saved")
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatal("the read-only store created the file")
	}
}
