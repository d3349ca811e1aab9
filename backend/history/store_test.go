package history

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/redact"
)

func TestSaveListGetLatestDelete(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 5, 20, 8, 0, 0, 0, time.UTC), step: time.Minute}
	s := openStore(t, t.TempDir(), Options{Now: clock.Now})

	today1 := mustSave(t, s, "p1", testReport(1, backend.PresetToday, true))
	month := mustSave(t, s, "p1", testReport(2, backend.PresetThisMonth, false))
	today2 := mustSave(t, s, "p1", testReport(3, backend.PresetToday, true))
	other := mustSave(t, s, "p2", testReport(4, backend.PresetToday, false))

	entries, warns, err := s.List("p1")
	if err != nil || len(warns) != 0 {
		t.Fatal(err, warns)
	}
	if len(entries) != 3 || entries[0].ID != today2.ID || entries[1].ID != month.ID || entries[2].ID != today1.ID {
		t.Fatalf("p1 list not newest first: %+v", entries)
	}
	if all, _, _ := s.List(""); len(all) != 4 || all[0].ID != other.ID {
		t.Fatalf("all-profiles list: %+v", all)
	}

	r, e, err := s.Latest("p1", "today@Europe/Berlin")
	if err != nil || e.ID != today2.ID || r.TotalCostUSD != testReport(3, backend.PresetToday, true).TotalCostUSD {
		t.Fatalf("latest today: %v %+v", err, e)
	}
	if r.Breakdowns == nil || len(r.Breakdowns.ByDay) != 30 {
		t.Fatal("breakdowns were not kept")
	}
	if e.ProfileName != "Work p1" || e.PeriodKey != PeriodKey(r.Period) || !e.FetchedAt.Equal(today2.FetchedAt) || e.TotalTokens != r.TotalTokens {
		t.Fatalf("entry %+v", e)
	}
	if _, e, err := s.LatestAny("p1"); err != nil || e.ID != today2.ID {
		t.Fatalf("latest any: %v %+v", err, e)
	}
	if _, _, err := s.Latest("p1", "yesterday@Europe/Berlin"); backend.ErrorCode(err) != backend.ENOTFOUND {
		t.Fatalf("latest of a period never fetched: %v", err)
	}
	if _, _, err := s.LatestAny("nobody"); backend.ErrorCode(err) != backend.ENOTFOUND {
		t.Fatalf("latest of an unknown profile: %v", err)
	}

	if err := s.Delete(today2.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(today2.ID); backend.ErrorCode(err) != backend.ENOTFOUND {
		t.Fatalf("second delete: %v", err)
	}
	if _, e, err := s.Latest("p1", "today@Europe/Berlin"); err != nil || e.ID != today1.ID {
		t.Fatalf("latest after delete: %v %+v", err, e)
	}
	for _, bad := range []string{"", "p1", "../p1/x", "p1/../../etc/passwd", today1.ID + "/x"} {
		if _, _, err := s.Get(bad); backend.ErrorCode(err) != backend.ENOTFOUND {
			t.Errorf("get %q: %v", bad, err)
		}
	}
	for _, bad := range []string{"", "../x", "a/b", "a.b", strings.Repeat("x", 65)} {
		if _, err := s.Save(bad, "x", testReport(0, backend.PresetToday, false)); backend.ErrorCode(err) != backend.EINVALID {
			t.Errorf("save under profile %q: %v", bad, err)
		}
	}
}

func TestPeriodKey(t *testing.T) {
	day1, _ := backend.ResolvePreset(backend.PresetToday, time.Date(2026, 1, 1, 12, 0, 0, 0, berlin), berlin)
	day2, _ := backend.ResolvePreset(backend.PresetToday, time.Date(2026, 1, 2, 12, 0, 0, 0, berlin), berlin)
	utc, _ := backend.ResolvePreset(backend.PresetToday, time.Date(2026, 1, 2, 12, 0, 0, 0, berlin), time.UTC)
	if PeriodKey(day1) != "today@Europe/Berlin" || PeriodKey(day1) != PeriodKey(day2) || PeriodKey(utc) != "today@UTC" {
		t.Fatal(PeriodKey(day1), PeriodKey(day2), PeriodKey(utc))
	}
	a := time.Date(2026, 1, 1, 0, 0, 0, 0, berlin)
	custom, _ := backend.CustomPeriod(&a, nil)
	if got := PeriodKey(custom); got != "custom:2025-12-31T23:00:00Z..@Europe/Berlin" {
		t.Fatal(got)
	}
}

