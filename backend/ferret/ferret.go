// Package ferret runs an embedded FerretDB (a MongoDB wire-protocol server
// over SQLite) on loopback. It is for tests and the sample platform only: the
// desktop binary never imports it.
package ferret

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

// Server is a running embedded FerretDB.
type Server struct {
	uri    string
	cancel context.CancelFunc
	done   chan struct{}
}

// Start runs FerretDB with its SQLite files in dir, listening on a free
// loopback port, until Stop is called or ctx ends. Logs go to logw at error
// level (io.Discard silences them).
func Start(ctx context.Context, dir string, logw io.Writer) (*Server, error) {
	return StartOn(ctx, dir, "127.0.0.1:0", logw)
}

// StartOn is Start listening on addr (host:port) instead of a free port.
func StartOn(ctx context.Context, dir, addr string, logw io.Writer) (*Server, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	logger := slog.New(slog.NewTextHandler(logw, &slog.HandlerOptions{Level: slog.LevelError}))
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: addr},
		Handler:   "sqlite",
		SQLiteURL: "file:" + abs + "/",
		Logger:    logger,
	})
	if err != nil {
		return nil, fmt.Errorf("start FerretDB: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	s := &Server{cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(s.done)
		_ = f.Run(ctx)
	}()
	s.uri = f.MongoDBURI()
	return s, nil
}

// URI is the server's mongodb:// connection string.
func (s *Server) URI() string { return s.uri }

// Stop shuts the server down and waits (up to 10 s) for it to finish.
func (s *Server) Stop() {
	s.cancel()
	select {
	case <-s.done:
	case <-time.After(10 * time.Second):
	}
}

// MustStart starts a server in a temporary directory for tb and stops it
// when tb ends.
func MustStart(tb testing.TB) *Server {
	tb.Helper()
	s, err := Start(context.Background(), tb.TempDir(), io.Discard)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(s.Stop)
	return s
}
