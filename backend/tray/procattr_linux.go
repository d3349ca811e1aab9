package tray

import "syscall"

// helperProcAttr has the kernel kill the helper when the app dies, even
// without closing its stdin (a SIGKILL, a crash).
func helperProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
