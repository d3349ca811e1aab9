//go:build !bindings

package app

import (
	"errors"
	"os"
	"runtime"
)

// CheckDisplay tells, before the window opens, that there is no display to
// open it on (Linux and the BSDs: neither DISPLAY nor WAYLAND_DISPLAY set),
// instead of GTK failing with a panic.
func CheckDisplay() error {
	switch runtime.GOOS {
	case "windows", "darwin":
		return nil
	}
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return errors.New("no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); subcommands such as usagedash report work without one")
	}
	return nil
}
