//go:build tools

// Package tools pins the versions of the command-line tools the build uses.
// The Wails CLI cannot be installed with a plain `go install` on current Go
// releases (it pulls an old golang.org/x/tools), so it is built from here.
package tools

import (
	_ "github.com/wailsapp/wails/v2/cmd/wails"
)
