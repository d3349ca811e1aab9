package app

import (
	"flag"
	"fmt"
	"io"
)

// WindowFlags are the command-line flags of the window (no subcommand).
type WindowFlags struct {
	Theme  string
	Hidden bool
}

// ParseWindowFlags parses the window's flags; a stray argument is an error.
func ParseWindowFlags(args []string, output io.Writer) (WindowFlags, error) {
	var f WindowFlags
	fs := flag.NewFlagSet("usagedash", flag.ContinueOnError)
	fs.SetOutput(output)
	fs.StringVar(&f.Theme, "theme", string(ThemeSystem), "colour theme: system, light or dark")
	fs.BoolVar(&f.Hidden, "hidden", false, "start in the tray with the window hidden (for starting at login)")
	if err := fs.Parse(args); err != nil {
		return f, err
	}
	if fs.NArg() > 0 {
		return f, fmt.Errorf("unexpected argument %q: the window takes only --theme and --hidden", fs.Arg(0))
	}
	return f, nil
}
