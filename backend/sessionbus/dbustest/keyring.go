package dbustest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// KeyringPassword is the login keyring's password in StartKeyring.
const KeyringPassword = "usagedash-test-keyring"

// StartKeyring runs a gnome-keyring-daemon (secrets component only) on the
// test's bus at addr, with its keyrings in a temporary folder, its login
// keyring created and unlocked with KeyringPassword (fed on stdin), and
// waits until it owns org.freedesktop.secrets. The daemon is killed when the
// test ends. The test fails, saying why, when gnome-keyring-daemon is not
// installed.
func StartKeyring(t testing.TB, addr string) {
	t.Helper()
	daemon, err := exec.LookPath("gnome-keyring-daemon")
	if err != nil {
		t.Fatal("gnome-keyring-daemon is not installed (Debian package gnome-keyring); the keychain tests need a real Secret Service")
	}
	home := t.TempDir()
	runtime := filepath.Join(home, "run")
	if err := os.Mkdir(runtime, 0o700); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(daemon, "--foreground", "--components=secrets", "--unlock")
	cmd.Env = append(os.Environ(), "DBUS_SESSION_BUS_ADDRESS="+addr, "HOME="+home,
		"XDG_DATA_HOME="+filepath.Join(home, "data"), "XDG_RUNTIME_DIR="+runtime)
	cmd.Stdin = strings.NewReader(KeyringPassword)
	startDaemon(t, cmd, "gnome-keyring-daemon")
	WaitForName(t, addr, "org.freedesktop.secrets")
}

// WaitForName waits (30 s at most) until name has an owner on the bus at
// addr, watching NameOwnerChanged rather than polling.
func WaitForName(t testing.TB, addr, name string) {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := conn.AddMatchSignal(dbus.WithMatchInterface("org.freedesktop.DBus"),
		dbus.WithMatchMember("NameOwnerChanged"), dbus.WithMatchArg(0, name)); err != nil {
		t.Fatal(err)
	}
	signals := make(chan *dbus.Signal, 16)
	conn.Signal(signals)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var owned bool
	if err := conn.BusObject().CallWithContext(ctx, "org.freedesktop.DBus.NameHasOwner", 0, name).Store(&owned); err != nil {
		t.Fatal(err)
	}
	for !owned {
		select {
		case s := <-signals:
			if len(s.Body) == 3 && s.Body[0] == name {
				owned = s.Body[2] != ""
			}
		case <-ctx.Done():
			t.Fatalf("%s did not appear on the bus within 30 s", name)
		}
	}
}
