package app

import (
	"path/filepath"

	"github.com/adrg/xdg"
)

// Paths are where usagedash keeps its files.
type Paths struct {
	// Profiles is the saved connections (no secrets), in the config folder.
	Profiles string
	// Secrets is where secrets go when there is no OS keychain.
	Secrets string
	// Settings is the user's preferences.
	Settings string
	// AlertState remembers which budget alerts were sent this month.
	AlertState string
	// Reports is the history of fetched reports, in the data folder (user
	// data that a cache cleaner must not drop).
	Reports string
	// Prices is the last good price download, in the data folder.
	Prices string
}

// DefaultPaths follows the XDG base directories (and their macOS and
// Windows equivalents): $XDG_CONFIG_HOME/usagedash/... for settings and
// $XDG_DATA_HOME/usagedash/reports for the report history.
func DefaultPaths() Paths {
	xdg.Reload() // honour the environment as it is now, not as it was at start-up
	dir := filepath.Join(xdg.ConfigHome, "usagedash")
	return Paths{
		Profiles:   filepath.Join(dir, "profiles.json"),
		Secrets:    filepath.Join(dir, "secrets.json"),
		Settings:   filepath.Join(dir, "settings.json"),
		AlertState: filepath.Join(xdg.StateHome, "usagedash", "alerts.json"),
		Reports:    filepath.Join(xdg.DataHome, "usagedash", "reports"),
		Prices:     filepath.Join(xdg.DataHome, "usagedash", "prices", "litellm.json"),
	}
}

// dirOf is filepath.Dir, named for what the callers mean.
func dirOf(path string) string { return filepath.Dir(path) }
