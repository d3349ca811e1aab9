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
	"strings"
	"sync"

	"usagedash/backend"
	"usagedash/backend/atomicfile"
	"usagedash/backend/pricing"
)

// Store holds the settings in memory and on disk.
type Store struct {
	path     string
	mu       sync.Mutex
	current  backend.Settings
	warning  string
	readOnly bool
}

// Open loads the settings at path for the window: a missing file gives the
// defaults; an entry that fails validation is dropped (Warning names it)
// and the rest kept; a file that is no settings at all is moved aside
// (never overwritten) and Warning says where it went.
func Open(path string) (*Store, error) {
	s, err := load(path)
	if err == nil || s == nil {
		return s, err
	}
	aside, moveErr := atomicfile.SetAside(path)
	if moveErr != nil {
		return nil, backend.WrapError(moveErr, backend.EINTERNAL, "The settings file is unreadable and could not be moved aside.")
	}
	s.warning = "The settings file could not be read (" + backend.ErrorMessage(err) + "); defaults are used and the old file was kept as " + aside + "."
	return s, nil
}

// OpenReadOnly loads the settings at path for one command-line run: it
// never writes, renames or moves the file. Bad entries are dropped in memory
// (Warning names them); a file that is no settings at all is an error.
func OpenReadOnly(path string) (*Store, error) {
	s, err := load(path)
	if err != nil {
		return nil, backend.WrapError(err, backend.EINVALID, "Cannot read the settings in "+path+": "+backend.ErrorMessage(err)+
			" Open the usagedash window to set the file aside, or repair it.")
	}
	s.readOnly = true
	return s, nil
}

// load reads path. An unreadable file returns the store with the defaults
// and the reason; bad entries are dropped with a warning.
func load(path string) (*Store, error) {
	s := &Store{path: path, current: backend.DefaultSettings()}
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, backend.WrapError(err, backend.EINTERNAL, "Cannot read the settings.")
	}
	loaded := backend.DefaultSettings()
	if len(strings.TrimSpace(string(raw))) == 0 {
		return s, backend.Errorf(backend.EBADDATA, "the file is empty")
	}
	if err := json.Unmarshal(raw, &loaded); err != nil {
		return s, backend.Errorf(backend.EBADDATA, "it is not valid settings JSON")
	}
	dropped := repair(&loaded)
	if err := Validate(&loaded); err != nil {
		return s, err
	}
	if len(dropped) > 0 {
		s.warning = "Some settings could not be used and were left out: " + strings.Join(dropped, " ")
	}
	s.current = loaded
	return s, nil
}

// Warning is set when Open dropped bad entries or set an unreadable file
// aside.
func (s *Store) Warning() string { return s.warning }

// Get returns a copy of the current settings.
func (s *Store) Get() backend.Settings {
	s.mu.Lock()
	defer s.mu.Unlock()
	return clone(s.current)
}

// Save validates and stores next.
func (s *Store) Save(next backend.Settings) (backend.Settings, error) {
	if s.readOnly {
		return backend.Settings{}, backend.Errorf(backend.EINVALID, "The command line does not change the settings.")
	}
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
