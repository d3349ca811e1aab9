package app

// Theme modes the window understands.
const (
	ThemeSystem = "system"
	ThemeLight  = "light"
	ThemeDark   = "dark"
)

// SettingsService is bound to the window and exposes user preferences.
type SettingsService struct {
	theme string
}

// NewSettingsService returns a SettingsService with the given theme mode
// (ThemeSystem, ThemeLight or ThemeDark; anything else means ThemeSystem).
func NewSettingsService(theme string) *SettingsService {
	switch theme {
	case ThemeLight, ThemeDark:
	default:
		theme = ThemeSystem
	}
	return &SettingsService{theme: theme}
}

// Theme returns the theme mode the window starts in.
func (s *SettingsService) Theme() string { return s.theme }
