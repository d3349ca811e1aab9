//go:build !darwin

package tray

import (
	"errors"
	"log"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/systray"
)

// errNotStarted wraps errors of run that leave systray untouched.
var errNotStarted = errors.New("tray not started")

// started guards fyne.io/systray, a process-wide singleton that can be
// started once per process.
var started atomic.Bool

// Bounds on waiting for the platform's tray.
const (
	startTimeout = 3 * time.Second
	closeTimeout = 3 * time.Second
)

// Start shows the tray item and returns it. It returns a Tray that does
// nothing when the tray cannot start (no session bus on Linux, checked
// within a few seconds), on every call after one that started the tray
// (fyne.io/systray is a process-wide singleton), and on macOS (not wired
// yet). It never blocks for long and never panics.
func Start(cb Callbacks) Tray {
	if !started.CompareAndSwap(false, true) {
		log.Printf("tray: already started once in this process; using a no-op tray")
		return noop{}
	}
	t := &sysTray{
		cb:     cb,
		wake:   make(chan struct{}, 1),
		clicks: make(chan func()),
		calls:  make(chan func(), 16),
		done:   make(chan struct{}),
		exited: make(chan struct{}),
	}
	ready := make(chan struct{})
	end, err := run(func() { t.build(); close(ready) })
	if err != nil {
		log.Printf("tray: %v; using a no-op tray", err)
		if errors.Is(err, errNotStarted) {
			started.Store(false) // systray was not touched: a later Start may try again
		}
		return noop{}
	}
	select {
	case <-ready:
	case <-time.After(startTimeout):
		log.Printf("tray: the tray did not start within %v; using a no-op tray", startTimeout)
		safely(end)
		return noop{}
	}
	t.end = end
	t.apply(State{})
	go t.loop()
	go t.dispatch()
	return t
}

// sysTray is the fyne.io/systray tray. After Start, only the loop
// goroutine touches systray and the fields marked as owned by it.
type sysTray struct {
	cb     Callbacks
	end    func()
	wake   chan struct{} // an Update is pending
	clicks chan func()   // menu clicks, run on the loop
	calls  chan func()   // callbacks, run on the dispatch goroutine
	done   chan struct{} // closed by Close
	exited chan struct{} // closed when the loop has ended

	mu        sync.Mutex
	pending   State
	closeOnce sync.Once

	// Owned by the loop (or by Start before the loop starts).
	open, refresh, today, month, forecast, profile, pause, quit *systray.MenuItem
	profileItems                                                []*systray.MenuItem
	shown                                                       shown
}

// shown is what the tray shows now.
type shown struct {
	title, tooltip, icon string
	menu                 menuTexts
	profiles             []ProfileItem
	activeID             string
	paused               bool
}

// Update implements Tray.
func (t *sysTray) Update(s State) {
	t.mu.Lock()
	t.pending = s
	t.mu.Unlock()
	select {
	case t.wake <- struct{}{}:
	default: // one wake-up is already pending; it will see s
	}
}

// Close implements Tray.
func (t *sysTray) Close() {
	t.closeOnce.Do(func() { close(t.done) })
	select {
	case <-t.exited:
	case <-time.After(closeTimeout):
		log.Printf("tray: the tray loop did not end within %v", closeTimeout)
	}
}

// Available implements Tray.
func (t *sysTray) Available() bool {
	select {
	case <-t.done:
		return false
	default:
		return hostAvailable()
	}
}

// build creates the menu with placeholder labels; apply fills them in.
func (t *sysTray) build() {
	t.open = systray.AddMenuItem("Open dashboard", "")
	t.refresh = systray.AddMenuItem("Refresh now", "")
	systray.AddSeparator()
	t.today = systray.AddMenuItem("Today: —", "")
	t.month = systray.AddMenuItem("This month: —", "")
	t.forecast = systray.AddMenuItem("Forecast: —", "")
	for _, it := range []*systray.MenuItem{t.today, t.month, t.forecast} {
		it.Disable()
	}
	systray.AddSeparator()
	t.profile = systray.AddMenuItem("Profile: —", "")
	t.profile.Hide()
	t.pause = systray.AddMenuItemCheckbox("Pause alerts", "", false)
	systray.AddSeparator()
	t.quit = systray.AddMenuItem("Quit usagedash", "")
	t.shown.menu = menuTexts{today: "Today: —", month: "This month: —", forecast: "Forecast: —", profile: "Profile: —"}

	t.listen(t.open, func() { t.call(t.cb.OnOpen) })
	t.listen(t.refresh, func() { t.call(t.cb.OnRefresh) })
	t.listen(t.quit, func() { t.call(t.cb.OnQuit) })
	t.listen(t.pause, func() {
		t.shown.paused = !t.shown.paused
		setChecked(t.pause, t.shown.paused)
		if f, p := t.cb.OnPauseAlerts, t.shown.paused; f != nil {
			t.call(func() { f(p) })
		}
	})
}

