//go:build e2e && installed

package e2e

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// The .deb installed on this machine puts a menu entry whose command opens
// the app's window (run by `make test-dist` after installing the package).
func TestInstalledPackageOpensTheWindowFromItsMenuEntry(t *testing.T) {
	entry, err := os.Open("/usr/share/applications/usagedash.desktop")
	if err != nil {
		t.Fatalf("the menu entry is not installed: %v", err)
	}
	defer entry.Close()
	execLine := ""
	for sc := bufio.NewScanner(entry); sc.Scan(); {
		if v, ok := strings.CutPrefix(sc.Text(), "Exec="); ok {
			execLine = v
		}
	}
	command, err := exec.LookPath(strings.Fields(execLine)[0])
	if err != nil || command != "/usr/bin/usagedash" {
		t.Fatalf("the menu entry runs %q (%v), want the installed /usr/bin/usagedash", command, err)
	}
	if _, err := os.Stat("/usr/share/icons/hicolor/48x48/apps/usagedash.png"); err != nil {
		t.Fatalf("the menu icon is not installed: %v", err)
	}
	out, err := exec.Command(command, "--version").Output()
	if err != nil || !strings.HasPrefix(string(out), "usagedash ") || strings.Contains(string(out), " dev") {
		t.Fatalf("--version printed %q (%v), want the stamped version", out, err)
	}
	w := newWindow(t)
	w.start(t, []string{"--", command})
	w.waitForWindow(t) // the release build has no render probe
	w.screenshot(t, "installed.png")
}
