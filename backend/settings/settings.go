// Package settings keeps the user's preferences (refresh cadence, tray,
// budgets, model price overrides) in a JSON file in the configuration folder.
package settings

import (
	"encoding/json"
	"errors"
	"io/fs"
	"maps"
	"os"
	"sort"
	"sync"

	"usagedash/backend"
	"usagedash/backend/atomicfile"
	"usagedash/backend/pricing"
)

// Store holds the settings in memory and on disk.
type Store struct {
	path    string
	mu      sync.Mutex
	current backend.Settings
	warning string
}

// Open loads the settings at path; a missing file gives the defaults, an
// unreadable one is moved aside (never overwritten) and Warning says so.
func Open(path string) (*Store, error) {
	s := &Store{path: path, current: backend.DefaultSettings()}
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, backend.WrapError(err, backend.EINTERNAL, "Cannot read the settings.")
	}
	loaded := backend.DefaultSettings()
	if err := json.Unmarshal(raw, &loaded); err != nil || Validate(&loaded) != nil {
		aside, err := atomicfile.SetAside(path)
		if err != nil {
			return nil, backend.WrapError(err, backend.EINTERNAL, "The settings file is unreadable and could not be moved aside.")
		}
		s.warning = "The settings file could not be read; defaults are used and the old file was kept as " + aside + "."
		return s, nil
	}
	s.current = loaded
	return s, nil
}

// Warning is set when Open had to set an unreadable file aside.
func (s *Store) Warning() string { return s.warning }

// Get returns a copy of the current settings.
func (s *Store) Get() backend.Settings {
	s.mu.Lock()
	defer s.mu.Unlock()
	return clone(s.current)
}

// Save validates and stores next.
func (s *Store) Save(next backend.Settings) (backend.Settings, error) {
	next = clone(next)
	if err := Validate(&next); err != nil {
		return backend.Settings{}, err
	}
	raw, err := json.MarshalIndent(next, "", "  ")
	if err != nil {
		return backend.Settings{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := atomicfile.WriteFile(s.path, raw); err != nil {
		return backend.Settings{}, backend.WrapError(err, backend.EINTERNAL, "Cannot save the settings to "+s.path+".")
	}
	s.current = next
	return clone(next), nil
}

// Validate checks st and fills defaults for missing parts.
func Validate(st *backend.Settings) error {
	if st.RefreshMinutes == 0 {
		st.RefreshMinutes = backend.DefaultSettings().RefreshMinutes
	}
	if st.RefreshMinutes < 1 || st.RefreshMinutes > 24*60 {
		return backend.Errorf(backend.EINVALID, "Refresh every 1 to 1440 minutes.")
	}
	switch st.TrayShows {
	case "":
		st.TrayShows = backend.TrayShowsToday
	case backend.TrayShowsToday, backend.TrayShowsMonth, backend.TrayShowsBudget:
	default:
		return backend.Errorf(backend.EINVALID, "The tray can show today's cost, this month's, or the budget used.")
	}
	if st.Budgets == nil {
		st.Budgets = map[string]backend.Budget{}
	}
	for id, b := range st.Budgets {
		if b.MonthlyUSD < 0 || b.MonthlyUSD > 1e9 {
			return backend.Errorf(backend.EINVALID, "A monthly budget must be between $0 and $1,000,000,000.")
		}
		for _, p := range b.AlertPercents {
			if p <= 0 || p > 1000 {
				return backend.Errorf(backend.EINVALID, "Alert levels are percentages between 1 and 1000.")
			}
		}
		sort.Float64s(b.AlertPercents)
		st.Budgets[id] = b
	}
	if err := validatePriceSettings(st); err != nil {
		return err
	}
	if st.ModelAliases == nil {
		st.ModelAliases = map[string]string{}
	}
	if st.CustomPrices == nil {
		st.CustomPrices = map[string]backend.ModelRates{}
	}
	// Names the model in its message: "The price entered for "x" is wrong: …",
	// "Model "x" is mapped to "y", which has no known price …".
	return pricing.Default().ValidateOverrides(st.ModelAliases, pricing.CustomPrices(st.CustomPrices))
}

func clone(st backend.Settings) backend.Settings {
	out := st
	out.Budgets = make(map[string]backend.Budget, len(st.Budgets))
	for id, b := range st.Budgets {
		b.AlertPercents = append([]float64(nil), b.AlertPercents...)
		out.Budgets[id] = b
	}
	// Never nil, so the window sees {} rather than null.
	out.ModelAliases = make(map[string]string, len(st.ModelAliases))
	maps.Copy(out.ModelAliases, st.ModelAliases)
	out.CustomPrices = make(map[string]backend.ModelRates, len(st.CustomPrices))
	maps.Copy(out.CustomPrices, st.CustomPrices)
	out.CacheTTL = maps.Clone(st.CacheTTL)
	if out.CacheTTL == nil {
		out.CacheTTL = map[string]backend.CacheTTL{}
	}
	return out
}
