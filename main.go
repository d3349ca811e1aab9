// Command usagedash shows how many Anthropic API tokens agent workflows used
// and what they cost. Without a subcommand it opens the desktop window;
// `usagedash report` prints a report and `usagedash serve` runs the
// reference platform server (see app/cli). This file only builds the parts
// and wires them together; the behaviour lives in app.
package main

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"usagedash/app"
	"usagedash/app/cli"
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

// singleInstanceID names the app for Wails' single-instance lock.
const singleInstanceID = "usagedash-7c1f2a94-5d0e-4b8f-9a63-2e4d8b1c0f57"

func main() {
	platform.Version = version // the User-Agent of platform requests
	args := os.Args[1:]
	if len(args) == 1 && args[0] == tray.HelperCommand { // the tray item's own process, started by tray.Start
		os.Exit(tray.RunHelper())
	}
	if cli.IsCommand(args) {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := cli.Run(ctx, args, cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Version: version})
		stop()
		os.Exit(code)
	}
	flags, err := app.ParseWindowFlags(args, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "usagedash:", err)
		os.Exit(2)
	}
	if err := runWindow(flags); err != nil {
		fmt.Fprintln(os.Stderr, "usagedash:", err)
		os.Exit(1)
	}
}

func runWindow(flags app.WindowFlags) error {
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
		slog.Warn("report history unavailable", "err", err)
		reports = nil
	}
	prefs, err := settings.Open(paths.Settings)
	if err != nil {
		return err
	}
	alerter, err := budget.NewAlerter(paths.AlertState, notify.NewDesktop())
	if err != nil {
		slog.Warn("budget alerts unavailable", "err", err)
		alerter = nil
	}
	loc := app.LocalZone()
	window := app.NewWindow()
	ws := app.NewWorkspace(conns, prefs, app.NewHistoryPolicy(reports), window)
	desktop := app.NewDesktop(ws, window, life, alerter, loc, tray.Start)
	demo := app.DemoAccount{BaseURL: os.Getenv(envDemoURL), Login: sample.DemoUsername, Password: sample.DemoPassword}
	warnings := strings.Join(strings.Fields(store.Warning()+" "+prefs.Warning()+" "+secretWarning), " ")
	profileService, err := app.NewProfileService(life, ws, warnings, demo)
	if err != nil {
		return err
	}
	priceUpdater := app.NewPriceUpdater(paths)
	priceService := app.NewPriceService(life, priceUpdater, prefs.Get)
	app.StartPriceChecks(life, priceService)
	bound := append([]any{
		app.NewReportService(life, ws, loc, 30*time.Second, app.SettingsPrices(prefs.Get, priceUpdater.Table, ws.ActiveProfile)),
		priceService,
		app.NewHistoryService(reports),
		app.NewRecostService(reports, priceUpdater.Table),
		profileService,
		app.NewAuthService(life, ws, 20*time.Second),
		app.NewDatabaseService(life, conns, 15*time.Second),
		app.NewSettingsService(flags.Theme, ws),
		app.NewGlanceService(ws),
		app.NewAboutService(version, paths),
		app.NewExportService(life, version, window.Context),
	}, app.TestHooks()...)
	return wails.Run(&options.App{
		Title:              "usagedash",
		StartHidden:        flags.Hidden,
		Width:              1180,
		Height:             800,
		MinWidth:           400,
		MinHeight:          480,
		AssetServer:        &assetserver.Options{Assets: assets},
		BackgroundColour:   &options.RGBA{R: 18, G: 18, B: 20, A: 255},
		SingleInstanceLock: &options.SingleInstanceLock{UniqueId: singleInstanceID, OnSecondInstanceLaunch: desktop.SecondStart},
		OnStartup:          desktop.Startup,
		OnBeforeClose:      desktop.BeforeClose,
		OnShutdown:         desktop.Shutdown,
		Bind:               bound,
		EnumBind:           app.Enums(),
		ErrorFormatter:     app.FormatError,
		Linux:              &linux.Options{ProgramName: "usagedash"},
	})
}
