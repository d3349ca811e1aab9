package main

import (
	"context"
	"fmt"
	"os/exec"
	"regexp"
	"time"
)

var (
	trayItemRE = regexp.MustCompile(`org\.kde\.StatusNotifierItem-\d+-1`)
	openItemRE = regexp.MustCompile(`\((\d+), \{[^}]*'label': <'Open dashboard'>`)
)

// gdbus calls a method on the session bus at addr.
func gdbus(ctx context.Context, addr string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "gdbus", append([]string{"call", "--address", addr}, args...)...).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("gdbus %v: %w: %s", args, err, out)
	}
	return string(out), nil
}

// clickTrayOpen clicks usagedash's "Open dashboard" tray menu item through
// the menu's DBus interface, as a tray host does when a person clicks it.
func clickTrayOpen(ctx context.Context, addr string) error {
	var item string
	err := waitFor(ctx, 30*time.Second, "the tray item on the bus", func() (bool, error) {
		names, err := gdbus(ctx, addr, "--dest", "org.freedesktop.DBus", "--object-path", "/org/freedesktop/DBus",
			"--method", "org.freedesktop.DBus.ListNames")
		item = trayItemRE.FindString(names)
		return err == nil && item != "", nil
	})
	if err != nil {
		return err
	}
	const menu = "/StatusNotifierItem/menu"
	layout, err := gdbus(ctx, addr, "--dest", item, "--object-path", menu, "--method", "com.canonical.dbusmenu.GetLayout", "--", "0", "-1", "[]")
	if err != nil {
		return err
	}
	m := openItemRE.FindStringSubmatch(layout)
	if m == nil {
		return fmt.Errorf("no \"Open dashboard\" item in the tray menu: %.300s", layout)
	}
	_, err = gdbus(ctx, addr, "--dest", item, "--object-path", menu, "--method", "com.canonical.dbusmenu.Event", m[1], "clicked", "<int32 0>", "0")
	return err
}
