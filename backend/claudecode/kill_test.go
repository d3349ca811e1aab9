package claudecode

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMain lets the test binary play a usagedash process that refreshes
// while a transcript grows, for TestKilledProcess to kill.
func TestMain(m *testing.M) {
	if dir := os.Getenv("CLAUDECODE_TEST_CHILD"); dir != "" {
		child(dir)
		return
	}
	os.Exit(m.Run())
}

// child appends one request and refreshes, over and over, printing a line
// after each refresh, until it is killed.
func child(dir string) {
	s, err := New(Options{Folders: []string{filepath.Join(dir, "claude")}, CacheDir: filepath.Join(dir, "cache"), DataDir: filepath.Join(dir, "data")})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	path := filepath.Join(dir, "claude", "projects", "-k", "s-k.jsonl")
	for i := 0; ; i++ {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err == nil {
			_, err = f.WriteString(assistantLine("s-k", "/k", "2026-12-04T10:00:00.000Z", fmt.Sprint("km", os.Getpid(), "-", i), fmt.Sprint("kr", os.Getpid(), "-", i), "claude-haiku-4-5", 1, 1))
			f.Close()
		}
		if err == nil {
			_, err = s.Refresh(context.Background())
		}
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		fmt.Println(i)
	}
}

// A usagedash process killed (SIGKILL) while it appends to its record and
// index loses nothing and counts nothing twice.
func TestKilledProcess(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "claude", "projects", "-k"), 0o755); err != nil {
		t.Fatal(err)
	}
	for round := range 3 {
		cmd := exec.Command(exe, "-test.run=^$")
		cmd.Env = append(os.Environ(), "CLAUDECODE_TEST_CHILD="+dir)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(out)
		for n := 0; n < 20+round*7 && lines.Scan(); n++ {
			if strings.HasPrefix(lines.Text(), "error:") {
				t.Fatal(lines.Text())
			}
		}
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()
	}
	b, err := os.ReadFile(filepath.Join(dir, "claude", "projects", "-k", "s-k.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	written := strings.Count(string(b), "\n")
	s := open(t, stores{filepath.Join(dir, "cache"), filepath.Join(dir, "data")}, filepath.Join(dir, "claude"))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r, err := s.Report(ctx, allTime())
	if err != nil {
		t.Fatal(err)
	}
	// A kill mid-append may leave a cut-off last line: it is not a request.
	complete := written
	if !strings.HasSuffix(string(b), "\n") {
		complete--
	}
	if r.Pricing.LogsWithoutCost != int64(complete) || r.TotalInputTokens != int64(complete) {
		t.Errorf("after kills: %d requests, %d input tokens; the transcript has %d complete requests",
			r.Pricing.LogsWithoutCost, r.TotalInputTokens, complete)
	}
}
