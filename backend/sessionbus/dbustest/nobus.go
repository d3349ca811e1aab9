package dbustest

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// markVar is the environment variable NoBusEnv marks a child's processes
// with, so the dbus-daemons it leaves behind can be told from every other.
const markVar = "USAGEDASH_TEST_BUS_MARK"

// NoBusEnv returns the test process's environment with no session bus in
// it (DBUS_SESSION_BUS_ADDRESS unset, XDG_RUNTIME_DIR an empty folder)
// plus extra, and a mark: every process started from that environment,
// including a dbus-daemon that dbus-launch would fork off and orphan,
// carries the mark, which DaemonsMarked finds.
func NoBusEnv(t testing.TB, extra ...string) (env []string, mark string) {
	t.Helper()
	b := make([]byte, 8)
	rand.Read(b)
	mark = hex.EncodeToString(b)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DBUS_SESSION_BUS_ADDRESS=") && !strings.HasPrefix(kv, "XDG_RUNTIME_DIR=") {
			env = append(env, kv)
		}
	}
	env = append(env, "XDG_RUNTIME_DIR="+t.TempDir(), markVar+"="+mark)
	return append(env, extra...), mark
}

// DaemonsMarked returns the pids of the running dbus-daemon processes whose
// environment carries mark.
func DaemonsMarked(mark string) []int {
	var pids []int
	want := []byte(markVar + "=" + mark)
	procs, _ := filepath.Glob("/proc/[0-9]*")
	for _, dir := range procs {
		comm, err := os.ReadFile(filepath.Join(dir, "comm"))
		if err != nil || strings.TrimSpace(string(comm)) != "dbus-daemon" {
			continue
		}
		environ, err := os.ReadFile(filepath.Join(dir, "environ"))
		if err != nil {
			continue
		}
		for _, kv := range bytes.Split(environ, []byte{0}) {
			if bytes.Equal(kv, want) {
				pid, _ := strconv.Atoi(filepath.Base(dir))
				pids = append(pids, pid)
			}
		}
	}
	return pids
}

// KillAll kills the processes pids (the daemons DaemonsMarked found).
func KillAll(pids []int) {
	for _, pid := range pids {
		syscall.Kill(pid, syscall.SIGKILL)
	}
}
