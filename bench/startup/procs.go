package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// procInfo is one process of an app's tree as /proc shows it.
type procInfo struct {
	pid   int
	comm  string
	rssKB int64 // VmRSS
	pssKB int64 // Pss from smaps_rollup: shared pages split between sharers
	ticks int64 // utime + stime, in clock ticks
}

// memory is the sum over an app's process tree.
type memory struct {
	rssKB, pssKB int64
	procs        []procInfo
}

// MB is the tree's RSS in MB.
func (m memory) MB() float64 { return float64(m.rssKB) / 1024 }

// PssMB is the tree's PSS in MB.
func (m memory) PssMB() float64 { return float64(m.pssKB) / 1024 }

// String lists the processes, biggest first.
func (m memory) String() string {
	var parts []string
	for _, p := range m.procs {
		parts = append(parts, fmt.Sprintf("%s %.0f", p.comm, float64(p.rssKB)/1024))
	}
	return strings.Join(parts, " + ")
}

// parents maps every live pid to its parent.
func parents() map[int]int {
	out := map[int]int{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// The command name may hold spaces and parentheses: fields follow the last ')'.
		s := string(b)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(f) > 1 {
			ppid, _ := strconv.Atoi(f[1])
			out[pid] = ppid
		}
	}
	return out
}

// tree is pid and all its live descendants.
func tree(pid int) []int {
	pp := parents()
	if _, ok := pp[pid]; !ok {
		return nil
	}
	children := map[int][]int{}
	for c, p := range pp {
		children[p] = append(children[p], c)
	}
	var out []int
	for queue := []int{pid}; len(queue) > 0; queue = queue[1:] {
		out = append(out, queue[0])
		queue = append(queue, children[queue[0]]...)
	}
	return out
}

// readProc reads one process's memory and CPU time (false: it is gone).
func readProc(pid int) (procInfo, bool) {
	dir := filepath.Join("/proc", strconv.Itoa(pid))
	p := procInfo{pid: pid}
	stat, err := os.ReadFile(filepath.Join(dir, "stat"))
	if err != nil {
		return p, false
	}
	s := string(stat)
	p.comm = s[strings.IndexByte(s, '(')+1 : strings.LastIndexByte(s, ')')]
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) > 12 {
		ut, _ := strconv.ParseInt(f[11], 10, 64)
		st, _ := strconv.ParseInt(f[12], 10, 64)
		p.ticks = ut + st
	}
	p.rssKB = statusField(filepath.Join(dir, "status"), "VmRSS:")
	p.pssKB = statusField(filepath.Join(dir, "smaps_rollup"), "Pss:")
	return p, true
}

// statusField reads a "Name:   123 kB" line of a /proc file.
func statusField(path, name string) int64 {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), name); ok {
			v, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return v
		}
	}
	return 0
}

// measureTree sums memory and CPU time over pid's tree.
func measureTree(pid int) (memory, int64) {
	var m memory
	var ticks int64
	for _, p := range tree(pid) {
		info, ok := readProc(p)
		if !ok {
			continue
		}
		m.rssKB += info.rssKB
		m.pssKB += info.pssKB
		ticks += info.ticks
		m.procs = append(m.procs, info)
	}
	sort.Slice(m.procs, func(i, j int) bool { return m.procs[i].rssKB > m.procs[j].rssKB })
	return m, ticks
}

// idleMemory waits until pid's tree is idle (under 2 % of one core over the
// last 2 s), then returns its memory. It gives up after limit and measures
// anyway, saying so.
func idleMemory(ctx context.Context, pid int, limit time.Duration) (memory, bool, error) {
	const window = 2 * time.Second
	const step = 250 * time.Millisecond
	hz := int64(100) // USER_HZ on Linux
	type sample struct {
		at    time.Time
		ticks int64
	}
	var hist []sample
	deadline := time.Now().Add(limit)
	for {
		m, ticks := measureTree(pid)
		if len(m.procs) == 0 {
			return m, false, fmt.Errorf("the app (pid %d) is gone", pid)
		}
		now := time.Now()
		hist = append(hist, sample{now, ticks})
		for len(hist) > 1 && now.Sub(hist[0].at) > window {
			hist = hist[1:]
		}
		if span := now.Sub(hist[0].at); span >= window-step {
			used := float64(ticks-hist[0].ticks) / float64(hz)
			if used/span.Seconds() < 0.02 {
				return m, true, nil
			}
		}
		if now.After(deadline) {
			return m, false, nil
		}
		select {
		case <-ctx.Done():
			return m, false, ctx.Err()
		case <-time.After(step):
		}
	}
}
