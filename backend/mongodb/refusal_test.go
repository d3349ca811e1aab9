package mongodb_test

import (
	"context"
	"net"
	"strings"
	"syscall"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/ferret"
	"usagedash/backend/mongodb"
	"usagedash/backend/sample"
)

// refusingAddr returns 127.0.0.1:port of a TCP socket the test holds bound
// but not listening, so that connections to it are refused and no other
// program can take the port while the test runs.
func refusingAddr(t *testing.T) string {
	t.Helper()
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.Close(fd) })
	if err := syscall.Bind(fd, &syscall.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	sa, err := syscall.Getsockname(fd)
	if err != nil {
		t.Fatal(err)
	}
	return (&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: sa.(*syscall.SockaddrInet4).Port}).String()
}

// silentAddr returns the address of a listener that accepts connections and
// never answers, held open until the test ends.
func silentAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var conns []net.Conn
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns = append(conns, c)
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		<-done
		for _, c := range conns {
			c.Close()
		}
	})
	return ln.Addr().String()
}

// TestOpenTellsFailuresApart: each way a connection can fail gets its own
// sentence, none of which repeats the password.
func TestOpenTellsFailuresApart(t *testing.T) {
	srv := ferret.MustStart(t)
	const password = "s3cret-Pa55"
	withAuth := strings.Replace(srv.URI(), "mongodb://", "mongodb://usagedash:"+password+"@", 1)
	cases := []struct {
		name, uri, code, want string
		timeout               time.Duration
	}{
		{"wrong credentials", withAuth, backend.EUNAUTHORIZED, "MongoDB refused the user name or password (MongoDB ", 30 * time.Second},
		{"not a mongodb scheme", "http://usagedash:" + password + "@127.0.0.1/", backend.EINVALID,
			`The MongoDB connection string is not valid: it must start with "mongodb://" or "mongodb+srv://".`, 30 * time.Second},
		{"bad port", "mongodb://usagedash:" + password + "@127.0.0.1:99999/", backend.EINVALID,
			"The MongoDB connection string is not valid: a port is not a number from 1 to 65535.", 30 * time.Second},
		{"bad option value", "mongodb://127.0.0.1/?connectTimeoutMS=" + password, backend.EINVALID,
			"The MongoDB connection string is not valid: the option connectTimeoutMS has a value it cannot take.", 30 * time.Second},
		{"unknown option", "mongodb://127.0.0.1/?replicaSett=rs0&Retry_Writes=" + password, backend.EINVALID,
			"The MongoDB connection string has an option usagedash does not know: replicasett, retry_writes. Check its spelling.", 30 * time.Second},
		{"refused", "mongodb://" + refusingAddr(t) + "/?directConnection=true", backend.EUNAVAILABLE,
			": the connection was refused. Check that the server is running", 5 * time.Second},
		{"no answer", "mongodb://" + silentAddr(t) + "/?directConnection=true", backend.EUNAVAILABLE,
			" did not answer in time.", 3 * time.Second},
		{"unknown host", "mongodb://no-such-host.invalid/?directConnection=true", backend.EUNAVAILABLE,
			"Cannot reach MongoDB no-such-host.invalid / claude_workflows: the host name cannot be found.", 5 * time.Second},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
			defer cancel()
			src, err := mongodb.Open(ctx, mongodb.Config{URI: c.uri})
			if err == nil {
				src.Close(context.Background())
				t.Fatal("Open succeeded")
			}
			msg := backend.ErrorMessage(err)
			if backend.ErrorCode(err) != c.code || !strings.Contains(msg, c.want) {
				t.Fatalf("%s: %q\nwant %s: %q", backend.ErrorCode(err), msg, c.code, c.want)
			}
			if strings.Contains(err.Error(), password) {
				t.Fatalf("the password is in the error: %v", err)
			}
		})
	}
}

// TestMessagesCutLongInput: a 100 KB user name or database name is repeated
// in messages cut to 200 characters with an ellipsis.
func TestMessagesCutLongInput(t *testing.T) {
	huge := strings.Repeat("n", 100_000)
	label := mongodb.Describe(mongodb.Config{URI: "mongodb://127.0.0.1/", Database: huge})
	if want := "MongoDB 127.0.0.1 / " + strings.Repeat("n", 199) + "…"; label != want {
		t.Fatalf("label of %d bytes: %.80q…", len(label), label)
	}
	srv := ferret.MustStart(t)
	ds, err := sample.Generate(sample.Options{Seed: 3, Now: testNow, Days: 2, Users: 1, Logs: 20})
	if err != nil {
		t.Fatal(err)
	}
	src := seed(t, srv.URI(), mongodb.DefaultDatabase, ds)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err = src.Report(ctx, backend.Query{Account: huge, Period: backend.Period{Preset: backend.PresetAllTime, TimeZone: "UTC"}})
	msg := backend.ErrorMessage(err)
	if backend.ErrorCode(err) != backend.ENOTFOUND || len(msg) > 400 || !strings.Contains(msg, strings.Repeat("n", 199)+"…") {
		t.Fatalf("%s: %.300q (%d bytes)", backend.ErrorCode(err), msg, len(msg))
	}
}
