package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// home is an isolated HOME with its XDG folders, kept across the runs of
// one scenario (as a person's is: WebKit's caches stay warm).
type home string

func (h home) env() []string {
	d := string(h)
	return []string{"HOME=" + d, "XDG_CONFIG_HOME=" + filepath.Join(d, ".config"),
		"XDG_DATA_HOME=" + filepath.Join(d, ".local", "share"), "XDG_CACHE_HOME=" + filepath.Join(d, ".cache"),
		"XDG_STATE_HOME=" + filepath.Join(d, ".local", "state"), "XDG_RUNTIME_DIR=" + filepath.Join(d, "run")}
}

func newHome(dir string) (home, error) {
	h := home(dir)
	for _, sub := range []string{".config", ".local/share", ".cache", ".local/state", "run"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o700); err != nil {
			return "", err
		}
	}
	return h, nil
}

// saveMongoProfile writes usagedash's profiles file with one active MongoDB
// connection (the sample's demo user), as the connect screen would save it.
func (h home) saveMongoProfile(uri string) error {
	doc := map[string]any{"version": 1, "active_id": "bench", "profiles": []map[string]string{
		{"id": "bench", "name": "Sample database", "kind": "mongodb", "mongo_uri": uri, "account": "demo"}}}
	b, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	dir := filepath.Join(string(h), ".config", "usagedash")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "profiles.json"), b, 0o600)
}

// samplePlatform is one usagedash-sample process (FerretDB seeded with the
// sample data, on 127.0.0.1).
type samplePlatform struct {
	cmd  *exec.Cmd
	done chan struct{}
	uri  string
	log  bytes.Buffer
}

func startSample(ctx context.Context, bin, dir string) (*samplePlatform, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	uriFile := filepath.Join(dir, "uri")
	_ = os.Remove(uriFile)
	s := &samplePlatform{done: make(chan struct{})}
	s.cmd = exec.Command(bin, "--uri-file", uriFile, "--dir", filepath.Join(dir, "data"))
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	s.cmd.Stdout, s.cmd.Stderr = &s.log, &s.log
	if err := s.cmd.Start(); err != nil {
		return nil, fmt.Errorf("the sample platform: %w", err)
	}
	go func() { _ = s.cmd.Wait(); close(s.done) }()
	err := waitFor(ctx, 3*time.Minute, "the sample platform", func() (bool, error) {
		select {
		case <-s.done:
			return false, fmt.Errorf("the sample platform exited: %s", s.log.String())
		default:
		}
		b, err := os.ReadFile(uriFile)
		if err == nil && len(bytes.TrimSpace(b)) > 0 {
			s.uri = strings.TrimSpace(string(b))
			return true, nil
		}
		return false, nil
	})
	if err != nil {
		s.stop()
		return nil, err
	}
	return s, nil
}

func (s *samplePlatform) stop() { stopGroup(s.cmd, s.done) }

// fixtures are the homes the scenarios start from.
type fixtures struct {
	empty, fresh, offline, live home
	sample                      *samplePlatform // serves the live home; the offline home's is stopped
}

// prepare makes the homes: the fresh one has nothing saved; the live one a
// connection to a running sample and the report it painted in its history;
// the offline one the same with its sample stopped.
func prepare(ctx context.Context, cfg config, disp *display) (*fixtures, error) {
	f := &fixtures{}
	var err error
	for _, p := range []struct {
		h    *home
		name string
	}{{&f.empty, "empty"}, {&f.fresh, "fresh"}, {&f.offline, "offline"}, {&f.live, "live"}} {
		if *p.h, err = newHome(filepath.Join(cfg.work, "home-"+p.name)); err != nil {
			return nil, err
		}
	}
	gone, err := startSample(ctx, cfg.sample, filepath.Join(cfg.work, "sample-offline"))
	if err != nil {
		return nil, err
	}
	err = seedHistory(ctx, cfg, disp, f.offline, gone.uri)
	gone.stop()
	if err != nil {
		return nil, fmt.Errorf("seeding the offline history: %w", err)
	}
	if f.sample, err = startSample(ctx, cfg.sample, filepath.Join(cfg.work, "sample-live")); err != nil {
		return nil, err
	}
	if err := seedHistory(ctx, cfg, disp, f.live, f.sample.uri); err != nil {
		f.sample.stop()
		return nil, fmt.Errorf("seeding the live history: %w", err)
	}
	return f, nil
}

// seedHistory saves the profile and opens usagedash once until the live
// report painted, which stores it in the history.
func seedHistory(ctx context.Context, cfg config, disp *display, h home, uri string) error {
	if err := h.saveMongoProfile(uri); err != nil {
		return err
	}
	dir := filepath.Join(cfg.work, "seed-"+filepath.Base(string(h)))
	probe := filepath.Join(dir, "probe.json")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	r, err := launch(ctx, dir, disp.name, cfg.app, nil, h.env(), probe, usagedashWindow)
	if err != nil {
		return err
	}
	defer r.stop()
	w := watchProbe(probe)
	defer w.close()
	if _, err := waitPaint(ctx, r, w, livePainted, 90*time.Second); err != nil {
		return err
	}
	// The history is written after the fetch; wait until a report file is there.
	return waitFor(ctx, 30*time.Second, "the report in the history", func() (bool, error) {
		return hasStoredReport(filepath.Join(string(h), ".local", "share", "usagedash", "reports")), nil
	})
}

// hasStoredReport reports whether the history folder holds a stored report
// (a .json.gz file, at any depth).
func hasStoredReport(dir string) bool {
	found := false
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json.gz") {
			found = true
		}
		return nil
	})
	return found
}

func (f *fixtures) close() {
	if f.sample != nil {
		f.sample.stop()
	}
}
