package cli_test

import (
	"encoding/json"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"usagedash/backend"
)

// copyTree copies the folder src into a new temporary folder.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// The committed Claude Code corpus of backend/claudecode, whose totals its
// tests compute by hand: 254,317 input and 4,573 output tokens, $1.634302.
func TestReportSourceClaudeCode(t *testing.T) {
	t.Setenv("CLAUDE_CONFIG_DIR", copyTree(t, "../../backend/claudecode/testdata/claude"))
	for _, v := range []string{"XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"} {
		t.Setenv(v, t.TempDir())
	}
	out, errOut, code := runCommand(t, "", "report", "--json", "--source", "claude-code", "--utc")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r backend.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("output is not a report: %v\n%s", err, out)
	}
	if r.Source.Kind != backend.SourceClaudeCode || !r.Source.CostComputed || r.TotalInputTokens != 254317 ||
		r.TotalOutputTokens != 4573 || math.Abs(r.TotalCostUSD-1.634302) > 0.00005 {
		t.Errorf("report: source %+v, %d input, %d output, $%.6f", r.Source, r.TotalInputTokens, r.TotalOutputTokens, r.TotalCostUSD)
	}

	_, errOut, code = runCommand(t, "", "report", "--source", "claude")
	if code == 0 || !strings.Contains(errOut, `Unknown --source "claude"`) {
		t.Errorf("an unknown source: exit %d, %q", code, errOut)
	}
}
