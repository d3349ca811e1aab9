// Command usagedash shows how many Anthropic API tokens agent workflows used
// and what they cost. Without a subcommand it opens the desktop window;
// `usagedash report` prints a report and `usagedash serve` runs the
// reference platform server.
package main

import (
	"context"
	"embed"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"usagedash/app"
	"usagedash/app/cli"
	"usagedash/backend"
	"usagedash/backend/budget"
	"usagedash/backend/history"
	"usagedash/backend/notify"
	"usagedash/backend/platform"
	"usagedash/backend/profiles"
	"usagedash/backend/sample"
	"usagedash/backend/secrets"
	"usagedash/backend/settings"
	"usagedash/backend/tray"
)

//go:embed all:frontend/dist
var assets embed.FS

// version is stamped by the release build (-ldflags "-X main.version=...").
var version = "dev"

// envDemoURL points the demo profile at a running sample platform.
const envDemoURL = "USAGEDASH_DEMO_URL"

func main() {
	platform.Version = version // the User-Agent of platform requests
	args := os.Args[1:]
	if cli.IsCommand(args) {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := cli.Run(ctx, args, cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Version: version})
		stop()
		os.Exit(code)
	}
	if err := runWindow(args); err != nil {
		fmt.Fprintln(os.Stderr, "usagedash:", err)
		os.Exit(1)
	}
}

func runWindow(args []string) error {
	fs := flag.NewFlagSet("usagedash", flag.ContinueOnError)
	theme := fs.String("theme", app.ThemeSystem, "colour theme: system, light or dark")
	hidden := fs.Bool("hidden", false, "start in the tray with the window hidden (for starting at login)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q: the window takes only --theme and --hidden", fs.Arg(0))
	}
	if err := app.CheckDisplay(); err != nil {
		return err
	}
	paths := app.DefaultPaths()
	store, err := profiles.Open(paths.Profiles)
	if err != nil {
		return err
	}
	secretStore, secretWarning := secrets.Open(paths.Secrets)
	conns := app.NewConnections(store, secretStore)
	life := app.NewLifecycle()
	defer life.Shutdown()
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		conns.CloseAll(ctx)
	}()

	reports, err := history.Open(paths.Reports, history.Options{})
	if err != nil {
		// The app works without history; the history view says it is unavailable.
		fmt.Fprintln(os.Stderr, "usagedash: report history unavailable:", err)
		reports = nil
	}
	prefs, err := settings.Open(paths.Settings)
	if err != nil {
		return err
	}
	alerter, err := budget.NewAlerter(paths.AlertState, notify.NewDBus())
	if err != nil {
		fmt.Fprintln(os.Stderr, "usagedash: budget alerts unavailable:", err)
		alerter = nil
	}
	loc := app.LocalZone()
	monitor := app.NewMonitor(conns, reports, prefs, alerter, loc)
	var windowCtx atomic.Pointer[context.Context] // set once the window runs
	wailsCtx := func() context.Context {
		if p := windowCtx.Load(); p != nil {
			return *p
		}
		return nil
	}
	var quitting atomic.Bool
	// The tray flips its checkboxes at once; every switch or pause refreshes,
	// so the tray shows what was really saved even when saving failed.
	trayIcon := tray.Start(tray.Callbacks{
		OnOpen: func() {
			if ctx := wailsCtx(); ctx != nil {
				runtime.WindowShow(ctx)
			}
		},
		OnRefresh: monitor.RefreshNow,
		OnQuit: func() {
			quitting.Store(true)
			if ctx := wailsCtx(); ctx != nil {
				runtime.Quit(ctx)
			}
		},
		OnSwitchProfile: func(id string) {
			if err := conns.Profiles.SetActive(id); err == nil {
				if ctx := wailsCtx(); ctx != nil {
					runtime.EventsEmit(ctx, app.EventProfileChanged, id)
				}
			}
			monitor.RefreshNow()
		},
		OnPauseAlerts: func(paused bool) {
			st := prefs.Get()
			st.AlertsPaused = paused
			_, _ = prefs.Save(st)
			monitor.RefreshNow()
		},
	})
	defer trayIcon.Close()
	monitor.SetTray(trayIcon)

	demo := app.DemoAccount{BaseURL: os.Getenv(envDemoURL), Login: sample.DemoUsername, Password: sample.DemoPassword}
	profileService, err := app.NewProfileService(conns, strings.Join(strings.Fields(store.Warning()+" "+prefs.Warning()+" "+secretWarning), " "), demo)
	if err != nil {
		return err
	}
	profileService.OnActivate = monitor.RefreshNow
	reportService := app.NewReportService(life, conns, reports, loc, 30*time.Second)
	reportService.Prices = app.SettingsPrices(prefs.Get)
	bound := []any{
		reportService,
		app.NewHistoryService(reports),
		profileService,
		app.NewAuthService(life, conns, 20*time.Second),
		app.NewDatabaseService(life, conns, 15*time.Second),
		app.NewSettingsService(*theme, prefs, func(backend.Settings) { monitor.RefreshNow() }),
		app.NewGlanceService(monitor),
		app.NewAboutService(version, paths),
		app.NewExportService(life, version, wailsCtx),
		app.NewRenderProbe(os.Getenv("USAGEDASH_RENDER_PROBE")),
	}
	return wails.Run(&options.App{
		Title:            "usagedash",
		StartHidden:      *hidden,
		Width:            1180,
		Height:           800,
		MinWidth:         400,
		MinHeight:        480,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 18, G: 18, B: 20, A: 255},
		OnStartup: func(ctx context.Context) {
			windowCtx.Store(&ctx)
			monitor.Emit = func(name string, data any) { runtime.EventsEmit(ctx, name, data) }
			go monitor.Run(life.Context())
		},
		OnBeforeClose: func(ctx context.Context) bool {
			// Closing the window keeps the app in the tray, when there is one.
			if !quitting.Load() && prefs.Get().CloseToTray && trayIcon.Available() {
				runtime.WindowHide(ctx)
				return true
			}
			return false
		},
		OnShutdown:     func(context.Context) { life.Shutdown() },
		Bind:           bound,
		ErrorFormatter: app.FormatError,
		Linux:          &linux.Options{ProgramName: "usagedash"},
	})
}
