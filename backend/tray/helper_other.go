//go:build !darwin

package tray

// hideFromDock does nothing: only macOS gives the helper a Dock icon.
func hideFromDock() {}
