// Command usagedash shows how many Anthropic API tokens agent workflows used
// and what they cost. Without arguments it opens the desktop window;
// `usagedash report --json` prints the same report for scripts.
package main

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"usagedash/app"
	"usagedash/backend"
	"usagedash/backend/mongodb"
)

//go:embed all:frontend/dist
var assets embed.FS

// version is stamped by the release build (-ldflags "-X main.version=...").
var version = "dev"

const (
	uriEnv         = "USAGEDASH_MONGODB_URI"
	fetchTimeout   = 30 * time.Second
	connectTimeout = 10 * time.Second
)

func main() {
	args := os.Args[1:]
	var err error
	switch {
	case len(args) > 0 && args[0] == "report":
		err = runReport(args[1:], os.Stdout)
	case len(args) > 0 && (args[0] == "--version" || args[0] == "version"):
		fmt.Println("usagedash", version)
	default:
		err = runWindow(args)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "usagedash:", oneLine(err))
		os.Exit(1)
	}
}

// sourceFlags are the flags that choose where numbers come from.
type sourceFlags struct {
	database string
	account  string
}

func (f *sourceFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.database, "database", mongodb.DefaultDatabase, "MongoDB database of the platform")
	fs.StringVar(&f.account, "user", "", "username or email whose usage to show")
}

// config returns the MongoDB configuration. The URI is read from the
// environment, never from a flag, so it stays out of process listings.
func (f *sourceFlags) config() (mongodb.Config, error) {
	uri := os.Getenv(uriEnv)
	if uri == "" {
		return mongodb.Config{}, backend.Errorf(backend.EINVALID, "No data source: set %s to the platform's MongoDB URI (try `make sample`).", uriEnv)
	}
	if f.account == "" {
		return mongodb.Config{}, backend.Errorf(backend.EINVALID, "No account: pass --user with a username or email.")
	}
	return mongodb.Config{URI: uri, Database: f.database}, nil
}

// openSource connects the configured source within connectTimeout.
func (f *sourceFlags) openSource(ctx context.Context) (backend.Source, error) {
	cfg, err := f.config()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	return mongodb.Open(ctx, cfg)
}

func runReport(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var src sourceFlags
	src.register(fs)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	preset := fs.String("period", string(backend.PresetAllTime), "period preset (today, yesterday, last_7_days, last_30_days, this_month, last_month, all_time)")
	from := fs.String("from", "", "custom period start (RFC 3339), overrides --period")
	to := fs.String("to", "", "custom period end (RFC 3339), overrides --period")
	tz := fs.String("tz", "Local", "time zone for period presets (IANA name, Local or UTC)")
	if err := fs.Parse(args); err != nil {
		return backend.Errorf(backend.EINVALID, "report: %v", err)
	}
	period, err := parsePeriod(*preset, *from, *to, *tz)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	source, err := src.openSource(ctx)
	if err != nil {
		return err
	}
	defer closeSource(source)
	ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
	defer cancel()
	report, err := source.Report(ctx, backend.Query{Account: src.account, Period: period})
	if err != nil {
		return err
	}
	if *asJSON {
		return app.WriteReportJSON(out, report)
	}
	return app.WriteReportText(out, report)
}

func parsePeriod(preset, from, to, tz string) (backend.Period, error) {
	if from == "" && to == "" {
		loc := app.LocalZone()
		var err error
		if tz != "Local" {
			loc, err = time.LoadLocation(tz)
		}
		if err != nil {
			return backend.Period{}, backend.Errorf(backend.EINVALID, "Unknown time zone %q.", tz)
		}
		return backend.ResolvePreset(backend.PresetID(preset), time.Now(), loc)
	}
	parse := func(name, s string) (*time.Time, error) {
		if s == "" {
			return nil, nil
		}
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return nil, backend.Errorf(backend.EINVALID, "--%s must be an RFC 3339 time such as 2026-11-01T00:00:00+01:00.", name)
		}
		return &t, nil
	}
	start, err := parse("from", from)
	if err != nil {
		return backend.Period{}, err
	}
	end, err := parse("to", to)
	if err != nil {
		return backend.Period{}, err
	}
	return backend.CustomPeriod(start, end)
}

func runWindow(args []string) error {
	fs := flag.NewFlagSet("usagedash", flag.ContinueOnError)
	var src sourceFlags
	src.register(fs)
	theme := fs.String("theme", app.ThemeSystem, "colour theme: system, light or dark")
	if err := fs.Parse(args); err != nil {
		return backend.Errorf(backend.EINVALID, "%v", err)
	}
	life := app.NewLifecycle()
	defer life.Shutdown()
	offline := backend.SourceInfo{Kind: backend.SourceMongoDB, Label: "Not connected", Account: src.account}
	if cfg, err := src.config(); err == nil {
		offline.Label = mongodb.Describe(cfg)
	}
	source := app.NewLazySource(src.openSource, offline)
	defer closeSource(source)

	reports := app.NewReportService(life, source, src.account, app.LocalZone(), fetchTimeout)
	settings := app.NewSettingsService(*theme)
	probe := app.NewRenderProbe(os.Getenv("USAGEDASH_RENDER_PROBE"))

	return wails.Run(&options.App{
		Title:            "usagedash",
		Width:            1180,
		Height:           800,
		MinWidth:         400,
		MinHeight:        480,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 18, G: 18, B: 20, A: 255},
		OnShutdown:       func(context.Context) { life.Shutdown() },
		Bind:             []any{reports, settings, probe},
		ErrorFormatter:   app.FormatError,
		Linux:            &linux.Options{ProgramName: "usagedash"},
	})
}

func closeSource(s backend.Source) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = s.Close(ctx)
}

// oneLine returns the human message of err for the command line.
func oneLine(err error) string {
	var e *backend.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}
