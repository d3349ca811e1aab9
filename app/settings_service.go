package app

import (
	"usagedash/backend"
)

// SettingsService is bound to the window and exposes user preferences
// through the workspace.
type SettingsService struct {
	theme Theme
	ws    *Workspace // nil: the defaults, read-only
}

// NewSettingsService returns a SettingsService with the given theme mode
// (ThemeSystem, ThemeLight or ThemeDark; anything else means ThemeSystem).
// ws may be nil (tests of the window flags).
func NewSettingsService(theme string, ws *Workspace) *SettingsService {
	t := Theme(theme)
	switch t {
	case ThemeLight, ThemeDark:
	default:
		t = ThemeSystem
	}
	return &SettingsService{theme: t, ws: ws}
}

// Theme returns the theme mode the window starts in.
func (s *SettingsService) Theme() Theme { return s.theme }

// Get returns the current settings.
func (s *SettingsService) Get() (*backend.Settings, error) {
	st := backend.DefaultSettings()
	if s.ws != nil {
		st = s.ws.Settings()
	}
	return &st, nil
}

// Save validates and stores the settings, then applies them (the window
// hears EventSettingsChanged).
func (s *SettingsService) Save(next backend.Settings) (*backend.Settings, error) {
	if s.ws == nil {
		return nil, backend.Errorf(backend.EUNAVAILABLE, "Settings cannot be saved in this mode.")
	}
	saved, err := s.ws.SaveSettings(next)
	if err != nil {
		return nil, err
	}
	return &saved, nil
}
