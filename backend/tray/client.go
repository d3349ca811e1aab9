package tray

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log"
	"os"
	"os/exec"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// Bounds on the helper.
const (
	closeTimeout   = 3 * time.Second // for the helper to end after its stdin closed
	firstBackoff   = 200 * time.Millisecond
	maxBackoff     = 30 * time.Second // between restarts of a helper that keeps dying
	healthyRunTime = time.Minute      // a helper that ran this long restarts at once
)

// Start shows the tray item and returns it. The item lives in a helper
// process (this executable run with HelperCommand) that owns its own main
// thread, as macOS requires, and is driven over a pipe; the same path runs
// on every system. The helper ends when the app ends (its stdin closes,
// also when the app dies; on Linux the kernel's parent-death signal kills
// it too) and is restarted, with a
// bounded back-off, if it dies. Start returns a Tray that does nothing when
// there is no tray to talk to (no session bus on Linux, no executable
// path). It never blocks and never panics.
func Start(cb Callbacks) Tray {
	if err := canStart(); err != nil {
		log.Printf("tray: %v; using a no-op tray", err)
		return noop{}
	}
	exe, err := os.Executable()
	if err != nil {
		log.Printf("tray: cannot find this program to start the tray helper: %v; using a no-op tray", err)
		return noop{}
	}
	t := &helperTray{
		exe:    exe,
		cb:     cb,
		want:   makeView(State{}),
		wake:   make(chan struct{}, 1),
		calls:  make(chan func(), 16),
		done:   make(chan struct{}),
		exited: make(chan struct{}),
	}
	go t.supervise()
	go t.dispatch()
	return t
}

// helperTray is the app's side of the tray: it keeps the helper running
// and sends it what to show.
type helperTray struct {
	exe    string
	cb     Callbacks
	wake   chan struct{} // an Update is pending
	calls  chan func()   // callbacks, run on the dispatch goroutine
	done   chan struct{} // closed by Close
	exited chan struct{} // closed when supervise has ended

	mu   sync.Mutex
	want view      // what to show
	proc *exec.Cmd // the running helper, if any

	ready     atomic.Bool  // the current helper said ready
	pid       atomic.Int64 // the current helper's pid (for tests)
	starts    atomic.Int64 // helpers started so far (for tests)
	sends     atomic.Int64 // views sent so far (for tests)
	closeOnce sync.Once
}

// Update implements Tray.
func (t *helperTray) Update(s State) {
	v := makeView(s)
	t.mu.Lock()
	t.want = v
	t.mu.Unlock()
	select {
	case t.wake <- struct{}{}:
	default: // one wake-up is already pending; it will see v
	}
}

// Close implements Tray: it closes the helper's stdin, waits for it to end
// (closeTimeout at most, then kills it).
func (t *helperTray) Close() {
	t.closeOnce.Do(func() { close(t.done) })
	select {
	case <-t.exited:
	case <-time.After(closeTimeout + time.Second):
		t.mu.Lock()
		if t.proc != nil {
			t.proc.Process.Kill()
		}
		t.mu.Unlock()
		log.Printf("tray: the tray helper did not end in time and was killed")
	}
}

