// Package cli is usagedash's command line: `usagedash report`, `usagedash
// serve` and `usagedash version`. Each subcommand is one entry of the
// commands table; Run dispatches to it.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"usagedash/backend"
)

// Env is what a subcommand may use: its standard streams and the version.
type Env struct {
	Stdin   io.Reader
	Stdout  io.Writer
	Stderr  io.Writer
	Version string
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env Env, args []string) error
}

// commands lists the subcommands; adding one is one line here.
var commands = []command{
	{"report", "print a usage report (from a saved connection, MongoDB or the history)", runReport},
	{"prices", "print the prices in force and where each came from; prices update downloads new ones", runPrices},
	{"serve", "run the reference platform server over a MongoDB database", runServe},
	{"version", "print the version", runVersion},
}

// Exit statuses: 1 for a failed command, 2 for a command line that names
// no command or has bad flags or arguments.
const (
	exitFailed = 1
	exitUsage  = 2
)

// IsCommand reports whether args ask for the command line rather than the
// window: the first argument is a word (a subcommand, known or not) or a
// version flag. Window flags start with a dash.
func IsCommand(args []string) bool {
	if len(args) == 0 {
		return false
	}
	switch args[0] {
	case "--version", "-version":
		return true
	}
	return !strings.HasPrefix(args[0], "-")
}

// Run runs the subcommand args[0] and returns the process exit status.
// Errors are printed to stderr as one line.
func Run(ctx context.Context, args []string, env Env) int {
	name := strings.TrimLeft(args[0], "-")
	for _, c := range commands {
		if c.name == name {
			return finish(env, c.run(ctx, env, args[1:]))
		}
	}
	fmt.Fprintf(env.Stderr, "usagedash: unknown command %q: the commands are %s (without one, usagedash opens the window).\n", args[0], commandNames())
	return exitUsage
}

// finish prints err (if any) as one line and returns the exit status.
func finish(env Env, err error) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	fmt.Fprintln(env.Stderr, "usagedash:", oneLine(err))
	if errors.Is(err, errUsage) {
		return exitUsage
	}
	return exitFailed
}

// errUsage marks errors in the command line itself (exit status 2).
var errUsage = errors.New("usage")

// usageError is an EINVALID error about the command line.
func usageError(format string, args ...any) error {
	return errors.Join(backend.Errorf(backend.EINVALID, format, args...), errUsage)
}

// parseFlags parses a subcommand's flags and refuses stray arguments. For
// -h it prints the flags to out and returns flag.ErrHelp.
func parseFlags(fs *flag.FlagSet, args []string, out io.Writer) error {
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(out, "usage: usagedash %s [flags]\n", fs.Name())
			fs.SetOutput(out)
			fs.PrintDefaults()
			return flag.ErrHelp
		}
		return usageError("%s: %v", fs.Name(), err)
	}
	if fs.NArg() > 0 {
		return usageError("%s: unexpected argument %q: %s takes only flags (see usagedash %s -h).", fs.Name(), fs.Arg(0), fs.Name(), fs.Name())
	}
	return nil
}

func runVersion(_ context.Context, env Env, args []string) error {
	if err := parseFlags(flag.NewFlagSet("version", flag.ContinueOnError), args, env.Stdout); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "usagedash", env.Version)
	return nil
}

// commandNames lists the subcommands for messages.
func commandNames() string {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	return strings.Join(names, ", ")
}

// warn prints a warning line that does not stop the command.
func warn(stderr io.Writer, message string) {
	fmt.Fprintln(stderr, "usagedash: warning:", message)
}

// oneLine returns the human message of err for the command line.
func oneLine(err error) string {
	var e *backend.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return strings.ReplaceAll(err.Error(), "\n", " ")
}
