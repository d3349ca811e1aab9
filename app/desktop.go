package app

import (
	"context"
	"io"
	"sync/atomic"
	"time"

	"github.com/wailsapp/wails/v2/pkg/options"

	"usagedash/backend/budget"
	"usagedash/backend/tray"
)

// glanceTimeout bounds each report a glance refresh asks for.
const glanceTimeout = 30 * time.Second

// Desktop is the window's life cycle as Wails calls it: at start-up it
// attaches the window, starts the tray and the glance refreshes; it decides
// whether closing hides to the tray; and it answers a second start.
type Desktop struct {
	ws        *Workspace
	window    *Window
	life      *Lifecycle
	alerter   *budget.Alerter // nil: no alerts
	loc       *time.Location
	startTray func(tray.Callbacks) tray.Tray
	menu      *TrayMenu

	tray atomic.Value // tray.Tray, once started
}

// NewDesktop returns the Desktop; startTray starts the tray (tray.Start),
// alerter may be nil.
func NewDesktop(ws *Workspace, window *Window, life *Lifecycle, alerter *budget.Alerter, loc *time.Location, startTray func(tray.Callbacks) tray.Tray) *Desktop {
	return &Desktop{ws: ws, window: window, life: life, alerter: alerter, loc: loc, startTray: startTray, menu: NewTrayMenu(ws, window)}
}

// Startup is Wails' OnStartup. It runs only in the one instance that holds
// the single-instance lock, so a second start never shows a second tray.
func (d *Desktop) Startup(ctx context.Context) {
	d.window.Attach(ctx)
	t := d.startTray(d.menu.Callbacks())
	d.tray.Store(t)
	builder := NewGlanceBuilder(d.ws, NewGlanceFetcher(d.ws, d.loc, glanceTimeout), d.alerter, t, d.loc)
	go NewScheduler(d.ws.RefreshInterval, d.ws.Refreshes(), builder.Refresh).Run(d.life.Context())
}

// BeforeClose is Wails' OnBeforeClose: closing the window keeps the app in
// the tray when the settings say so and there is a tray, unless the user
// chose Quit.
func (d *Desktop) BeforeClose(context.Context) bool {
	t, ok := d.tray.Load().(tray.Tray)
	if ok && !d.menu.Quitting() && d.ws.Settings().CloseToTray && t.Available() {
		d.window.Hide()
		return true
	}
	return false
}

// Shutdown is Wails' OnShutdown: it cancels the work in flight and removes
// the tray.
func (d *Desktop) Shutdown(context.Context) {
	d.life.Shutdown()
	if t, ok := d.tray.Load().(tray.Tray); ok {
		t.Close()
	}
}

// SecondStart answers a second start of the app (Wails' single-instance
// lock hands its arguments over and ends it): the running window comes to
// the front, except for a --hidden start (a login item), which changes
// nothing.
func (d *Desktop) SecondStart(data options.SecondInstanceData) {
	if f, err := ParseWindowFlags(data.Args, io.Discard); err == nil && f.Hidden {
		return
	}
	d.window.Show()
}
