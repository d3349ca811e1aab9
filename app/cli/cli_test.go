package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"usagedash/app/apptest"
	"usagedash/app/cli"
	"usagedash/backend"
	"usagedash/backend/mongodb"
	"usagedash/backend/pricing"
	"usagedash/backend/sample"
)

var runCommand = apptest.RunCommand

func TestReportCommandPrintsTheSourceReport(t *testing.T) {
	srv := apptest.SeededServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	src, err := mongodb.Open(ctx, mongodb.Config{URI: srv.URI()})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close(ctx)
	start, end := time.Now().Add(-5*24*time.Hour).UTC().Truncate(time.Second), time.Now().UTC().Truncate(time.Second)
	period, _ := backend.CustomPeriod(&start, &end)
	// With no saved settings, the command prices with the shipped table.
	want, err := src.Report(ctx, backend.Query{Account: sample.DemoUsername, Period: period, Pricer: pricing.Default()})
	if err != nil {
		t.Fatal(err)
	}
	if want.Pricing == nil || want.Pricing.ComputedUSD == 0 {
		t.Fatalf("the report has no pricing: %+v", want.Pricing)
	}
	t.Setenv(cli.EnvMongoURI, srv.URI())
	out, errOut, code := runCommand(t, "", "report", "--json", "--user", sample.DemoEmail,
		"--from", start.Format(time.RFC3339), "--to", end.Format(time.RFC3339))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got backend.Report
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not a report: %v\n%s", err, out)
	}
	got.GeneratedAt, want.GeneratedAt = time.Time{}, time.Time{}
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if !bytes.Equal(g, w) || want.TotalTokens == 0 {
		t.Fatalf("report command printed\n%s\nwant\n%s", g, w)
	}

	// Whole days: one day in UTC has hours, three days in New York have days.
	day := time.Now().UTC().AddDate(0, 0, -1).Format(time.DateOnly)
	first := time.Now().UTC().AddDate(0, 0, -3).Format(time.DateOnly)
	for _, c := range []struct {
		args   []string
		zone   string
		bucket string
		rows   int
	}{
		{[]string{"--from", day, "--to", day, "--utc"}, "UTC", backend.BucketHour, 24},
		{[]string{"--from", first, "--to", day, "--tz", "America/New_York"}, "America/New_York", backend.BucketDay, 3},
	} {
		out, errOut, code := runCommand(t, "", append([]string{"report", "--json", "--user", sample.DemoUsername}, c.args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, errOut)
		}
		var r backend.Report
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		if r.Period.TimeZone != c.zone || r.Period.Preset != backend.PresetCustom || r.Series == nil ||
			r.Series.Bucket != c.bucket || len(r.Series.Rows) != c.rows {
			t.Fatalf("%v: period %+v, series %+v", c.args, r.Period, r.Series)
		}
	}
}

func TestReportCommandErrorsAreOneLine(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	cases := []struct {
		name string
		uri  string
		args []string
		want string
	}{
		{"no source", "", []string{"report", "--user", "demo"}, "pass --profile NAME"},
		{"bad flag", "", []string{"report", "--nope"}, "flag provided but not defined"},
		{"bad period", "mongodb://127.0.0.1:1/", []string{"report", "--user", "x", "--period", "fortnight"}, `Unknown period "fortnight"`},
		{"bad time", "", []string{"report", "--from", "yesterday"}, "--from must be an RFC 3339 time"},
		{"bad day", "", []string{"report", "--from", "2026-02-30", "--to", "2026-03-01"}, `The start date "2026-02-30" is not a date`},
		{"days reversed", "", []string{"report", "--from", "2026-03-02", "--to", "2026-03-01", "--utc"}, "The period ends (2026-03-01) before it starts (2026-03-02)."},
		{"day and time", "", []string{"report", "--from", "2026-03-01", "--to", "2026-03-02T00:00:00Z"}, "Give both --from and --to as days"},
		{"server down", "mongodb://admin:topsecret@127.0.0.1:1/?serverSelectionTimeoutMS=300", []string{"report", "--user", "demo"}, "Cannot reach MongoDB 127.0.0.1:1"},
		{"unknown profile", "", []string{"report", "--profile", "nope"}, `No saved connection named "nope"`},
		{"weak serve secret", "", []string{"serve"}, "USAGEDASH_JWT_SECRET"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv(cli.EnvMongoURI, c.uri)
			t.Setenv(cli.EnvJWTSecret, "")
			out, errOut, code := runCommand(t, "", c.args...)
			if code == 0 || out != "" {
				t.Fatalf("exit %d, stdout %q: want a failure", code, out)
			}
			if strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, c.want) || strings.Contains(errOut, "topsecret") {
				t.Fatalf("stderr %q: want one line containing %q and no secret", errOut, c.want)
			}
		})
	}
}

