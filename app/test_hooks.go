//go:build !e2e

package app

// TestHooks are the bindings only the e2e build has (build tag e2e): none in
// the release build.
func TestHooks() []any { return nil }
