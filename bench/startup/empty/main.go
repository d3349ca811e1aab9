// Command empty is the start-up benchmark's reference: an empty Wails v2
// window (same Wails version, tags and flags as usagedash) whose page calls
// a bound method once it has painted. The method writes the render probe
// file named by USAGEDASH_RENDER_PROBE in the same shape as usagedash's probe
// (state "painted", no metrics), so the benchmark reads both apps alike.
// Closing the window hides it, as usagedash does with a tray, and --hidden
// starts it hidden, as usagedash --hidden does.
package main

import (
	"context"
	"embed"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

//go:embed index.html
var assets embed.FS

// Probe is bound to the page, which calls Painted once it has painted.
type Probe struct {
	path string
}

// Painted records that the page painted, replacing the probe file at once
// (write then rename) so a reader never sees half a write.
func (p *Probe) Painted() error {
	if p.path == "" {
		return nil
	}
	tmp := filepath.Join(filepath.Dir(p.path), "."+filepath.Base(p.path)+".tmp")
	if err := os.WriteFile(tmp, []byte(`{"state":"painted","metrics":[]}`), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, p.path)
}

func main() {
	hidden := flag.Bool("hidden", false, "start with the window hidden")
	flag.Parse()
	probe := &Probe{path: os.Getenv("USAGEDASH_RENDER_PROBE")}
	err := wails.Run(&options.App{
		Title:            "startup-empty",
		StartHidden:      *hidden,
		Width:            1180,
		Height:           800,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 18, G: 18, B: 20, A: 255},
		OnBeforeClose: func(ctx context.Context) bool {
			runtime.WindowHide(ctx)
			return true
		},
		Bind:  []any{probe},
		Linux: &linux.Options{ProgramName: "startup-empty"},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "empty:", err)
		os.Exit(1)
	}
}
