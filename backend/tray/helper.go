package tray

import (
	"bufio"
	"encoding/json"
	"io"
	"log"
	"os"
	"slices"
	"sync"

	"fyne.io/systray"
)

// Exit codes of the tray helper.
const (
	exitRefused = 3 // the helper cannot run here: do not restart it
)

// maxViewLine bounds one line from the app (a view with its icon).
const maxViewLine = 4 << 20

// RunHelper runs the tray helper, the process that owns the tray item: it
// must be called on the main goroutine (fyne.io/systray locks it to the
// main thread, which macOS requires), reads views from stdin, writes events
// to stdout, and returns the exit code when stdin closes (the app ended).
// It refuses to run, with exit code 3, when another usagedash tray item is
// already up in this desktop session (or, on Linux, there is no session
// bus).
func RunHelper() int {
	h := &helper{out: json.NewEncoder(os.Stdout)}
	release, err := claimTray()
	if err != nil {
		h.send(event{Event: eventRefused, Reason: err.Error()})
		return exitRefused
	}
	defer release()
	hideFromDock()
	systray.Run(func() { h.ready(os.Stdin) }, nil)
	return 0
}

// helper is the tray helper's state. The menu items and shown are guarded
// by mu: views arrive on the reader goroutine, clicks on theirs.
type helper struct {
	outMu sync.Mutex
	out   *json.Encoder

	mu                                                          sync.Mutex
	open, refresh, today, month, forecast, profile, pause, quit *systray.MenuItem
	profileItems                                                []*systray.MenuItem
	shown                                                       view
}

// send writes one event line to the app.
func (h *helper) send(e event) {
	h.outMu.Lock()
	defer h.outMu.Unlock()
	if err := h.out.Encode(e); err != nil {
		log.Printf("tray helper: cannot write to the app: %v", err)
	}
}

// ready builds the menu, says so, and applies views from in, on its own
// goroutine (systray serves the menu only once ready has returned), until
// in closes; then it ends systray.
func (h *helper) ready(in io.Reader) {
	h.build()
	h.send(event{Event: eventReady})
	go func() {
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 64<<10), maxViewLine)
		for sc.Scan() {
			var v view
			if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
				log.Printf("tray helper: a bad line from the app: %v", err)
				continue
			}
			h.apply(v)
		}
		systray.Quit()
	}()
}

// build creates the menu with placeholder labels; apply fills them in.
func (h *helper) build() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.open = systray.AddMenuItem("Open dashboard", "")
	h.refresh = systray.AddMenuItem("Refresh now", "")
	systray.AddSeparator()
	h.today = systray.AddMenuItem("Today: —", "")
	h.month = systray.AddMenuItem("This month: —", "")
	h.forecast = systray.AddMenuItem("Forecast: —", "")
	for _, it := range []*systray.MenuItem{h.today, h.month, h.forecast} {
		it.Disable()
	}
	systray.AddSeparator()
	h.profile = systray.AddMenuItem("Profile: —", "")
	h.profile.Hide()
	h.pause = systray.AddMenuItemCheckbox("Pause alerts", "", false)
	systray.AddSeparator()
	h.quit = systray.AddMenuItem("Quit usagedash", "")
	h.shown.Menu = menuTexts{Today: "Today: —", Month: "This month: —", Forecast: "Forecast: —", Profile: "Profile: —"}

	h.listen(h.open, func() { h.send(event{Event: eventOpen}) })
	h.listen(h.refresh, func() { h.send(event{Event: eventRefresh}) })
	h.listen(h.quit, func() { h.send(event{Event: eventQuit}) })
	h.listen(h.pause, func() {
		h.mu.Lock()
		h.shown.Paused = !h.shown.Paused
		setChecked(h.pause, h.shown.Paused)
		paused := h.shown.Paused
		h.mu.Unlock()
		h.send(event{Event: eventPause, Paused: paused})
	})
}

// listen calls onClick for each click of item until the item is removed.
// systray drops clicks that nobody is waiting for, so there is always a
// goroutine waiting.
func (h *helper) listen(item *systray.MenuItem, onClick func()) {
	go func() {
		for range item.ClickedCh {
			onClick()
		}
	}()
}

// apply changes what differs between v and what is shown.
func (h *helper) apply(v view) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if v.Title != h.shown.Title {
		systray.SetTitle(v.Title)
	}
	if v.Tooltip != h.shown.Tooltip {
		systray.SetTooltip(v.Tooltip)
	}
	if len(v.Icon) > 0 && string(v.Icon) != string(h.shown.Icon) {
		systray.SetIcon(v.Icon)
	}
	setLabel(h.today, v.Menu.Today, h.shown.Menu.Today)
	setLabel(h.month, v.Menu.Month, h.shown.Menu.Month)
	setLabel(h.forecast, v.Menu.Forecast, h.shown.Menu.Forecast)
	setLabel(h.profile, v.Menu.Profile, h.shown.Menu.Profile)
	if !slices.Equal(v.Profiles, h.shown.Profiles) {
		h.rebuildProfiles(v)
	} else if v.ActiveID != h.shown.ActiveID {
		for i, p := range v.Profiles {
			setChecked(h.profileItems[i], p.ID == v.ActiveID)
		}
	}
	setChecked(h.pause, v.Paused)
	h.shown = v
}

// rebuildProfiles replaces the profile submenu's items. h.mu is held.
func (h *helper) rebuildProfiles(v view) {
	for _, it := range h.profileItems {
		it.Remove()
	}
	h.profileItems = h.profileItems[:0]
	for _, p := range v.Profiles {
		it := h.profile.AddSubMenuItemCheckbox(p.Name, "", p.ID == v.ActiveID)
		id := p.ID
		h.listen(it, func() { h.send(event{Event: eventProfile, ID: id}) })
		h.profileItems = append(h.profileItems, it)
	}
	if has := len(v.Profiles) > 0; has != (len(h.shown.Profiles) > 0) {
		if has {
			h.profile.Show()
		} else {
			h.profile.Hide()
		}
	}
	// systray announces a new layout only when an existing item changes,
	// not when one is added: touch the submenu so hosts reload it.
	h.profile.SetTitle(v.Menu.Profile)
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
