package profiles_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"usagedash/backend"
	"usagedash/backend/profiles"
)

var platformProfile = backend.Profile{Name: "Team", Kind: backend.SourcePlatform, BaseURL: "https://agents.example.com", Login: "alice"}

func TestSaveActivateDeleteSurviveReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "usagedash", "profiles.json")
	s, err := profiles.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.Save(platformProfile)
	if err != nil || p.ID == "" {
		t.Fatalf("save: %v %+v", err, p)
	}
	db, err := s.Save(backend.Profile{Name: "DB", Kind: backend.SourceMongoDB, MongoURI: "mongodb://db:27017", Account: "bob"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetActive(db.ID); err != nil {
		t.Fatal(err)
	}
	reopened, err := profiles.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	list, _ := reopened.List()
	active, _ := reopened.Active()
	if len(list) != 2 || list[0] != p || active != db.ID {
		t.Fatalf("after reopening: %+v active %q", list, active)
	}
	if err := reopened.Delete(db.ID); err != nil {
		t.Fatal(err)
	}
	if active, _ := reopened.Active(); active != "" {
		t.Fatalf("deleting the active profile left it active: %q", active)
	}
	if _, err := reopened.Get(db.ID); backend.ErrorCode(err) != backend.ENOTFOUND {
		t.Fatalf("get deleted: %v", err)
	}
	fi, _ := os.Stat(path)
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", fi.Mode().Perm())
	}
}

func TestSaveRejectsInvalidAndDuplicateProfiles(t *testing.T) {
	s, _ := profiles.Open(filepath.Join(t.TempDir(), "p.json"))
	if _, err := s.Save(backend.Profile{Name: "x", Kind: backend.SourcePlatform}); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("missing address: %v", err)
	}
	if _, err := s.Save(platformProfile); err != nil {
		t.Fatal(err)
	}
	dup := platformProfile
	dup.Name = "team"
	if _, err := s.Save(dup); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("duplicate name: %v", err)
	}
}

func TestUnreadableFileIsKeptAsideNotLost(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "profiles.json")
	for _, content := range []string{`{"version":1,"profiles":[{"id":`, "", "\x00\x01garbage"} {
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := profiles.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(s.Warning(), "unreadable-") {
			t.Fatalf("no warning for %q: %q", content, s.Warning())
		}
		matches, _ := filepath.Glob(path + ".unreadable-*")
		if len(matches) == 0 {
			t.Fatal("the unreadable file was not kept")
		}
		kept, _ := os.ReadFile(matches[0])
		if string(kept) != content {
			t.Fatalf("kept %q, want %q", kept, content)
		}
		os.Remove(matches[0])
	}
}

// A file written by a newer usagedash is never moved: the window reads it
// and refuses to change it, and says so.
func TestNewerFileIsReadNotMoved(t *testing.T) {
	path := filepath.Join(t.TempDir(), "profiles.json")
	content := `{"version":99,"active_id":"a1","profiles":[{"id":"a1","name":"Team","kind":"platform","base_url":"https://p.example.com","login":"me"}],"future":true}`
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, open := range []func(string) (*profiles.Store, error){profiles.Open, profiles.OpenReadOnly} {
		s, err := open(path)
		if err != nil {
			t.Fatal(err)
		}
		list, _ := s.List()
		if len(list) != 1 || list[0].Name != "Team" {
			t.Fatalf("profiles %+v", list)
		}
		if _, err := s.Save(backend.Profile{Name: "Other", Kind: backend.SourcePlatform, BaseURL: "https://q.example.com", Login: "x"}); backend.ErrorCode(err) != backend.EINVALID {
			t.Fatalf("save into a newer file: %v", err)
		}
		if b, _ := os.ReadFile(path); string(b) != content {
			t.Fatalf("the newer file changed: %s", b)
		}
		if m, _ := filepath.Glob(path + ".unreadable-*"); len(m) != 0 {
			t.Fatalf("the newer file was moved: %v", m)
		}
	}
	s, _ := profiles.Open(path)
	if !strings.Contains(s.Warning(), "newer usagedash") {
		t.Fatalf("warning %q", s.Warning())
	}
}

// The command line never moves a damaged or empty file: it refuses with a
// sentence that says what is wrong and leaves the file for the window.
func TestReadOnlyOpenReportsAndKeepsADamagedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "profiles.json")
	for content, want := range map[string]string{"": "the file is empty", "{garbage": "not valid JSON", `{"profiles":[]}`: "no format version"} {
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := profiles.OpenReadOnly(path)
		if err == nil || !strings.Contains(backend.ErrorMessage(err), want) || !strings.Contains(backend.ErrorMessage(err), "Open the usagedash window") {
			t.Fatalf("%q: %v", content, err)
		}
		if b, _ := os.ReadFile(path); string(b) != content {
			t.Fatalf("%q: the file changed to %q", content, b)
		}
		if m, _ := filepath.Glob(path + ".unreadable-*"); len(m) != 0 {
			t.Fatalf("%q: the file was moved: %v", content, m)
		}
	}
	// A missing file is an empty list, and the command line writes nothing.
	os.Remove(path)
	s, err := profiles.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Save(backend.Profile{Name: "X", Kind: backend.SourcePlatform, BaseURL: "https://p.example.com", Login: "x"}); err == nil {
		t.Fatal("the command line's store saved a profile")
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("the command line created %s", path)
	}
}
