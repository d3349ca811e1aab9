package main

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"time"
)

// result is one benchmark run, ready to print.
type result struct {
	cfg   config
	m     measurements
	load  [2]string // load average before and after
	date  time.Time
	sizes [2]int64 // binary sizes: empty window, usagedash
}

// stat is the median and range of one measure.
type stat struct {
	n                int
	median, min, max float64
}

func statOf(v []float64) stat {
	if len(v) == 0 {
		return stat{}
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	med := s[len(s)/2]
	if len(s)%2 == 0 {
		med = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return stat{n: len(s), median: med, min: s[0], max: s[len(s)-1]}
}

func (r result) stat(key string) stat { return statOf(r.m[key]) }

func seconds(s stat) string {
	if s.n == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f s (%.2f–%.2f)", s.median/1000, s.min/1000, s.max/1000)
}

func megabytes(s stat) string {
	if s.n == 0 {
		return "—"
	}
	return fmt.Sprintf("%.0f MB (%.0f–%.0f)", s.median, s.min, s.max)
}

// row is one line of the main table: usagedash's measure against the empty
// window's, with the target on the difference.
type row struct {
	what        string
	empty, ud   stat
	format      func(stat) string
	unit        string  // of the difference: "ms" or "MB"
	limit       float64 // target on ud − empty in unit; 0: none
	scaleToUnit float64
}

func (w row) cells() []string {
	c := []string{w.what, w.format(w.empty), w.format(w.ud), "—", "—", "—"}
	if w.empty.n == 0 || w.ud.n == 0 {
		if w.limit != 0 {
			c[5] = fmt.Sprintf("≤ +%.0f %s", w.limit, w.unit)
		}
		return c
	}
	diff := (w.ud.median - w.empty.median) * w.scaleToUnit
	c[3] = fmt.Sprintf("%+.0f %s", diff, w.unit)
	if w.empty.median > 0 {
		c[4] = fmt.Sprintf("%.2f×", w.ud.median/w.empty.median)
	}
	if w.limit != 0 {
		verdict := "met"
		if diff > w.limit {
			verdict = "**not met**"
		}
		c[5] = fmt.Sprintf("≤ +%.0f %s: %s", w.limit, w.unit, verdict)
	}
	return c
}

func (r result) markdown() string {
	var b strings.Builder
	host, _ := os.Hostname()
	fmt.Fprintf(&b, "Run %s UTC on %s (%d CPUs, %s), %d starts of each app per scenario after one warm-up start; load average %s before, %s after.",
		r.date.Format("2006-01-02 15:04"), host, runtime.NumCPU(), runtime.Version(), r.cfg.runs, r.load[0], r.load[1])
	if r.cfg.note != "" {
		fmt.Fprintf(&b, " %s", r.cfg.note)
	}
	b.WriteString("\n\nMedians (min–max). Times run from the app's exec to the paint's probe write; memory sums the app's process tree (the app, WebKitWebProcess, WebKitNetworkProcess) once idle (under 2 % of a core for 2 s).\n\n")
	empty := r.stat("empty.paint")
	sec := func(s stat) string { return seconds(s) }
	mb := func(s stat) string { return megabytes(s) }
	rows := []row{
		{"(a) start → first paint (usagedash: connect screen, nothing saved)", empty, r.stat("ud.connect"), sec, "ms", 0, 1},
		{"(b) start → stored report painted (offline: its MongoDB stopped)", empty, r.stat("ud.stored"), sec, "ms", 150, 1},
		{"(c) start → live report painted (the sample's MongoDB)", empty, r.stat("ud.live"), sec, "ms", 400, 1},
		{"(c′) same start → the stored report painted before it (— : never painted)", empty, r.stat("ud.live.stored"), sec, "ms", 0, 1},
		{"(d) memory, window open: RSS", r.stat("empty.open.rss"), r.stat("ud.open.rss"), mb, "MB", 40, 1},
		{"(d) memory, window open: PSS", r.stat("empty.open.pss"), r.stat("ud.open.pss"), mb, "MB", 0, 1},
		{"(e) memory, closed to the tray after (d): RSS", r.stat("empty.hidden.rss"), r.stat("ud.hidden.rss"), mb, "MB", 0, 1},
		{"(e) memory, closed to the tray after (d): PSS", r.stat("empty.hidden.pss"), r.stat("ud.hidden.pss"), mb, "MB", 0, 1},
		{"(e′) memory, started hidden (--hidden): RSS", r.stat("empty.hiddenstart.rss"), r.stat("ud.hiddenstart.rss"), mb, "MB", 0, 1},
		{"(e′) memory, started hidden (--hidden): PSS", r.stat("empty.hiddenstart.pss"), r.stat("ud.hiddenstart.pss"), mb, "MB", 0, 1},
		{"tray → window shown again (after (e))", stat{}, r.stat("ud.reshow"), sec, "ms", 0, 1},
		{"tray → report painted again (only when the page reloads on show)", stat{}, r.stat("ud.reshow.paint"), sec, "ms", 0, 1},
		{"memory once shown again: RSS", stat{}, r.stat("ud.reshown.rss"), mb, "MB", 0, 1},
		{"memory once shown again: PSS", stat{}, r.stat("ud.reshown.pss"), mb, "MB", 0, 1},
	}
	b.WriteString("| measure | empty Wails window | usagedash | usagedash − empty | ratio | issue 17 target |\n|---|---|---|---|---|---|\n")
	for _, w := range rows {
		b.WriteString("| " + strings.Join(w.cells(), " | ") + " |\n")
	}
	sizeLimit := 15.0
	es, us := float64(r.sizes[0])/1e6, float64(r.sizes[1])/1e6
	verdict := "met"
	if us > sizeLimit {
		verdict = "**not met**"
	}
	fmt.Fprintf(&b, "| binary size (MB = 10⁶ bytes; usagedash built with the e2e probe tag) | %.2f MB | %.2f MB | %+.2f MB | %.2f× | usagedash ≤ 15 MB: %s |\n\n", es, us, us-es, us/es, verdict)
	b.WriteString(r.processTable())
	if n := len(r.m["retries"]); n > 0 {
		fmt.Fprintf(&b, "\n%d runs timed out on the busy machine and were run once more.\n", n)
	}
	if n := len(r.m["ud.open.unsettled"]) + len(r.m["ud.hidden.unsettled"]) + len(r.m["empty.open.unsettled"]); n > 0 {
		fmt.Fprintf(&b, "\n%d memory readings were taken before the tree went idle (30 s limit).\n", n)
	}
	return b.String()
}

// processTable lists each process's median RSS in each state.
func (r result) processTable() string {
	states := []struct{ key, title string }{
		{"empty.open", "empty, open"}, {"ud.open", "usagedash, open"},
		{"empty.hidden", "empty, closed"}, {"ud.hidden", "usagedash, closed to tray"},
		{"ud.hiddenstart", "usagedash --hidden"},
	}
	names := map[string]bool{}
	for k := range r.m {
		if i := strings.Index(k, ".proc."); i >= 0 {
			names[k[i+len(".proc."):]] = true
		}
	}
	var procs []string
	for n := range names {
		procs = append(procs, n)
	}
	sort.Strings(procs)
	var b strings.Builder
	b.WriteString("Median RSS per process (MB):\n\n| process |")
	for _, s := range states {
		b.WriteString(" " + s.title + " |")
	}
	b.WriteString("\n|---|" + strings.Repeat("---|", len(states)) + "\n")
	for _, p := range procs {
		b.WriteString("| " + p + " |")
		for _, s := range states {
			if st := r.stat(s.key + ".proc." + p); st.n > 0 {
				fmt.Fprintf(&b, " %.0f |", st.median)
			} else {
				b.WriteString(" — |")
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// writeSection replaces the run's section (between its markers) in the
// results file, or appends it.
func writeSection(path, label, table string) error {
	begin := "<!-- bench-startup:" + label + ":begin -->"
	end := "<!-- bench-startup:" + label + ":end -->"
	old, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	text := string(old)
	section := begin + "\n" + table + end
	i, j := strings.Index(text, begin), strings.Index(text, end)
	if i >= 0 && j > i {
		text = text[:i] + section + text[j+len(end):]
	} else {
		text = strings.TrimRight(text, "\n") + "\n\n### Start-up benchmark run: " + label + "\n\n" + section + "\n"
	}
	return os.WriteFile(path, []byte(text), 0o644)
}
