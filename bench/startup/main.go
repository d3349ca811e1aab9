// Command startup is the start-up benchmark (`make bench-startup`): it runs
// an empty Wails v2 window (bench/startup/empty, built with the same Wails
// version, tags and flags) and usagedash alternately under Xvfb and
// dbus-run-session, each in an isolated HOME, and measures start to first
// paint, to the stored report (offline), to the live report (the sample's
// MongoDB), and the memory of each app's process tree with the window open
// and hidden in the tray. It prints a table of medians and writes it to
// bench/RESULTS.md.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// config is what the command line chose.
type config struct {
	runs    int
	display int
	app     string // usagedash with the render probe (built when empty)
	empty   string // the empty window (built when empty)
	sample  string
	results string
	label   string
	note    string
	keep    bool
	work    string
	// scenarios are the steps of each round that run (all by default).
	scenarios map[string]bool
}

const (
	usagedashWindow = "^usagedash$"
	emptyWindow     = "^startup-empty$"
	// buildTags are usagedash's release tags (wails build adds desktop and
	// production); the benchmark's usagedash adds e2e for the render probe.
	buildTags = "desktop,production,webkit2_41"
	// buildFlags are the flags `wails build` passes to go build for a
	// production build (-ldflags "-w -s"), plus -trimpath as the Makefile's.
	ldflags = "-w -s"
)

func main() {
	var cfg config
	flag.IntVar(&cfg.runs, "runs", 10, "starts of each app and scenario")
	flag.IntVar(&cfg.display, "display", 77, "Xvfb display number (one nobody else uses)")
	flag.StringVar(&cfg.app, "app", "", "usagedash binary built with the e2e tag (default: build one)")
	flag.StringVar(&cfg.empty, "empty", "", "empty-window binary (default: build bench/startup/empty)")
	flag.StringVar(&cfg.sample, "sample", ".bin/usagedash-sample", "the sample platform binary")
	flag.StringVar(&cfg.results, "results", "bench/RESULTS.md", "file to write the table into (\"\": none)")
	flag.StringVar(&cfg.label, "label", "latest", "name of the run's section in the results file")
	flag.StringVar(&cfg.note, "note", "", "a note on the run for the results file (e.g. how busy the machine was)")
	flag.BoolVar(&cfg.keep, "keep", false, "keep the work folder (homes, probe files, app logs) for a look")
	only := flag.String("scenarios", "empty,fresh,emptyhidden,offline,live,hidden",
		"the scenarios each round runs: empty (the empty window: paint, memory open and closed), fresh (usagedash with nothing saved), emptyhidden, offline, live (with memory open, closed to the tray and shown again), hidden (usagedash --hidden)")
	flag.Parse()
	cfg.scenarios = map[string]bool{}
	for _, s := range strings.Split(*only, ",") {
		cfg.scenarios[strings.TrimSpace(s)] = true
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, cfg); err != nil {
		fmt.Fprintln(os.Stderr, "bench-startup:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, cfg config) error {
	work, err := os.MkdirTemp("", "usagedash-bench-startup-")
	if err != nil {
		return err
	}
	if cfg.keep {
		fmt.Fprintln(os.Stderr, "work folder (kept):", work)
	} else {
		defer os.RemoveAll(work)
	}
	cfg.work = work
	if err := buildBinaries(ctx, &cfg); err != nil {
		return err
	}
	load0 := loadAverage()
	disp, err := startDisplay(ctx, cfg.display)
	if err != nil {
		return err
	}
	defer disp.stop()
	fmt.Fprintln(os.Stderr, "preparing the homes (sample platforms, stored reports)...")
	fx, err := prepare(ctx, cfg, disp)
	if err != nil {
		return err
	}
	defer fx.close()
	b := &bench{cfg: cfg, disp: disp, fx: fx, m: measurements{}}
	// One start of each, not counted, warms the disk cache and WebKit's caches.
	if err := b.round(ctx, -1); err != nil {
		return err
	}
	for i := 0; i < cfg.runs; i++ {
		if err := b.round(ctx, i); err != nil {
			return err
		}
	}
	res := result{cfg: cfg, m: b.m, load: [2]string{load0, loadAverage()}, date: time.Now().UTC(),
		sizes: [2]int64{fileSize(cfg.empty), fileSize(cfg.app)}}
	table := res.markdown()
	fmt.Println(table)
	if cfg.results != "" {
		return writeSection(cfg.results, cfg.label, table)
	}
	return nil
}

// buildBinaries builds the two apps unless given, with the release flags.
func buildBinaries(ctx context.Context, cfg *config) error {
	if cfg.empty == "" {
		cfg.empty = filepath.Join(cfg.work, "startup-empty")
		if err := goBuild(ctx, cfg.empty, buildTags, "./bench/startup/empty"); err != nil {
			return err
		}
	}
	if cfg.app == "" {
		if _, err := os.Stat("frontend/dist/index.html"); err != nil {
			return fmt.Errorf("frontend/dist/index.html is missing: build the frontend first (make bench-startup does)")
		}
		cfg.app = filepath.Join(cfg.work, "usagedash")
		if err := goBuild(ctx, cfg.app, buildTags+",e2e", "."); err != nil {
			return err
		}
	}
	for _, p := range []string{cfg.empty, cfg.app, cfg.sample} {
		if _, err := os.Stat(p); err != nil {
			return err
		}
	}
	return nil
}

// goBuild runs go build as `wails build` does for a production build.
func goBuild(ctx context.Context, out, tags, pkg string) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Minute)
	defer cancel()
	args := []string{"-n", "10", "go", "build", "-trimpath", "-tags", tags, "-ldflags", ldflags, "-o", out, pkg}
	fmt.Fprintln(os.Stderr, "nice", strings.Join(args, " "))
	c := exec.CommandContext(ctx, "nice", args...)
	c.Stdout, c.Stderr = os.Stderr, os.Stderr
	return c.Run()
}

func fileSize(p string) int64 {
	fi, err := os.Stat(p)
	if err != nil {
		return 0
	}
	return fi.Size()
}

func loadAverage() string {
	b, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}
