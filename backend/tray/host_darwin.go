package tray

import "context"

// iconSize is the menu bar icon's size in points.
const iconSize = 22

// canStart is nil: the menu bar is always there.
func canStart() error { return nil }

// HostAvailable returns nil: macOS always has its menu bar.
func HostAvailable(context.Context) error { return nil }

// claimTray takes nothing: the app's single-instance lock keeps a second
// copy (and its helper) from starting.
func claimTray() (release func(), err error) { return func() {}, nil }

func iconBytes(s State) []byte { return iconPNG(s, iconSize) }

func platformTooltip(s string) string { return s }
