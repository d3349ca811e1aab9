//go:build e2e

package e2e

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"usagedash/backend"
	"usagedash/backend/ferret"
	"usagedash/backend/mongodb"
	"usagedash/backend/sample"
	"usagedash/backend/secrets"
	"usagedash/backend/server"
)

const platformSecret = "e2e-platform-secret-0123456789-abcdefghijklmnopqrstuvwxyz"

type platformUnderTest struct {
	mongoURI string
	apiURL   string
	users    []sample.User
}

// startPlatform runs the sample platform: FerretDB with the sample dataset
// and the reference server over it.
func startPlatform(t *testing.T) platformUnderTest {
	t.Helper()
	srv := ferret.MustStart(t)
	ds := loadSample(t, srv.URI())
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	source, err := mongodb.Open(ctx, mongodb.Config{URI: srv.URI()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { source.Close(context.Background()) })
	api, err := server.New(server.Config{Source: source, Secret: []byte(platformSecret), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	httpSrv := httptest.NewServer(api.Handler())
	t.Cleanup(httpSrv.Close)
	return platformUnderTest{mongoURI: srv.URI(), apiURL: httpSrv.URL, users: ds.Users}
}

// loadSample loads the default sample dataset into the database at uri.
func loadSample(t *testing.T, uri string) *sample.Dataset {
	t.Helper()
	ds, err := sample.Generate(sample.DefaultOptions(time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := sample.LoadURI(ctx, uri, mongodb.DefaultDatabase, ds); err != nil {
		t.Fatal(err)
	}
	return ds
}

func demoProfile(p platformUnderTest) backend.Profile {
	return backend.Profile{Name: "Demo platform", Kind: backend.SourcePlatform, BaseURL: p.apiURL, Login: sample.DemoUsername, Demo: true}
}

// The first run with a sample platform opens the connect screen.
func TestFirstRunOpensTheConnectScreen(t *testing.T) {
	pl := startPlatform(t)
	w := newWindow(t, "USAGEDASH_DEMO_URL="+pl.apiURL)
	w.open(t)
	w.waitForProbe(t, "connect")
	w.screenshot(t, "connect.png")
}

// Sign in through the real sign-in dialog (a wrong password first), then
// the dashboard shows the platform's numbers.
func TestSignInThroughTheWindow(t *testing.T) {
	pl := startPlatform(t)
	w := newWindow(t, "USAGEDASH_DEMO_URL="+pl.apiURL)
	w.addProfile(t, demoProfile(pl), true)
	want := w.cliReport(t, "Demo platform", "last_30_days", sample.DemoPassword)
	if want.Source.Kind != backend.SourcePlatform || want.TotalTokens == 0 {
		t.Fatalf("the CLI did not read the platform: %+v", want.Source)
	}
	w.open(t)
	w.waitForProbe(t, "signin")
	w.typeKeys(t, "not-the-password", "Return")
	got := w.waitForProbeMetric(t, "signin", "signin_error")
	if got.Text != "Wrong username/email or password." {
		t.Errorf("wrong password shows %q", got.Text)
	}
	w.screenshot(t, "signin-wrong-password.png")
	w.typeKeys(t, sample.DemoPassword, "Return")
	checkMetrics(t, w.waitForProbe(t, "report"), expectedMetrics(want))
	w.screenshot(t, "dashboard-platform.png")
}

// A session that has ended leads back to the sign-in dialog.
func TestExpiredSessionAsksToSignInAgain(t *testing.T) {
	pl := startPlatform(t)
	w := newWindow(t, "USAGEDASH_DEMO_URL="+pl.apiURL)
	p := w.addProfile(t, demoProfile(pl), true)
	expired := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": pl.users[0].ID, "username": sample.DemoUsername, "exp": time.Now().Add(-time.Hour).Unix()})
	token, err := expired.SignedString([]byte(platformSecret))
	if err != nil {
		t.Fatal(err)
	}
	// No keychain runs on the test's session bus, so the app keeps secrets in
	// its file; put the old session there.
	store := secrets.NewFileStore(filepath.Join(w.dir, "config", "usagedash", "secrets.json"))
	if err := store.Set(context.Background(), "session:"+p.ID, token); err != nil {
		t.Fatal(err)
	}
	w.open(t)
	w.waitForProbe(t, "signin")
	if _, err := os.Stat(filepath.Join(w.dir, "config", "usagedash", "secrets.json")); err != nil {
		t.Fatal(err)
	}
}
