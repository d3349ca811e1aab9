package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"
)

// paint is one write of the render probe file: what the window painted and
// when (the file's modification time, set by the app as it wrote).
type paint struct {
	at      time.Time
	state   string
	metrics map[string]bool
}

// probeWatcher records every write of a probe file. Both apps replace the
// file atomically (write, then rename), so each new modification time is
// one paint; it polls every 5 ms, and a stored report is followed by the live
// one hundreds of milliseconds later at the soonest, so no paint is missed.
type probeWatcher struct {
	path string
	mu   sync.Mutex
	all  []paint
	stop chan struct{}
	done chan struct{}
}

func watchProbe(path string) *probeWatcher {
	w := &probeWatcher{path: path, stop: make(chan struct{}), done: make(chan struct{})}
	go w.loop()
	return w
}

func (w *probeWatcher) loop() {
	defer close(w.done)
	var last time.Time
	for {
		if fi, err := os.Stat(w.path); err == nil && !fi.ModTime().Equal(last) {
			if p, ok := readPaint(w.path); ok {
				last = fi.ModTime()
				p.at = last
				w.mu.Lock()
				w.all = append(w.all, p)
				w.mu.Unlock()
			}
		}
		select {
		case <-w.stop:
			return
		case <-time.After(5 * time.Millisecond):
		}
	}
}

func (w *probeWatcher) close() {
	close(w.stop)
	<-w.done
}

func readPaint(path string) (paint, bool) {
	var raw struct {
		State   string `json:"state"`
		Metrics []struct {
			ID string `json:"id"`
		} `json:"metrics"`
	}
	b, err := os.ReadFile(path)
	if err != nil || json.Unmarshal(b, &raw) != nil {
		return paint{}, false
	}
	p := paint{state: raw.State, metrics: map[string]bool{}}
	for _, m := range raw.Metrics {
		p.metrics[m.ID] = true
	}
	return p, true
}

// paints is a copy of what was recorded so far.
func (w *probeWatcher) paints() []paint {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]paint(nil), w.all...)
}

// paintCond picks the paint a measurement waits for.
type paintCond struct {
	what string
	ok   func(paint) bool
}

var (
	// anyPaint is the first paint of anything (the empty window's page).
	anyPaint = paintCond{"the first paint", func(paint) bool { return true }}
	// connectPainted is usagedash's connect screen (a fresh start, nothing saved).
	connectPainted = paintCond{"the connect screen", func(p paint) bool { return p.state == "connect" }}
	// storedPainted is a report from the history, shown with its age.
	storedPainted = paintCond{"the stored report", func(p paint) bool {
		return p.state == "report" && p.metrics["report_as_of"]
	}}
	// livePainted is a freshly fetched report: no age badge, no offline banner.
	livePainted = paintCond{"the live report", func(p paint) bool {
		return p.state == "report" && !p.metrics["report_as_of"] && !p.metrics["offline_banner"] && p.metrics["total_cost_usd"]
	}}
)

// waitPaint waits for the first paint that meets cond and returns it.
func waitPaint(ctx context.Context, r *appRun, w *probeWatcher, cond paintCond, limit time.Duration) (paint, error) {
	var got paint
	err := waitFor(ctx, limit, cond.what, func() (bool, error) {
		for _, p := range w.paints() {
			if cond.ok(p) {
				got = p
				return true, nil
			}
		}
		if r.exited() {
			return false, fmt.Errorf("the app exited before painting %s: %s", cond.what, r.logTail())
		}
		return false, nil
	})
	if err != nil {
		var states []string
		for _, p := range w.paints() {
			states = append(states, p.state)
		}
		err = fmt.Errorf("%w (probe states seen: %s)", err, strings.Join(states, ", "))
	}
	return got, err
}
