//go:build linux

package secrets_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"usagedash/backend/secrets"
	"usagedash/backend/sessionbus/dbustest"
)

// childVar selects what a re-executed test binary does in TestMain.
const childVar = "USAGEDASH_SECRETS_CHILD"

func TestMain(m *testing.M) {
	switch os.Getenv(childVar) {
	case "store": // the app's path: Open, then use the store
		s, warning := secrets.Open(os.Getenv("SECRETS_FILE"))
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		err := s.Set(ctx, "session:p1", "tok")
		if err == nil {
			_, err = s.Get(ctx, "session:p1")
		}
		os.Stdout.WriteString(s.Kind() + "\n" + warning + "\n")
		if err != nil {
			os.Stdout.WriteString(err.Error())
			os.Exit(1)
		}
		os.Exit(0)
	case "raw": // go-keyring called directly, as the app did before
		_, _ = keyring.Get("usagedash", "session:p1")
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// runChild runs this test binary in mode with no session bus and returns
// its output and the dbus-daemons it left behind.
func runChild(t *testing.T, mode string, extra ...string) (string, []int) {
	t.Helper()
	env, mark := dbustest.NoBusEnv(t, append(extra, childVar+"="+mode)...)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil && mode == "store" {
		t.Fatalf("child: %v\n%s", err, out)
	}
	return string(out), dbustest.DaemonsMarked(mark)
}

// With no session bus, using the secret store starts no dbus-daemon (the
// D-Bus library would run dbus-launch, whose daemon outlives the run): it
// says there is no bus and uses the file. The control run calls go-keyring
// directly, as the app did before, and must leave a daemon behind, which
// shows the count can see one.
func TestNoSessionBusStartsNoDaemon(t *testing.T) {
	if _, err := exec.LookPath("dbus-launch"); err != nil {
		t.Fatal("dbus-launch is not installed (Debian package dbus-x11); the control run needs it to show what a leak looks like")
	}
	file := filepath.Join(t.TempDir(), "secrets.json")
	out, leaked := runChild(t, "store", "SECRETS_FILE="+file)
	if len(leaked) != 0 {
		dbustest.KillAll(leaked)
		t.Errorf("the secret store left %d dbus-daemon(s) behind", len(leaked))
	}
	if !strings.HasPrefix(out, "file\n") || !strings.Contains(out, "No session bus: the keychain is unavailable") {
		t.Errorf("child said %q", out)
	}
	if _, err := os.Stat(file); err != nil {
		t.Errorf("the secret did not go to the file: %v", err)
	}

	_, leaked = runChild(t, "raw")
	dbustest.KillAll(leaked)
	if len(leaked) == 0 {
		t.Error("the control run (go-keyring without the check) left no dbus-daemon: the count cannot see a leak")
	}
}