func TestHistoryRollsOverByCount(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 5, 20, 8, 0, 0, 0, time.UTC), step: time.Minute}
	s := openStore(t, t.TempDir(), Options{MaxPerProfile: 5, Now: clock.Now})
	var saved []Entry
	for i := 0; i < 8; i++ {
		saved = append(saved, mustSave(t, s, "p1", testReport(i, backend.PresetToday, false)))
	}
	mustSave(t, s, "p2", testReport(0, backend.PresetToday, false))
	entries, _, _ := s.List("p1")
	if len(entries) != 5 {
		t.Fatalf("%d reports kept, want 5", len(entries))
	}
	for i, e := range entries {
		if want := saved[7-i]; e.ID != want.ID {
			t.Fatalf("kept %s at %d, want %s", e.ID, i, want.ID)
		}
	}
	if n, _ := dirSize(t, filepath.Join(s.Dir(), "p1")); n == 0 {
		t.Fatal("no files")
	}
	if _, files := dirSize(t, filepath.Join(s.Dir(), "p1")); files != 5 {
		t.Fatalf("%d files on disk, want 5", files)
	}
}

func TestHistoryRollsOverByAge(t *testing.T) {
	day := 24 * time.Hour
	start := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	clock := &fakeClock{t: start}
	s := openStore(t, t.TempDir(), Options{MaxAge: 10 * day, Now: clock.Now})
	for _, d := range []int{0, 5, 12, 20} {
		clock.Set(start.Add(time.Duration(d) * day))
		mustSave(t, s, "p1", testReport(d, backend.PresetToday, false))
	}
	entries, _, _ := s.List("p1")
	if len(entries) != 2 || !entries[1].FetchedAt.Equal(start.Add(12*day)) {
		t.Fatalf("after day 20: %+v", entries)
	}
	clock.Set(start.Add(29 * day))
	if err := s.Prune(); err != nil {
		t.Fatal(err)
	}
	if entries, _, _ := s.List("p1"); len(entries) != 1 || !entries[0].FetchedAt.Equal(start.Add(20*day)) {
		t.Fatalf("after day 29: %+v", entries)
	}
	// Reopening applies the bounds too.
	clock.Set(start.Add(60 * day))
	s = openStore(t, s.Dir(), Options{MaxAge: 10 * day, Now: clock.Now})
	if entries, _, _ := s.List(""); len(entries) != 0 {
		t.Fatalf("after day 60: %+v", entries)
	}
}

