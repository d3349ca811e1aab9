// Package apptest holds the test helpers shared by app and its
// subpackages: a FerretDB server seeded with a small sample dataset and a
// run of the command line.
package apptest

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"usagedash/app/cli"
	"usagedash/backend/ferret"
	"usagedash/backend/mongodb"
	"usagedash/backend/sample"
)

// Seed loads a small sample dataset (one user, 300 logs over 10 days) into
// the MongoDB at uri.
func Seed(t *testing.T, uri string) {
	t.Helper()
	ds, err := sample.Generate(sample.Options{Seed: 5, Now: time.Now(), Days: 10, Users: 1, Logs: 300, HashPasswords: true})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := sample.LoadURI(ctx, uri, mongodb.DefaultDatabase, ds); err != nil {
		t.Fatal(err)
	}
}

// SeededServer runs FerretDB with the sample dataset of Seed.
func SeededServer(t *testing.T) *ferret.Server {
	t.Helper()
	srv := ferret.MustStart(t)
	Seed(t, srv.URI())
	return srv
}

// RunCommand runs the command line with args (stdin as standard input) and
// returns what it printed and its exit status.
func RunCommand(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	code = cli.Run(ctx, args, cli.Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Version: "test"})
	return out.String(), errb.String(), code
}
