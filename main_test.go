package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"usagedash/backend"
	"usagedash/backend/ferret"
	"usagedash/backend/mongodb"
	"usagedash/backend/sample"
)

// TestMain lets the tests run the real command: a child process started with
// USAGEDASH_RUN_MAIN=1 runs main() with the arguments after "--".
func TestMain(m *testing.M) {
	if os.Getenv("USAGEDASH_RUN_MAIN") == "1" {
		for i, a := range os.Args {
			if a == "--" {
				os.Args = append([]string{"usagedash"}, os.Args[i+1:]...)
				break
			}
		}
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func runCommand(t *testing.T, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^$", "--"}, args...)...)
	cmd.Env = append(append(os.Environ(), "USAGEDASH_RUN_MAIN=1"), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

func TestReportCommandPrintsTheSourceReport(t *testing.T) {
	srv := ferret.MustStart(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	ds, err := sample.Generate(sample.Options{Seed: 9, Now: time.Now(), Days: 40, Users: 2, Logs: 600})
	if err != nil {
		t.Fatal(err)
	}
	client, err := mongo.Connect(ctx, options.Client().ApplyURI(srv.URI()))
	if err != nil {
		t.Fatal(err)
	}
	defer client.Disconnect(ctx)
	if err := sample.Load(ctx, client.Database(mongodb.DefaultDatabase), ds); err != nil {
		t.Fatal(err)
	}
	src, err := mongodb.Open(ctx, mongodb.Config{URI: srv.URI()})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close(ctx)
	start, end := time.Now().Add(-20*24*time.Hour).UTC().Truncate(time.Second), time.Now().UTC().Truncate(time.Second)
	period, _ := backend.CustomPeriod(&start, &end)
	want, err := src.Report(ctx, backend.Query{Account: sample.DemoUsername, Period: period})
	if err != nil {
		t.Fatal(err)
	}

	out, errOut, code := runCommand(t, []string{uriEnv + "=" + srv.URI()}, "report", "--json", "--user", sample.DemoEmail,
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
}

func TestReportCommandErrorsAreOneLine(t *testing.T) {
	cases := []struct {
		name string
		env  []string
		args []string
		want string
	}{
		{"no source", []string{uriEnv + "="}, []string{"report", "--user", "demo"}, "set USAGEDASH_MONGODB_URI"},
		{"bad flag", nil, []string{"report", "--nope"}, "flag provided but not defined"},
		{"bad period", []string{uriEnv + "=mongodb://127.0.0.1:1/"}, []string{"report", "--user", "x", "--period", "fortnight"}, `Unknown period "fortnight"`},
		{"bad time", nil, []string{"report", "--from", "yesterday"}, "--from must be an RFC 3339 time"},
		{"server down", []string{uriEnv + "=mongodb://admin:topsecret@127.0.0.1:1/?serverSelectionTimeoutMS=300"}, []string{"report", "--user", "demo"}, "Cannot reach MongoDB 127.0.0.1:1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errOut, code := runCommand(t, c.env, c.args...)
			if code == 0 || out != "" {
				t.Fatalf("exit %d, stdout %q: want a failure", code, out)
			}
			if strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, c.want) || strings.Contains(errOut, "topsecret") {
				t.Fatalf("stderr %q: want one line containing %q and no secret", errOut, c.want)
			}
		})
	}
}