// listen runs onClick on the loop for each click of item, until the item
// is removed or the tray closed. systray drops clicks that nobody is
// waiting for, so there is always a goroutine waiting.
func (t *sysTray) listen(item *systray.MenuItem, onClick func()) {
	go func() {
		for {
			select {
			case _, ok := <-item.ClickedCh:
				if !ok {
					return
				}
				select {
				case t.clicks <- onClick:
				case <-t.done:
					return
				}
			case <-t.done:
				return
			}
		}
	}()
}

// call queues a callback for the dispatch goroutine; a nil one is skipped,
// and clicks beyond a full queue are dropped rather than block the tray.
func (t *sysTray) call(f func()) {
	if f == nil {
		return
	}
	select {
	case t.calls <- f:
	default:
		log.Printf("tray: callbacks are backed up; a click was dropped")
	}
}

func (t *sysTray) dispatch() {
	for {
		select {
		case f := <-t.calls:
			f()
		case <-t.done:
			return
		}
	}
}

func (t *sysTray) loop() {
	defer close(t.exited)
	for {
		select {
		case <-t.wake:
			t.mu.Lock()
			s := t.pending
			t.mu.Unlock()
			t.apply(s)
		case f := <-t.clicks:
			f()
		case <-t.done:
			safely(t.end)
			return
		}
	}
}

// apply changes what differs between s and what is shown.
func (t *sysTray) apply(s State) {
	title, tooltip := Describe(s)
	tooltip = platformTooltip(tooltip)
	if title != t.shown.title {
		systray.SetTitle(title)
		t.shown.title = title
	}
	if tooltip != t.shown.tooltip {
		systray.SetTooltip(tooltip)
		t.shown.tooltip = tooltip
	}
	icon := "app"
	if hasData(s) {
		_, text := figure(s)
		icon = text + "|" + s.Glance.Level
	}
	if icon != t.shown.icon {
		systray.SetIcon(iconBytes(s))
		t.shown.icon = icon
	}
	m := describeMenu(s)
	setLabel(t.today, m.today, t.shown.menu.today)
	setLabel(t.month, m.month, t.shown.menu.month)
	setLabel(t.forecast, m.forecast, t.shown.menu.forecast)
	setLabel(t.profile, m.profile, t.shown.menu.profile)
	t.shown.menu = m
	if !slices.Equal(s.Profiles, t.shown.profiles) {
		t.rebuildProfiles(s)
	} else if s.ActiveID != t.shown.activeID {
		for i, p := range s.Profiles {
			setChecked(t.profileItems[i], p.ID == s.ActiveID)
		}
	}
	t.shown.activeID = s.ActiveID
	if s.AlertsPaused != t.shown.paused {
		setChecked(t.pause, s.AlertsPaused)
		t.shown.paused = s.AlertsPaused
	}
}

// rebuildProfiles replaces the profile submenu's items.
func (t *sysTray) rebuildProfiles(s State) {
	for _, it := range t.profileItems {
		it.Remove()
	}
	t.profileItems = t.profileItems[:0]
	for _, p := range s.Profiles {
		it := t.profile.AddSubMenuItemCheckbox(p.Name, "", p.ID == s.ActiveID)
		id, f := p.ID, t.cb.OnSwitchProfile
		t.listen(it, func() {
			if f != nil {
				t.call(func() { f(id) })
			}
		})
		t.profileItems = append(t.profileItems, it)
	}
	if has := len(s.Profiles) > 0; has != (len(t.shown.profiles) > 0) {
		if has {
			t.profile.Show()
		} else {
			t.profile.Hide()
		}
	}
	t.shown.profiles = slices.Clone(s.Profiles)
	// systray announces a new layout only when an existing item changes,
	// not when one is added: touch the submenu so hosts reload it.
	t.profile.SetTitle(t.shown.menu.profile)
}

func setLabel(item *systray.MenuItem, text, old string) {
	if text != old {
		item.SetTitle(text)
	}
}

func setChecked(item *systray.MenuItem, on bool) {
	if item.Checked() == on {
		return
	}
	if on {
		item.Check()
	} else {
		item.Uncheck()
	}
}

// safely calls f, surviving a panic in the platform's tray code (ending a
// tray whose bus connection failed dereferences a nil connection).
func safely(f func()) {
	if f == nil {
		return
	}
	defer func() {
		if r := recover(); r != nil {
			log.Printf("tray: %v", r)
		}
	}()
	f()
}
