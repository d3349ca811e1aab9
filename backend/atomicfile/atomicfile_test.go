package atomicfile_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"usagedash/backend/atomicfile"
)

func TestWriteFileReplacesContentWithPrivateModes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nested", "profiles.json")
	for _, content := range []string{"first", "second, longer content"} {
		if err := atomicfile.WriteFile(path, []byte(content)); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != content {
			t.Fatalf("read %q, %v; want %q", got, err, content)
		}
	}
	fi, _ := os.Stat(path)
	di, _ := os.Stat(filepath.Dir(path))
	if fi.Mode().Perm() != 0o600 || di.Mode().Perm() != 0o700 {
		t.Fatalf("modes file %v dir %v, want 0600 and 0700", fi.Mode().Perm(), di.Mode().Perm())
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
}

func TestSetAsideKeepsTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "settings.json")
	if err := os.WriteFile(path, []byte("{damaged"), 0o600); err != nil {
		t.Fatal(err)
	}
	aside, err := atomicfile.SetAside(path)
	if err != nil || !strings.HasPrefix(aside, path+".unreadable-") {
		t.Fatalf("SetAside = %q, %v", aside, err)
	}
	if got, err := os.ReadFile(aside); err != nil || string(got) != "{damaged" {
		t.Fatalf("set-aside file %q, %v", got, err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("the original is still there: %v", err)
	}
}
