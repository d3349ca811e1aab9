package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// sessionScript runs inside dbus-run-session: it starts a tray host (the
// StatusNotifier watcher; from a subshell, so it is no child of the app and
// not counted in its memory), waits until the watcher owns its bus name, writes
// the shell's pid and the wall clock in nanoseconds, and becomes the app, so
// the pid is the app's and the time is the app's start.
const sessionScript = `(gtk-sni-tray-standalone --watcher >/dev/null 2>&1 &)
i=0
until gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
  --method org.freedesktop.DBus.NameHasOwner org.kde.StatusNotifierWatcher 2>/dev/null | grep -q true; do
  i=$((i+1)); [ $i -gt 600 ] && { echo "no tray watcher after 60 s" >&2; exit 97; }
  sleep 0.1
done
echo "$DBUS_SESSION_BUS_ADDRESS" > "$BENCH_BUS_FILE"
echo $$ > "$BENCH_PID_FILE"
date +%s%N > "$BENCH_T0_FILE"
exec "$@"`

// display is one Xvfb server on a fixed display number.
type display struct {
	name string
	cmd  *exec.Cmd
	done chan struct{}
}

// startDisplay starts Xvfb on :num and waits until it answers clients.
func startDisplay(ctx context.Context, num int) (*display, error) {
	name := ":" + strconv.Itoa(num)
	cmd := exec.Command("Xvfb", name, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var log bytes.Buffer
	cmd.Stderr = &log
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting Xvfb: %w", err)
	}
	d := &display{name: name, cmd: cmd, done: make(chan struct{})}
	go func() { _ = cmd.Wait(); close(d.done) }()
	err := waitFor(ctx, 15*time.Second, "Xvfb "+name+" to answer", func() (bool, error) {
		select {
		case <-d.done:
			return false, fmt.Errorf("the X server %s exited: %s", name, strings.TrimSpace(log.String()))
		default:
		}
		c := exec.Command("xdotool", "getdisplaygeometry")
		c.Env = append(os.Environ(), "DISPLAY="+name)
		return c.Run() == nil, nil
	})
	if err != nil {
		d.stop()
	}
	return d, err
}

func (d *display) stop() { stopGroup(d.cmd, d.done) }

// appRun is one start of an app in its own session bus on the display.
type appRun struct {
	dir    string // the run's state: pid and t0 files, log
	cmd    *exec.Cmd
	done   chan struct{}
	pid    int
	start  time.Time // the wall clock just before the app's exec
	probe  string
	bus    string // the session bus address
	logf   *os.File
	window string // regexp of the window title
}

// launch starts bin with args under dbus-run-session with env (the isolated
// HOME and XDG folders), and waits for its pid and start time.
func launch(ctx context.Context, dir, disp, bin string, args, env []string, probe, window string) (*appRun, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	r := &appRun{dir: dir, probe: probe, window: window, done: make(chan struct{})}
	_ = os.Remove(probe)
	pidFile, t0File := filepath.Join(dir, "pid"), filepath.Join(dir, "t0")
	_ = os.Remove(pidFile)
	_ = os.Remove(t0File)
	cmdArgs := append([]string{"--", "sh", "-c", sessionScript, "sh", bin}, args...)
	r.cmd = exec.Command("dbus-run-session", cmdArgs...)
	r.cmd.Env = append(append(os.Environ(), env...), "DISPLAY="+disp, "USAGEDASH_RENDER_PROBE="+probe,
		// USAGEDASH_PROF: where a temporary instrumented build writes its timing marks.
		"USAGEDASH_PROF="+filepath.Join(dir, "prof.log"), "BENCH_PID_FILE="+pidFile, "BENCH_T0_FILE="+t0File, "BENCH_BUS_FILE="+filepath.Join(dir, "bus"))
	r.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	logf, err := os.Create(filepath.Join(dir, "app.log"))
	if err != nil {
		return nil, err
	}
	r.logf = logf
	r.cmd.Stdout, r.cmd.Stderr = logf, logf
	if err := r.cmd.Start(); err != nil {
		logf.Close()
		return nil, err
	}
	go func() { _ = r.cmd.Wait(); close(r.done) }()
	err = waitFor(ctx, 90*time.Second, "the app to start", func() (bool, error) {
		if r.exited() {
			return false, fmt.Errorf("the session exited before the app started: %s", r.logTail())
		}
		pid, err1 := readInt(pidFile)
		ns, err2 := readInt(t0File)
		if err1 != nil || err2 != nil {
			return false, nil
		}
		bus, err := os.ReadFile(filepath.Join(dir, "bus"))
		if err != nil {
			return false, nil
		}
		r.pid, r.start, r.bus = int(pid), time.Unix(0, ns), strings.TrimSpace(string(bus))
		return true, nil
	})
	if err != nil {
		r.stop()
		return nil, err
	}
	return r, nil
}

func (r *appRun) exited() bool {
	select {
	case <-r.done:
		return true
	default:
		return false
	}
}

// logTail is the end of the run's output, for error messages.
func (r *appRun) logTail() string {
	b, _ := os.ReadFile(r.logf.Name())
	if len(b) > 1500 {
		b = b[len(b)-1500:]
	}
	return string(b)
}

// stop ends the session and every process in its group, and whatever of
// the app's process tree left the group (WebKit's helpers may).
func (r *appRun) stop() {
	var left []int
	if r.pid != 0 {
		left = tree(r.pid)
	}
	stopGroup(r.cmd, r.done)
	for _, p := range left {
		if _, alive := readProc(p); alive {
			_ = syscall.Kill(p, syscall.SIGKILL)
		}
	}
	r.logf.Close()
}

// stopGroup sends SIGTERM to the process group, then SIGKILL after 5 s.
func stopGroup(cmd *exec.Cmd, done <-chan struct{}) {
	if cmd == nil || cmd.Process == nil {
		return
	}
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-done
	}
	// Children that outlived the leader still carry the group id.
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
}

// waitFor polls cond every 20 ms until it holds, fails, or the deadline passes.
func waitFor(ctx context.Context, limit time.Duration, what string, cond func() (bool, error)) error {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	for {
		ok, err := cond()
		if err != nil {
			return err
		}
		if ok {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("timed out after %v waiting for %s", limit, what)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func readInt(path string) (int64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	s := strings.TrimSpace(string(b))
	if s == "" {
		return 0, errors.New("empty")
	}
	return strconv.ParseInt(s, 10, 64)
}

// xdotool runs xdotool on the display and returns its output lines.
func xdotool(ctx context.Context, disp string, args ...string) ([]string, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	c := exec.CommandContext(ctx, "xdotool", args...)
	c.Env = append(os.Environ(), "DISPLAY="+disp)
	out, err := c.Output()
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	return lines, err
}

// visibleWindows are the ids of the run's mapped windows.
func (r *appRun) visibleWindows(ctx context.Context, disp string) []string {
	ids, _ := xdotool(ctx, disp, "search", "--onlyvisible", "--name", r.window)
	return ids
}
