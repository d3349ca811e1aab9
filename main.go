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
	"syscall"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"usagedash/app"
	"usagedash/backend/cache"
	"usagedash/backend/profiles"
	"usagedash/backend/sample"
	"usagedash/backend/secrets"
)

//go:embed all:frontend/dist
var assets embed.FS

// version is stamped by the release build (-ldflags "-X main.version=...").
var version = "dev"

// envDemoURL points the demo profile at a running sample platform.
const envDemoURL = "USAGEDASH_DEMO_URL"

func main() {
	args := os.Args[1:]
	if len(args) > 0 && app.IsCommand(args[0]) {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := app.RunCommand(ctx, args, os.Stdin, os.Stdout, os.Stderr, version)
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
	if err := fs.Parse(args); err != nil {
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

	history, err := cache.Open(paths.Reports, cache.Options{})
	if err != nil {
		// The app works without history; the history view says it is unavailable.
		fmt.Fprintln(os.Stderr, "usagedash: report history unavailable:", err)
		history = nil
	}
	demo := app.DemoAccount{BaseURL: os.Getenv(envDemoURL), Login: sample.DemoUsername, Password: sample.DemoPassword}
	profileService, err := app.NewProfileService(conns, joinWarnings(store.Warning(), secretWarning), demo)
	if err != nil {
		return err
	}
	bound := []any{
		app.NewReportService(life, conns, history, app.LocalZone(), 30*time.Second),
		app.NewHistoryService(history),
		profileService,
		app.NewAuthService(life, conns, 20*time.Second),
		app.NewDatabaseService(life, conns, 15*time.Second),
		app.NewSettingsService(*theme),
		app.NewRenderProbe(os.Getenv("USAGEDASH_RENDER_PROBE")),
	}
	return wails.Run(&options.App{
		Title:            "usagedash",
		Width:            1180,
		Height:           800,
		MinWidth:         400,
		MinHeight:        480,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 18, G: 18, B: 20, A: 255},
		OnShutdown:       func(context.Context) { life.Shutdown() },
		Bind:             bound,
		ErrorFormatter:   app.FormatError,
		Linux:            &linux.Options{ProgramName: "usagedash"},
	})
}

func joinWarnings(ws ...string) string {
	out := ""
	for _, w := range ws {
		if w != "" {
			if out != "" {
				out += " "
			}
			out += w
		}
	}
	return out
}
