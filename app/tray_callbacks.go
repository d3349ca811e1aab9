package app

import (
	"log/slog"
	"sync/atomic"

	"usagedash/backend/tray"
)

// TrayMenu answers the tray menu through the workspace, as the window's
// services do, and remembers whether the user chose Quit (so closing the
// window then quits instead of hiding to the tray).
type TrayMenu struct {
	ws       *Workspace
	window   *Window
	quitting atomic.Bool
}

// NewTrayMenu returns the tray menu's handler.
func NewTrayMenu(ws *Workspace, window *Window) *TrayMenu {
	return &TrayMenu{ws: ws, window: window}
}

// Callbacks are the tray's callbacks. The tray flips its checkboxes at
// once; every switch or pause refreshes, so the tray then shows what was
// really saved even when saving failed.
func (m *TrayMenu) Callbacks() tray.Callbacks {
	return tray.Callbacks{
		OnOpen:    m.window.Show,
		OnRefresh: m.ws.RequestRefresh,
		OnQuit: func() {
			m.quitting.Store(true)
			m.window.Quit()
		},
		OnSwitchProfile: func(id string) {
			if err := m.ws.Activate(id); err != nil {
				slog.Warn("the tray could not switch the connection", "err", err)
				m.ws.RequestRefresh()
			}
		},
		OnPauseAlerts: func(paused bool) {
			if err := m.ws.SetAlertsPaused(paused); err != nil {
				slog.Warn("the tray could not pause the alerts", "err", err)
				m.ws.RequestRefresh()
			}
		},
	}
}

// Quitting reports whether the user chose Quit in the tray.
func (m *TrayMenu) Quitting() bool { return m.quitting.Load() }
