package history

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"usagedash/backend"
)

// The helper process: with these variables set, TestHelperWriter saves
// reports into the store, forever or a given number of times.
const (
	helperDirEnv     = "USAGEDASH_CACHE_HELPER_DIR"
	helperProfileEnv = "USAGEDASH_CACHE_HELPER_PROFILE"
	helperCountEnv   = "USAGEDASH_CACHE_HELPER_COUNT"
)

// TestHelperWriter is not a test: it is the writer process that the crash
// and two-process tests start (and kill).
func TestHelperWriter(t *testing.T) {
	dir := os.Getenv(helperDirEnv)
	if dir == "" {
		t.Skip("helper process for TestCrash*/TestTwoProcesses*")
	}
	count, _ := strconv.Atoi(os.Getenv(helperCountEnv))
	limit := -1
	if count == 0 {
		limit = 40 // writing forever: prune as well
	}
	s, err := Open(dir, Options{MaxPerProfile: limit})
	if err != nil {
		t.Fatal(err)
	}
	pid := os.Getenv(helperProfileEnv)
	for i := 0; count == 0 || i < count; i++ {
		preset := []backend.PresetID{backend.PresetToday, backend.PresetLast30Days}[i%2]
		if _, err := s.Save(pid, "helper", testReport(i, preset, i%3 != 0)); err != nil {
			t.Fatal(err)
		}
	}
}

func startHelper(t *testing.T, dir, pid string, count int) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperDirEnv+"="+dir, helperProfileEnv+"="+pid, helperCountEnv+"="+strconv.Itoa(count))
	cmd.Stderr = os.Stderr // its stdout is only "PASS"
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

func TestCrashWhileWritingLeavesNoTornReport(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	dir := t.TempDir()
	var saved int
	leftovers := map[string]bool{}
	for round := 0; round < 5; round++ {
		cmd := startHelper(t, dir, "p1", 0)
		// Long enough for the process to start and write a few reports.
		time.Sleep(time.Duration(150+rand.IntN(250)) * time.Millisecond)
		if err := cmd.Process.Kill(); err != nil { // SIGKILL on Unix
			t.Fatal(err)
		}
		_ = cmd.Wait()
		for _, f := range tempFiles(t, dir) {
			leftovers[f] = true
		}
		s := openStore(t, dir, Options{MaxPerProfile: -1})
		saved = len(checkAllReadable(t, s))
	}
	t.Logf("after 5 kills: %d reports readable, %d temporary files left by killed writers", saved, len(leftovers))
	if saved == 0 {
		t.Fatal("the helper stored nothing")
	}

	// Whatever a killed writer left, plus one made sure of: recent temporary
	// files are kept (another copy of the app may be writing them), stale
	// ones go when the store is opened.
	stale := filepath.Join(dir, "p1", ".0000000000000000001-0000000000000000.json.tmp-123")
	if err := os.WriteFile(stale, []byte(`{"version":1,"entr`), 0o600); err != nil {
		t.Fatal(err)
	}
	checkAllReadable(t, openStore(t, dir, Options{MaxPerProfile: -1}))
	if len(tempFiles(t, dir)) == 0 {
		t.Fatal("a fresh temporary file was removed: it may belong to a live writer")
	}
	later := func() time.Time { return time.Now().Add(time.Hour) }
	checkAllReadable(t, openStore(t, dir, Options{MaxPerProfile: -1, Now: later}))
	if left := tempFiles(t, dir); len(left) != 0 {
		t.Fatalf("temporary files not cleaned up: %v", left)
	}
}

func TestTwoProcessesWritingAtOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	dir := t.TempDir()
	const n = 60
	cmds := []*exec.Cmd{startHelper(t, dir, "shared", n), startHelper(t, dir, "shared", n), startHelper(t, dir, "own", n)}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("helper: %v", err)
		}
	}
	s := openStore(t, dir, Options{MaxPerProfile: -1})
	checkAllReadable(t, s)
	shared, _, _ := s.List("shared")
	own, _, _ := s.List("own")
	if len(shared) != 2*n || len(own) != n {
		t.Fatalf("%d shared and %d own reports, want %d and %d", len(shared), len(own), 2*n, n)
	}
}
