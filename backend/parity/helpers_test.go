package parity_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"usagedash/backend/ferret"
	"usagedash/backend/mongodb"
	"usagedash/backend/sample"
	"usagedash/backend/server"
)

// startReference loads ds into a fresh FerretDB and serves it with the
// reference platform server on 127.0.0.1, its handler wrapped by wrap (nil:
// as is). It returns the MongoDB source the server reads and the HTTP server;
// both are closed when the test ends.
func startReference(ctx context.Context, t *testing.T, ds *sample.Dataset, wrap func(http.Handler) http.Handler) (*mongodb.Source, *httptest.Server) {
	t.Helper()
	srv := ferret.MustStart(t)
	if err := sample.LoadURI(ctx, srv.URI(), mongodb.DefaultDatabase, ds); err != nil {
		t.Fatal(err)
	}
	source, err := mongodb.Open(ctx, mongodb.Config{URI: srv.URI()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = source.Close(context.WithoutCancel(ctx)) })
	api, err := server.New(server.Config{Source: source, Secret: []byte("parity-test-secret-0123456789-abcdefghijklmnop"),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	h := api.Handler()
	if wrap != nil {
		h = wrap(h)
	}
	httpSrv := httptest.NewServer(h)
	t.Cleanup(httpSrv.Close)
	return source, httpSrv
}
