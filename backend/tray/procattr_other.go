//go:build !linux

package tray

import "syscall"

// helperProcAttr is nil: elsewhere the helper ends when its stdin closes,
// which the OS does when the app dies.
func helperProcAttr() *syscall.SysProcAttr { return nil }
