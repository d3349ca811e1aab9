package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// measurements holds every run's value of each measure, by key.
type measurements map[string][]float64

func (m measurements) add(key string, v float64) { m[key] = append(m[key], v) }

// addMemory records a tree's RSS and PSS, and each process's RSS.
func (m measurements) addMemory(key string, mem memory) {
	m.add(key+".rss", mem.MB())
	m.add(key+".pss", mem.PssMB())
	for _, p := range mem.procs {
		m.add(key+".proc."+p.comm, float64(p.rssKB)/1024)
	}
}

// bench runs the scenarios and keeps what they measured.
type bench struct {
	cfg  config
	disp *display
	fx   *fixtures
	m    measurements
}

// round starts each app once in each scenario; i < 0 is the warm-up,
// measured but not kept.
func (b *bench) round(ctx context.Context, i int) error {
	keep := b.m
	if i < 0 {
		b.m = measurements{}
		defer func() { b.m = keep }()
	}
	steps := []struct {
		key, name string
		run       func(context.Context, string) error
	}{
		{"empty", "empty window", b.emptyWindow},
		{"fresh", "usagedash, nothing saved", b.usagedashFresh},
		{"emptyhidden", "empty window, started hidden", b.emptyHidden},
		{"offline", "usagedash, offline", b.usagedashOffline},
		{"live", "usagedash, live", b.usagedashLive},
		{"hidden", "usagedash --hidden", b.usagedashHidden},
	}
	for _, s := range steps {
		if !b.cfg.scenarios[s.key] {
			continue
		}
		dir := filepath.Join(b.cfg.work, "runs", fmt.Sprintf("%02d-%s", i+1, s.name))
		fmt.Fprintf(os.Stderr, "run %d/%d: %s\n", i+1, b.cfg.runs, s.name)
		// A busy machine may time a step out: run it once more before giving up.
		if err := s.run(ctx, dir); err != nil {
			fmt.Fprintf(os.Stderr, "  failed (%v); once more\n", err)
			b.m.add("retries", 1)
			if err := s.run(ctx, dir+"-again"); err != nil {
				return fmt.Errorf("run %d, %s: %w", i+1, s.name, err)
			}
		}
	}
	return nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// paintTime starts an app and returns it with the time from its start to
// the paint cond picks.
func (b *bench) paintTime(ctx context.Context, dir, bin string, args []string, h home, window string, cond paintCond) (*appRun, *probeWatcher, float64, error) {
	probe := filepath.Join(dir, "probe.json")
	r, err := launch(ctx, dir, b.disp.name, bin, args, h.env(), probe, window)
	if err != nil {
		return nil, nil, 0, err
	}
	w := watchProbe(probe)
	p, err := waitPaint(ctx, r, w, cond, 90*time.Second)
	if err != nil {
		w.close()
		r.stop()
		return nil, nil, 0, err
	}
	return r, w, ms(p.at.Sub(r.start)), nil
}

func (b *bench) emptyWindow(ctx context.Context, dir string) error {
	r, w, t, err := b.paintTime(ctx, dir, b.cfg.empty, nil, b.fx.empty, emptyWindow, anyPaint)
	if err != nil {
		return err
	}
	defer r.stop()
	defer w.close()
	b.m.add("empty.paint", t)
	return b.openThenHidden(ctx, r, "empty")
}

// emptyHidden starts the empty window hidden (its --hidden): WebKit starts
// and loads the page all the same; what it holds is the floor for a start at
// login.
func (b *bench) emptyHidden(ctx context.Context, dir string) error {
	probe := filepath.Join(dir, "probe.json")
	r, err := launch(ctx, dir, b.disp.name, b.cfg.empty, []string{"--hidden"}, b.fx.empty.env(), probe, emptyWindow)
	if err != nil {
		return err
	}
	defer r.stop()
	return b.idleWithWebKit(ctx, r, "empty.hiddenstart")
}

func (b *bench) usagedashFresh(ctx context.Context, dir string) error {
	r, w, t, err := b.paintTime(ctx, dir, b.cfg.app, nil, b.fx.fresh, usagedashWindow, connectPainted)
	if err != nil {
		return err
	}
	defer r.stop()
	defer w.close()
	b.m.add("ud.connect", t)
	return nil
}

func (b *bench) usagedashOffline(ctx context.Context, dir string) error {
	r, w, t, err := b.paintTime(ctx, dir, b.cfg.app, nil, b.fx.offline, usagedashWindow, storedPainted)
	if err != nil {
		return err
	}
	defer r.stop()
	defer w.close()
	b.m.add("ud.stored", t)
	return nil
}

func (b *bench) usagedashLive(ctx context.Context, dir string) error {
	r, w, t, err := b.paintTime(ctx, dir, b.cfg.app, nil, b.fx.live, usagedashWindow, livePainted)
	if err != nil {
		return err
	}
	defer r.stop()
	defer w.close()
	b.m.add("ud.live", t)
	for _, p := range w.paints() {
		if storedPainted.ok(p) {
			b.m.add("ud.live.stored", ms(p.at.Sub(r.start)))
			break
		}
	}
	if err := b.openThenHidden(ctx, r, "ud"); err != nil {
		return err
	}
	// Open it again from the tray: how long until the window is mapped, and
	// what it holds once idle again.
	clicked := time.Now()
	if err := clickTrayOpen(ctx, r.bus); err != nil {
		return err
	}
	err = waitFor(ctx, 30*time.Second, "the window to show again", func() (bool, error) {
		return len(r.visibleWindows(ctx, b.disp.name)) > 0, nil
	})
	if err != nil {
		return err
	}
	b.m.add("ud.reshow", ms(time.Since(clicked)))
	if err := b.idle(ctx, r, "ud.reshown"); err != nil {
		return err
	}
	// A window that reloads its page when shown paints its report again.
	for _, p := range w.paints() {
		if p.state == "report" && p.at.After(clicked) {
			b.m.add("ud.reshow.paint", ms(p.at.Sub(clicked)))
			break
		}
	}
	return nil
}

// usagedashHidden starts usagedash as at login (--hidden) on the live home.
func (b *bench) usagedashHidden(ctx context.Context, dir string) error {
	probe := filepath.Join(dir, "probe.json")
	r, err := launch(ctx, dir, b.disp.name, b.cfg.app, []string{"--hidden"}, b.fx.live.env(), probe, usagedashWindow)
	if err != nil {
		return err
	}
	defer r.stop()
	if err := waitFor(ctx, 60*time.Second, "the tray item", func() (bool, error) {
		names, err := gdbus(ctx, r.bus, "--dest", "org.freedesktop.DBus", "--object-path", "/org/freedesktop/DBus",
			"--method", "org.freedesktop.DBus.ListNames")
		return err == nil && trayItemRE.MatchString(names), nil
	}); err != nil {
		return err
	}
	return b.idleWithWebKit(ctx, r, "ud.hiddenstart")
}

// idleWithWebKit waits until WebKit's web and network processes run in the
// app's tree, then records its memory once idle.
func (b *bench) idleWithWebKit(ctx context.Context, r *appRun, key string) error {
	err := waitFor(ctx, 60*time.Second, "WebKit's processes", func() (bool, error) {
		m, _ := measureTree(r.pid)
		var web, net bool
		for _, p := range m.procs {
			web = web || p.comm == "WebKitWebProces"
			net = net || p.comm == "WebKitNetworkPr"
		}
		return web && net, nil
	})
	if err != nil {
		return err
	}
	return b.idle(ctx, r, key)
}

// openThenHidden records the memory once idle with the window open, closes
// the window (to the tray), and records it once idle hidden.
func (b *bench) openThenHidden(ctx context.Context, r *appRun, key string) error {
	if err := b.idle(ctx, r, key+".open"); err != nil {
		return err
	}
	if err := b.hide(ctx, r); err != nil {
		return err
	}
	return b.idle(ctx, r, key+".hidden")
}

// hide presses the window's close button and waits until it is unmapped.
func (b *bench) hide(ctx context.Context, r *appRun) error {
	var ids []string
	if err := waitFor(ctx, 30*time.Second, "the window to be mapped", func() (bool, error) {
		ids = r.visibleWindows(ctx, b.disp.name)
		return len(ids) > 0, nil
	}); err != nil {
		return err
	}
	for _, id := range ids {
		if err := closeWindow(b.disp.name, id); err != nil {
			return err
		}
	}
	return waitFor(ctx, 30*time.Second, "the window to hide", func() (bool, error) {
		if r.exited() {
			return false, fmt.Errorf("the app quit when its window was closed: %s", r.logTail())
		}
		return len(r.visibleWindows(ctx, b.disp.name)) == 0, nil
	})
}

// idle waits until the app's tree is idle and records its memory as key.
func (b *bench) idle(ctx context.Context, r *appRun, key string) error {
	mem, settled, err := idleMemory(ctx, r.pid, 30*time.Second)
	if err != nil {
		return err
	}
	if !settled {
		fmt.Fprintf(os.Stderr, "  %s: not idle after 30 s, measured anyway\n", key)
		b.m.add(key+".unsettled", 1)
	}
	b.m.addMemory(key, mem)
	fmt.Fprintf(os.Stderr, "  %s: %.0f MB RSS, %.0f MB PSS (%s)\n", key, mem.MB(), mem.PssMB(), mem)
	return nil
}