// A word that is no command, a typo of one, or a stray argument after the
// flags is refused with one clear line and exit status 2; nothing else runs.
func TestCommandLineMistakesAreUsageErrors(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv(cli.EnvMongoURI, "")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"reprot"}, `unknown command "reprot": the commands are report, `},
		{[]string{"prices2", "list"}, `unknown command "prices2"`},
		{[]string{"report", "--user", "demo", "extra", "--json"}, `report: unexpected argument "extra"`},
		{[]string{"version", "now"}, `version: unexpected argument "now"`},
		{[]string{"report", "--nope"}, "report: flag provided but not defined: -nope"},
	}
	for _, c := range cases {
		out, errOut, code := runCommand(t, "", c.args...)
		if code != 2 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and one line with %q", c.args, code, out, errOut, c.want)
		}
	}
}

func TestCommandLineDispatch(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{nil, false}, {[]string{"--hidden"}, false}, {[]string{"-theme", "dark"}, false},
		{[]string{"report"}, true}, {[]string{"reprot"}, true}, {[]string{"--version"}, true},
	} {
		if got := cli.IsCommand(c.args); got != c.want {
			t.Errorf("IsCommand(%q) = %v, want %v", c.args, got, c.want)
		}
	}
	for _, args := range [][]string{{"version"}, {"--version"}} {
		out, errOut, code := runCommand(t, "", args...)
		if code != 0 || out != "usagedash test\n" || errOut != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	out, _, code := runCommand(t, "", "report", "-h")
	if code != 0 || !strings.Contains(out, "-offline") {
		t.Errorf("report -h: exit %d, stdout %q", code, out)
	}
}

// The command line never sets the window's files aside: a damaged
// profiles.json fails the run with the reason and stays where it is; a
// settings entry this build cannot use is reported and left out.
func TestReportReadsTheWindowFilesReadOnly(t *testing.T) {
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	dir := filepath.Join(config, "usagedash")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	profilesPath := filepath.Join(dir, "profiles.json")
	if err := os.WriteFile(profilesPath, []byte(`{"version":1,"profiles":[{"id":`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runCommand(t, "", "report", "--profile", "Team")
	if code != 1 || !strings.Contains(errOut, "Cannot read the saved connections") || !strings.Contains(errOut, "not valid JSON") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if m, _ := filepath.Glob(profilesPath + ".unreadable-*"); len(m) != 0 {
		t.Fatalf("the command line moved the file: %v", m)
	}
	if _, err := os.Stat(profilesPath); err != nil {
		t.Fatal(err)
	}

	srv := apptest.SeededServer(t)
	settingsPath := filepath.Join(dir, "settings.json")
	settingsJSON := `{"model_aliases": {"claude-x": "claude-from-a-newer-table-1"}}`
	if err := os.WriteFile(settingsPath, []byte(settingsJSON), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv(cli.EnvMongoURI, srv.URI())
	out, errOut, code := runCommand(t, "", "report", "--json", "--user", sample.DemoUsername)
	if code != 0 || !strings.Contains(errOut, "warning:") || !strings.Contains(errOut, `"claude-x"`) || !strings.HasPrefix(out, "{") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if b, _ := os.ReadFile(settingsPath); string(b) != settingsJSON {
		t.Fatal("the command line changed the settings file")
	}
}
