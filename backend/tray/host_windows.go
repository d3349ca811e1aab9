package tray

import (
	"context"
	"unicode/utf16"

	"usagedash/backend/trayicon"
)

// canStart is nil: Windows always has its notification area.
func canStart() error { return nil }

// HostAvailable returns nil: Windows always has its notification area.
func HostAvailable(context.Context) error { return nil }

// claimTray takes nothing: the app's single-instance lock keeps a second
// copy (and its helper) from starting.
func claimTray() (release func(), err error) { return func() {}, nil }

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
