package app

import (
	"usagedash/backend"
	"usagedash/backend/settings"
)

// Theme modes the window understands.
const (
	ThemeSystem = "system"
	ThemeLight  = "light"
	ThemeDark   = "dark"
)

// SettingsService is bound to the window and exposes user preferences.
type SettingsService struct {
	theme   string
	store   *settings.Store
	changed func(backend.Settings)
}

// NewSettingsService returns a SettingsService with the given theme mode
// (ThemeSystem, ThemeLight or ThemeDark; anything else means ThemeSystem).
// store may be nil (tests of the window flags); changed, when set, hears
// about every saved change.
func NewSettingsService(theme string, store *settings.Store, changed func(backend.Settings)) *SettingsService {
	switch theme {
	case ThemeLight, ThemeDark:
	default:
		theme = ThemeSystem
	}
	return &SettingsService{theme: theme, store: store, changed: changed}
}

// Theme returns the theme mode the window starts in.
func (s *SettingsService) Theme() string { return s.theme }

// Get returns the current settings.
func (s *SettingsService) Get() (*backend.Settings, error) {
	if s.store == nil {
		st := backend.DefaultSettings()
		return &st, nil
	}
	st := s.store.Get()
	return &st, nil
}

// Save validates and stores the settings, then applies them.
func (s *SettingsService) Save(next backend.Settings) (*backend.Settings, error) {
	if s.store == nil {
		return nil, backend.Errorf(backend.EUNAVAILABLE, "Settings cannot be saved in this mode.")
	}
	saved, err := s.store.Save(next)
	if err != nil {
		return nil, err
	}
	if s.changed != nil {
		s.changed(saved)
	}
	return &saved, nil
}
