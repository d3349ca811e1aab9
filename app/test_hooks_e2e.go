//go:build e2e

package app

import "os"

// TestHooks are the bindings only the e2e build has: the render probe, which
// writes what the window painted to the file USAGEDASH_RENDER_PROBE names.
func TestHooks() []any {
	return []any{NewRenderProbe(os.Getenv("USAGEDASH_RENDER_PROBE"))}
}
