package platform

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"usagedash/backend"
)

func TestConnectionRefused(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	token := testToken(t)
	c := newClient(t, "http://"+addr, Options{})
	var errs []error
	for _, kind := range []string{"login", "me", "usage", "logout"} {
		err := callKind(c, kind, token)
		checkErr(t, err, backend.EUNAVAILABLE, nil, "Cannot reach "+addr+": the connection was refused.")
		errs = append(errs, err)
	}
	assertNoSecrets(t, errs, token)
}

func TestUnknownHostName(t *testing.T) {
	c := newClient(t, "https://no-such-host.invalid", Options{Timeout: 5 * time.Second})
	err := callKind(c, "login", "")
	if m := backend.ErrorMessage(err); strings.Contains(m, "did not answer in time") {
		t.Skipf("the resolver here does not answer: %s", m)
	}
	checkErr(t, err, backend.EUNAVAILABLE, nil, "Cannot reach no-such-host.invalid: the name no-such-host.invalid cannot be found.")
}

// hang is a handler that answers nothing until the client gives up; if
// partial is set it first sends the headers and half a JSON object.
func hang(partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if partial {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(200)
			_, _ = w.Write([]byte(`{"user_id":"u-1",`))
			w.(http.Flusher).Flush()
		}
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	}
}

func TestServerThatHangsTimesOut(t *testing.T) {
	token := testToken(t)
	for _, partial := range []bool{false, true} {
		srv := httptest.NewServer(hang(partial))
		c := newClient(t, srv.URL, Options{Timeout: 300 * time.Millisecond})
		begin := time.Now()
		err := callKind(c, "usage", token)
		if d := time.Since(begin); d > 5*time.Second {
			t.Errorf("partial=%v: returned after %v, want about 300ms", partial, d)
		}
		checkErr(t, err, backend.EUNAVAILABLE, context.DeadlineExceeded, "did not answer in time")
		assertNoSecrets(t, []error{err}, token)
		srv.Close()
	}
}

func TestCallerContextIsHonoured(t *testing.T) {
	srv := httptest.NewServer(hang(false))
	defer srv.Close()
	c := newClient(t, srv.URL, Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := c.Me(ctx, "tok")
	checkErr(t, err, backend.EUNAVAILABLE, context.DeadlineExceeded, "did not answer in time")

	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	_, err = c.Me(ctx, "tok")
	checkErr(t, err, backend.EUNAVAILABLE, context.Canceled, "cancelled")
}

func TestTLSFailures(t *testing.T) {
	token := testToken(t)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, validStats())
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the handshake failures are expected
	srv.StartTLS()
	defer srv.Close()

	// The test server's certificate is self-signed: not trusted by default.
	err := callKind(newClient(t, srv.URL, Options{}), "login", "")
	checkErr(t, err, backend.EUNAVAILABLE, nil, "The platform's TLS certificate is not trusted: it is signed by an authority")
	errs := []error{err}

	// Trusted, but issued for 127.0.0.1 and example.com, not localhost.
	port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]
	err = callKind(newClient(t, "https://localhost:"+port, Options{HTTPClient: srv.Client()}), "usage", token)
	checkErr(t, err, backend.EUNAVAILABLE, nil, "TLS certificate is not trusted: it is not valid for localhost")
	errs = append(errs, err)

	// Trusted and matching: works.
	if _, err := newClient(t, srv.URL, Options{HTTPClient: srv.Client()}).UsageStats(context.Background(), token, backend.Period{}); err != nil {
		t.Fatalf("trusted TLS: %v", err)
	}

	// https to a plain http server.
	plain := httptest.NewServer(http.NotFoundHandler())
	defer plain.Close()
	err = callKind(newClient(t, strings.Replace(plain.URL, "http:", "https:", 1), Options{}), "me", token)
	checkErr(t, err, backend.EUNAVAILABLE, nil, "did not answer with TLS")
	errs = append(errs, err)
	assertNoSecrets(t, append(errs, err), token)
}

func TestCallsWithoutTokenOrCredentialsFailEarly(t *testing.T) {
	var hits int
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits++ }))
	defer srv.Close()
	c := newClient(t, srv.URL, Options{})
	_, err := c.Me(context.Background(), "")
	checkErr(t, err, backend.EUNAUTHORIZED, ErrNotSignedIn, "not signed in")
	_, err = c.Login(context.Background(), " ", "pw")
	checkErr(t, err, backend.EINVALID, nil, "Enter a username or email and a password.")
	if hits != 0 {
		t.Fatalf("%d requests sent", hits)
	}
}

func TestErrorDetailFilter(t *testing.T) {
	for body, want := range map[string]string{
		`{"detail":"  Invalid period_end format.  "}`: "Invalid period_end format.",
		`{"detail":"line\nbreak"}`:                    "",
		`{"detail":"\u001b[31mred"}`:                  "",
		`{"detail":["list"]}`:                         "",
		`{"detail":"secret-abc in here"}`:             "",
		`not json`:                                    "",
		``:                                            "",
	} {
		if got := errorDetail([]byte(body), []string{"secret-abc"}); got != want {
			t.Errorf("errorDetail(%s) = %q, want %q", body, got, want)
		}
	}
	if !errors.Is(backend.WrapError(ErrDeactivated, backend.EUNAUTHORIZED, "x"), ErrDeactivated) {
		t.Fatal("sentinels must match through Err")
	}
}
