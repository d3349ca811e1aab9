package tray

import (
	"runtime"
	"unicode/utf16"

	"fyne.io/systray"

	"usagedash/backend/trayicon"
)

// run starts systray on a goroutine locked to its own OS thread: Windows
// delivers a window's messages only to the thread that created it, so
// systray's window and its message loop must share one thread (its
// external-loop mode would split them). Wails' own loop is not involved.
func run(onReady func()) (end func(), err error) {
	go func() {
		runtime.LockOSThread()
		systray.Run(onReady, nil)
	}()
	return systray.Quit, nil
}

// hostAvailable is true: Windows always has its notification area.
func hostAvailable() bool { return true }

// iconBytes is a multi-size .ico: Windows loads its default icon size
// (32 px at 100%) and scales it for the tray.
func iconBytes(s State) []byte {
	return trayicon.ICO(iconPNG(s, 16), iconPNG(s, 32), iconPNG(s, 48), iconPNG(s, 64))
}

// platformTooltip cuts s to the 127 UTF-16 units a Windows tray tooltip
// holds (systray would otherwise leave it without its terminating NUL).
func platformTooltip(s string) string {
	if len(utf16.Encode([]rune(s))) <= 127 {
		return s
	}
	r := []rune(s)
	for len(utf16.Encode(r)) > 126 {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