func TestDamagedFilesAreSkippedWithWarnings(t *testing.T) {
	s := openStore(t, t.TempDir(), Options{MaxPerProfile: -1})
	var good []Entry
	for i := 0; i < 3; i++ {
		good = append(good, mustSave(t, s, "p1", testReport(i, backend.PresetToday, true)))
	}
	valid := readJSON(t, filePath(s, good[0])) // plain JSON files are read too
	zipped, err := os.ReadFile(filePath(s, good[0]))
	if err != nil {
		t.Fatal(err)
	}
	flipped := bytes.Clone(zipped)
	flipped[len(flipped)/2] ^= 0x40
	future := bytes.Replace(valid, []byte(`{"version":1,`), []byte(`{"version":7,"new_layout":[],`), 1)
	futureOddShape := []byte(`{"version":2,"entry":"now a string","report":[1,2]}`)
	negative := bytes.Replace(valid, []byte(`"total_workflows":15`), []byte(`"total_workflows":-15`), 1)
	mismatch := bytes.Replace(valid, []byte(`"profile_id":"p1"`), []byte(`"profile_id":"p9"`), 1)
	garbage := make([]byte, 3000)
	for i := range garbage {
		garbage[i] = byte(i*7919 + 13)
	}
	bad := map[string][]byte{
		"empty": {}, "garbage": garbage, "future": future, "future-shape": futureOddShape,
		"negative": negative, "other-profile": mismatch, "nulls": []byte(`{"version":1,"entry":null,"report":null}`),
		"no-version": []byte(`{"entry":{},"report":{}}`), "huge": bytes.Repeat([]byte(" "), MaxFileSize+1),
		"bit-flip": flipped, "gzip-of-nothing": zipped[:10],
	}
	for _, n := range []int{3, 30, len(zipped) / 2, len(zipped) - 4, len(zipped) - 1} {
		bad["gzip-cut-at-"+strconv.Itoa(n)] = zipped[:n]
	}
	for _, n := range []int{1, 10, len(valid) / 3, len(valid) / 2, len(valid) - 1} {
		bad["truncated-at-"+strconv.Itoa(n)] = valid[:n]
	}
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	names := map[string]string{}
	for what, data := range bad {
		clock = clock.Add(time.Second)
		name, _ := newFileName(clock)
		names[name] = what
		if err := os.WriteFile(filepath.Join(s.Dir(), "p1", name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(s.Dir(), "p1", "notes.txt"), []byte("mine"), 0o600)
	os.WriteFile(filepath.Join(s.Dir(), "p1", ".DS_Store"), []byte("x"), 0o600)

	entries, warns, err := s.List("")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 3 {
		t.Fatalf("%d entries, want the 3 good ones: %+v", len(entries), entries)
	}
	if len(warns) != len(bad)+1 {
		t.Fatalf("%d warnings, want %d: %+v", len(warns), len(bad)+1, warns)
	}
	for _, w := range warns {
		what := names[filepath.Base(w.File)]
		t.Logf("%-14s %s", what, w.Reason)
		if strings.HasPrefix(what, "future") && !strings.Contains(w.Reason, "newer usagedash") {
			t.Errorf("%s: %q does not say a newer usagedash wrote it", what, w.Reason)
		}
		if w.Reason == "" || w.File == "" {
			t.Errorf("empty warning %+v", w)
		}
		id := "p1/" + stem(filepath.Base(w.File))
		if _, _, err := s.Get(id); what != "" && backend.ErrorCode(err) != backend.EBADDATA {
			t.Errorf("get %s (%s): %v", id, what, err)
		}
	}
	// The newest file is a damaged one: Latest falls back to a good report.
	if _, e, err := s.LatestAny("p1"); err != nil || e.ID != good[2].ID {
		t.Fatalf("latest: %v %+v", err, e)
	}
}

func TestPermissionsArePrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	dir := filepath.Join(t.TempDir(), "data", "reports")
	s := openStore(t, dir, Options{})
	e := mustSave(t, s, "p1", testReport(0, backend.PresetToday, false))
	for path, want := range map[string]os.FileMode{
		dir: 0o700, filepath.Join(dir, "p1"): 0o700, filePath(s, e): 0o600,
	} {
		fi, err := os.Stat(path)
		if err != nil || fi.Mode().Perm() != want {
			t.Errorf("%s: %v %v, want %v", path, fi.Mode().Perm(), err, want)
		}
	}
}

func TestSecretsAreNeverStored(t *testing.T) {
	s := openStore(t, t.TempDir(), Options{})
	r := testReport(0, backend.PresetToday, false)
	label := "MongoDB mongodb://u:secret@h:27017/db?authSource=admin&password=hunter2 / claude_workflows"
	r.Source.Label = label
	r.Source.Account = "alice via https://bob:s3cr3t-token@api.example.com"
	r.Period.Label = "mongodb+srv://x:p@ss@w0rd@cluster.example.net/db"
	e, err := s.Save("p1", "Prod (mongodb://admin:topsecret@db)", r)
	if err != nil {
		t.Fatal(err)
	}
	if r.Source.Label != label {
		t.Fatal("Save modified the caller's report")
	}
	data := readJSON(t, filePath(s, e))
	for _, secret := range []string{"secret", "hunter2", "s3cr3t", "p@ss", "w0rd", "topsecret", "password"} {
		if bytes.Contains(data, []byte(secret)) {
			t.Errorf("the stored file contains %q", secret)
		}
	}
	got, _, err := s.Get(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Source.Label != "MongoDB mongodb://h:27017/db / claude_workflows" || !strings.Contains(got.Source.Account, "https://api.example.com") {
		t.Fatalf("labels %q / %q", got.Source.Label, got.Source.Account)
	}
	if got := redact.URIs("MongoDB 127.0.0.1:27017 / claude_workflows"); got != "MongoDB 127.0.0.1:27017 / claude_workflows" {
		t.Fatalf("a label without URI changed: %q", got)
	}
}

func TestInvalidReportsAreRefused(t *testing.T) {
	s := openStore(t, t.TempDir(), Options{})
	r := testReport(0, backend.PresetToday, true)
	r.Breakdowns.ByModel[0].Logs = -1
	if _, err := s.Save("p1", "x", r); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("negative count saved: %v", err)
	}
	if _, err := s.Save("p1", "x", nil); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("nil report saved: %v", err)
	}
	if entries, _, _ := s.List(""); len(entries) != 0 {
		t.Fatal(entries)
	}
}

func TestTwoStoresWritingAtOnce(t *testing.T) {
	for _, limit := range []int{-1, 10} {
		dir := t.TempDir()
		a, b := openStore(t, dir, Options{MaxPerProfile: limit}), openStore(t, dir, Options{MaxPerProfile: limit})
		var wg sync.WaitGroup
		for _, s := range []*Store{a, b, a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < 25; i++ {
					mustSave(t, s, "p1", testReport(i, backend.PresetToday, true))
					if _, warns, err := s.List("p1"); err != nil || len(warns) > 0 {
						t.Errorf("list while writing: %v %+v", err, warns)
					}
				}
			}()
		}
		wg.Wait()
		want := 100
		if limit > 0 {
			want = limit
		}
		if n := len(checkAllReadable(t, openStore(t, dir, Options{MaxPerProfile: limit}))); n != want {
			t.Fatalf("limit %d: %d reports, want %d", limit, n, want)
		}
	}
}