// Available implements Tray.
func (t *helperTray) Available() bool {
	select {
	case <-t.done:
		return false
	default:
	}
	if !t.ready.Load() {
		return false
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	return HostAvailable(ctx) == nil
}

// supervise runs the helper, restarting it with a growing pause (up to
// maxBackoff) while it keeps dying, until Close or until a helper refuses
// to run because another usagedash tray is up.
func (t *helperTray) supervise() {
	defer close(t.exited)
	// Linux sends the parent-death signal when the thread that started the
	// helper ends, not the process: keep this goroutine on one thread that
	// lives until Close, so no other goroutine can end it first.
	runtime.LockOSThread()
	backoff := firstBackoff
	for {
		began := time.Now()
		refused, err := t.session()
		select {
		case <-t.done:
			return
		default:
		}
		if refused {
			log.Printf("tray: the tray helper cannot run (%v); no tray item", err)
			return
		}
		if time.Since(began) >= healthyRunTime {
			backoff = firstBackoff
		}
		log.Printf("tray: the tray helper ended (%v); starting it again in %v", err, backoff)
		select {
		case <-time.After(backoff):
		case <-t.done:
			return
		}
		backoff = min(backoff*2, maxBackoff)
	}
}

// session starts one helper and drives it until it ends or Close. refused
// says the helper refused to run, and err then says why.
func (t *helperTray) session() (refused bool, err error) {
	cmd := exec.Command(t.exe, HelperCommand)
	cmd.Stderr = os.Stderr
	cmd.SysProcAttr = helperProcAttr()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return false, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return false, err
	}
	if err := cmd.Start(); err != nil {
		return false, err
	}
	t.starts.Add(1)
	t.pid.Store(int64(cmd.Process.Pid))
	t.mu.Lock()
	t.proc = cmd
	t.mu.Unlock()
	defer func() {
		t.ready.Store(false)
		t.mu.Lock()
		t.proc = nil
		t.mu.Unlock()
	}()

	events := make(chan event, 16)
	ended := make(chan error, 1)
	go func() {
		readEvents(stdout, events)
		ended <- cmd.Wait()
	}()

	var sent view
	sentAny := false
	reason := errors.New("the tray helper refused to run")
	send := func() error {
		t.mu.Lock()
		v := t.want
		t.mu.Unlock()
		if sentAny && v.equal(sent) {
			return nil
		}
		line, err := json.Marshal(v)
		if err != nil {
			return err
		}
		if _, err := stdin.Write(append(line, '\n')); err != nil {
			return err
		}
		sent, sentAny = v, true
		t.sends.Add(1)
		return nil
	}
	if err := send(); err != nil {
		log.Printf("tray: cannot write to the tray helper: %v", err)
	}
	for {
		select {
		case <-t.wake:
			if err := send(); err != nil {
				log.Printf("tray: cannot write to the tray helper: %v", err)
			}
		case e, ok := <-events:
			if !ok {
				events = nil // stdout closed: the helper is ending
				continue
			}
			if e.Event == eventRefused {
				refused, reason = true, errors.New(e.Reason)
			}
			if e.Event == eventPause {
				sent.Paused = e.Paused // the helper flipped its checkbox itself
			}
			t.handle(e)
		case err := <-ended:
			if refused || exitCode(err) == exitRefused {
				return true, reason
			}
			return false, err
		case <-t.done:
			stdin.Close()
			select {
			case err := <-ended:
				return false, err
			case <-time.After(closeTimeout):
				cmd.Process.Kill()
				return false, <-ended
			}
		}
	}
}

// readEvents decodes the helper's event lines into events until stdout
// closes, then closes events.
func readEvents(stdout io.Reader, events chan<- event) {
	defer close(events)
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		var e event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			log.Printf("tray: a bad line from the tray helper: %v", err)
			continue
		}
		events <- e
	}
}

// handle acts on one event from the helper.
func (t *helperTray) handle(e event) {
	switch e.Event {
	case eventReady:
		t.ready.Store(true)
	case eventOpen:
		t.call(t.cb.OnOpen)
	case eventRefresh:
		t.call(t.cb.OnRefresh)
	case eventQuit:
		t.call(t.cb.OnQuit)
	case eventPause:
		if f, p := t.cb.OnPauseAlerts, e.Paused; f != nil {
			t.call(func() { f(p) })
		}
	case eventProfile:
		if f, id := t.cb.OnSwitchProfile, e.ID; f != nil {
			t.call(func() { f(id) })
		}
	}
}

// call queues a callback for the dispatch goroutine; a nil one is skipped,
// and clicks beyond a full queue are dropped rather than block the tray.
func (t *helperTray) call(f func()) {
	if f == nil {
		return
	}
	select {
	case t.calls <- f:
	default:
		log.Printf("tray: callbacks are backed up; a click was dropped")
	}
}

func (t *helperTray) dispatch() {
	for {
		select {
		case f := <-t.calls:
			f()
		case <-t.done:
			return
		}
	}
}

// exitCode returns the exit code in err from cmd.Wait, or -1.
func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	return -1
}
