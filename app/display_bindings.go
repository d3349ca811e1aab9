//go:build bindings

package app

// CheckDisplay has nothing to check while `wails generate module` runs the
// app to read its bindings: no window opens.
func CheckDisplay() error { return nil }
