// Command usagedash-sample runs the sample platform: an embedded FerretDB on
// loopback seeded with about 90 days of realistic usage in the platform's
// schema, and the reference platform API over it. It prints the API address,
// the MongoDB URI and the demo account, then serves until interrupted. It is
// a development tool, never shipped with the app.
//
// By default both listen on free ports and sign sessions with a new secret.
// With fixed ports (--listen, --mongo-listen) and a --secret-file, as
// `make run` starts it, the addresses and the demo session stay the same
// from one run to the next, so saved sample connections keep working.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"usagedash/backend/ferret"
	"usagedash/backend/mongodb"
	"usagedash/backend/sample"
	"usagedash/backend/server"
)

func main() {
	dir := flag.String("dir", "", "directory for the database files (default: a new temporary directory, removed on exit)")
	uriFile := flag.String("uri-file", "", "also write the MongoDB URI to this file (mode 0600)")
	urlFile := flag.String("url-file", "", "also write the platform API address to this file (mode 0600)")
	listen := flag.String("listen", "127.0.0.1:0", "address of the platform API (port 0: any free port)")
	mongoListen := flag.String("mongo-listen", "127.0.0.1:0", "address of the MongoDB server (port 0: any free port)")
	secretFile := flag.String("secret-file", "", "keep the session-signing secret in this file, so sessions outlive a restart (default: a new secret each run)")
	flag.Parse()
	if err := run(config{dir: *dir, uriFile: *uriFile, urlFile: *urlFile, listen: *listen, mongoListen: *mongoListen, secretFile: *secretFile}); err != nil {
		fmt.Fprintln(os.Stderr, "usagedash-sample:", err)
		os.Exit(1)
	}
}

// config is the command line.
type config struct {
	dir, uriFile, urlFile string
	listen, mongoListen   string
	secretFile            string
}

func run(cfg config) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := checkFree(cfg.listen, "--listen", "USAGEDASH_SAMPLE_API_PORT"); err != nil {
		return err
	}
	if err := checkFree(cfg.mongoListen, "--mongo-listen", "USAGEDASH_SAMPLE_MONGO_PORT"); err != nil {
		return err
	}
	secret, err := loadSecret(cfg.secretFile)
	if err != nil {
		return err
	}
	dir, uriFile, urlFile, listen := cfg.dir, cfg.uriFile, cfg.urlFile, cfg.listen
	if dir == "" {
		tmp, err := os.MkdirTemp("", "usagedash-sample-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	srv, err := ferret.StartOn(ctx, filepath.Join(dir, "db"), cfg.mongoListen, os.Stderr)
	if err != nil {
		return err
	}
	defer srv.Stop()

	started := time.Now()
	ds, err := sample.Generate(sample.DefaultOptions(time.Now()))
	if err != nil {
		return err
	}
	if err := seed(ctx, srv.URI(), ds); err != nil {
		return err
	}
	source, err := mongodb.Open(ctx, mongodb.Config{URI: srv.URI()})
	if err != nil {
		return err
	}
	defer source.Close(context.WithoutCancel(ctx))
	api, err := server.New(server.Config{Source: source, Secret: secret, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		return err
	}
	ready := make(chan net.Addr, 1)
	served := make(chan error, 1)
	go func() { served <- api.ListenAndServe(ctx, listen, func(a net.Addr) { ready <- a }) }()
	var addr net.Addr
	select {
	case addr = <-ready:
	case err := <-served:
		return err
	}
	apiURL := "http://" + addr.String()
	for _, f := range []struct{ path, value string }{{uriFile, srv.URI()}, {urlFile, apiURL}} {
		if f.path != "" {
			if err := os.WriteFile(f.path, []byte(f.value+"\n"), 0o600); err != nil {
				return err
			}
		}
	}
	fmt.Printf("Sample platform ready in %s: %d users, %d workflows, %d instances, %d logs.\n",
		time.Since(started).Round(time.Millisecond), len(ds.Users), len(ds.Workflows), len(ds.Instances), len(ds.Logs))
	fmt.Printf("  Platform API: %s\n  MongoDB URI:  %s\n  Database:     %s\n  Demo account: %s (%s) / %s\n",
		apiURL, srv.URI(), mongodb.DefaultDatabase, sample.DemoUsername, sample.DemoEmail, sample.DemoPassword)
	fmt.Printf("Try: USAGEDASH_MONGODB_URI=%s build/bin/usagedash report --user %s\nPress Ctrl+C to stop.\n",
		srv.URI(), sample.DemoUsername)
	<-ctx.Done()
	return <-served
}

func seed(ctx context.Context, uri string, ds *sample.Dataset) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	return sample.LoadURI(ctx, uri, mongodb.DefaultDatabase, ds)
}
