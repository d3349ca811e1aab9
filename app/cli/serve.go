package cli

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"

	"usagedash/backend"
	"usagedash/backend/mongodb"
	"usagedash/backend/server"
)

func runServe(ctx context.Context, env Env, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	listen := fs.String("listen", "127.0.0.1:8000", "address to listen on")
	database := fs.String("database", mongodb.DefaultDatabase, "the platform's MongoDB database")
	if err := parseFlags(fs, args, env.Stdout); err != nil {
		return err
	}
	secret := os.Getenv(EnvJWTSecret)
	if err := server.CheckSecret([]byte(secret)); err != nil {
		return backend.Errorf(backend.EINVALID, "Set %s to a strong random secret of 32 bytes or more (for example: openssl rand -base64 48). %s", EnvJWTSecret, backend.ErrorMessage(err))
	}
	uri := os.Getenv(EnvMongoURI)
	if uri == "" {
		return backend.Errorf(backend.EINVALID, "Set %s to the platform's MongoDB URI.", EnvMongoURI)
	}
	openCtx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	source, err := mongodb.Open(openCtx, mongodb.Config{URI: uri, Database: *database})
	if err != nil {
		return err
	}
	defer closeQuietly(source)
	srv, err := server.New(server.Config{Source: source, Secret: []byte(secret), Logger: slog.New(slog.NewTextHandler(env.Stderr, nil))})
	if err != nil {
		return err
	}
	return srv.ListenAndServe(ctx, *listen, func(a net.Addr) {
		fmt.Fprintf(env.Stdout, "usagedash serve: listening on http://%s (%s)\n", a, source.Info().Label)
	})
}
