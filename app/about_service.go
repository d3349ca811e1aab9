package app

import (
	"runtime"
)

// AboutInfo is what the About dialog shows.
type AboutInfo struct {
	Version   string `json:"version"`
	GoVersion string `json:"go_version"`
	Platform  string `json:"platform"`
	// ConfigDir, DataDir and StateDir are where the app keeps its files.
	ConfigDir string `json:"config_dir"`
	DataDir   string `json:"data_dir"`
	StateDir  string `json:"state_dir"`
}

// AboutService is bound to the window: the version and where files live.
type AboutService struct {
	version string
	paths   Paths
}

// NewAboutService returns an AboutService for the given build version.
func NewAboutService(version string, paths Paths) *AboutService {
	return &AboutService{version: version, paths: paths}
}

// About returns the version and the app's folders.
func (a *AboutService) About() AboutInfo {
	return AboutInfo{
		Version:   a.version,
		GoVersion: runtime.Version(),
		Platform:  runtime.GOOS + "/" + runtime.GOARCH,
		ConfigDir: dirOf(a.paths.Profiles),
		DataDir:   dirOf(dirOf(a.paths.Reports)),
		StateDir:  dirOf(a.paths.AlertState),
	}
}
