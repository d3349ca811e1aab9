package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"usagedash/backend/ferret"
	"usagedash/backend/mongodb"
	"usagedash/backend/platform"
	"usagedash/backend/sample"
	"usagedash/backend/server"
)

var (
	testNow    = time.Date(2026, 3, 15, 14, 30, 0, 0, time.UTC)
	testSecret = []byte("k3J9v0Qx7Lr2Wm5Tz8Yb1Nc4Hd6Fg0Sa-test-only")
	// mongoURI and dataset are shared by all tests; each test loads the
	// dataset into a database of its own.
	mongoURI string
	dataset  *sample.Dataset
)

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	dir, err := os.MkdirTemp("", "usagedash-server-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	srv, err := ferret.Start(context.Background(), dir, io.Discard)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer srv.Stop()
	mongoURI = srv.URI()
	dataset, err = sample.Generate(sample.Options{Seed: 7, Now: testNow, Days: 30, Users: 3, Logs: 600, HashPasswords: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return m.Run()
}

// clock is an adjustable time source.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// syncBuffer is a bytes.Buffer safe for concurrent log writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// env is one test's platform: its own database, a server over it, and an
// HTTP test server on loopback.
type env struct {
	t      *testing.T
	db     *mongo.Database // the test's own handle: tests may write, the server may not
	src    *mongodb.Source
	srv    *server.Server
	ts     *httptest.Server
	clock  *clock
	logs   *syncBuffer
	client *http.Client
}

func newEnv(t *testing.T, tweak ...func(*server.Config)) *env {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	dbName := "t_" + strings.NewReplacer("/", "_", " ", "_").Replace(t.Name())
	client, err := mongo.Connect(ctx, options.Client().ApplyURI(mongoURI))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { client.Disconnect(context.Background()) })
	db := client.Database(dbName)
	if err := sample.Load(ctx, db, dataset); err != nil {
		t.Fatal(err)
	}
	src, err := mongodb.Open(ctx, mongodb.Config{URI: mongoURI, Database: dbName})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { src.Close(context.Background()) })
	e := &env{t: t, db: db, src: src, clock: &clock{t: testNow}, logs: &syncBuffer{}}
	cfg := server.Config{
		Source: src, Secret: testSecret, Now: e.clock.Now,
		Logger: slog.New(slog.NewJSONHandler(e.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	for _, f := range tweak {
		f(&cfg)
	}
	e.srv, err = server.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	e.ts = httptest.NewServer(e.srv.Handler())
	t.Cleanup(e.ts.Close)
	e.client = &http.Client{Timeout: 30 * time.Second}
	return e
}

// user returns the dataset's user with the given username.
func user(t *testing.T, username string) sample.User {
	t.Helper()
	for _, u := range dataset.Users {
		if u.Username == username {
			return u
		}
	}
	t.Fatalf("no user %q in the dataset", username)
	return sample.User{}
}

// inactiveUser is the dataset's deactivated user (the last one generated).
func inactiveUser(t *testing.T) sample.User {
	u := dataset.Users[len(dataset.Users)-1]
	if u.IsActive {
		t.Fatal("the last sample user should be inactive")
	}
	return u
}

// response is an HTTP answer read in full.
type response struct {
	status int
	header http.Header
	body   []byte
}

// do sends a request with an optional bearer token and JSON body.
func (e *env) do(method, path, token string, body any) response {
	e.t.Helper()
	var rd io.Reader
	if body != nil {
		switch b := body.(type) {
		case string:
			rd = strings.NewReader(b)
		default:
			raw, err := json.Marshal(b)
			if err != nil {
				e.t.Fatal(err)
			}
			rd = bytes.NewReader(raw)
		}
	}
	req, err := http.NewRequest(method, e.ts.URL+path, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := e.client.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	return response{status: resp.StatusCode, header: resp.Header, body: raw}
}

// login signs in and returns the login answer.
func (e *env) login(account, password string) response {
	e.t.Helper()
	return e.do(http.MethodPost, platform.PathLogin, "", platform.LoginRequest{UsernameOrEmail: account, Password: password})
}

// token signs in (which must succeed) and returns the access token.
func (e *env) token(account, password string) string {
	e.t.Helper()
	r := e.login(account, password)
	if r.status != http.StatusOK {
		e.t.Fatalf("login %s: %d %s", account, r.status, r.body)
	}
	var lr platform.LoginResponse
	decode(e.t, r.body, &lr)
	return lr.AccessToken
}

func decode(t *testing.T, raw []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
}

// wantError checks status and the exact {"detail": ...} body.
func wantError(t *testing.T, r response, status int, detail string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d (body %s)", r.status, status, r.body)
	}
	want, _ := json.Marshal(platform.ErrorResponse{Detail: detail})
	if !bytes.Equal(r.body, want) {
		t.Fatalf("body %s, want %s", r.body, want)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/json" {
		t.Fatalf("Content-Type %q", ct)
	}
}
