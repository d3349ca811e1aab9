package platform

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"usagedash/backend"
)

// tokens is a TokenProvider for tests.
type tokens struct {
	token string
	err   error
}

func (p tokens) Token(context.Context) (string, error) { return p.token, p.err }

func TestSourceReportsTheSignedInUser(t *testing.T) {
	token := testToken(t)
	var mu sync.Mutex
	gotQuery, gotAuth := map[string]bool{}, map[string]bool{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		gotQuery[r.URL.Query().Get("period_start")+" "+r.URL.Query().Get("period_end")] = true
		gotAuth[r.Header.Get("Authorization")] = true
		mu.Unlock()
		if r.URL.Path != PathUsageStats {
			http.NotFound(w, r)
			return
		}
		writeJSON(w, 200, validStats())
	}))
	defer srv.Close()

	src := NewSource(newClient(t, srv.URL, Options{}), "Platform 127.0.0.1", tokens{token: token})
	var _ backend.Source = src
	if info := src.Info(); info.Kind != backend.SourcePlatform || info.Label != "Platform 127.0.0.1" {
		t.Fatalf("info = %+v", info)
	}
	period, err := backend.ResolvePreset(backend.PresetThisMonth, time.Date(2026, 11, 15, 12, 0, 0, 0, time.UTC), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	before := time.Now().UTC()
	r, err := src.Report(context.Background(), backend.Query{Account: "ignored", Period: period})
	if err != nil {
		t.Fatal(err)
	}
	// The month's call, and one per day for the series.
	if !gotQuery["2026-11-01T00:00:00.000Z 2026-11-30T23:59:59.999Z"] || !gotQuery["2026-11-30T00:00:00.000Z 2026-11-30T23:59:59.999Z"] ||
		len(gotQuery) != 31 || len(gotAuth) != 1 || !gotAuth["Bearer "+token] {
		t.Errorf("sent periods %v auth %v", gotQuery, gotAuth)
	}
	if r.Series == nil || len(r.Series.Rows) != 30 || r.Series.Rows[0].Key != "2026-11-01" || r.Series.Rows[0].Tokens.TotalTokens != 1500 {
		t.Errorf("series %+v", r.Series)
	}
	want := backend.SourceInfo{Kind: backend.SourcePlatform, Label: "Platform 127.0.0.1", Account: "ada"}
	if r.Source != want || r.Period.Preset != backend.PresetThisMonth || r.TotalTokens != 1500 || r.UserID != "u-1" {
		t.Errorf("report = %+v", r)
	}
	if r.GeneratedAt.Before(before) || r.GeneratedAt.Location() != time.UTC {
		t.Errorf("generated at %v", r.GeneratedAt)
	}
	if r.Derived.AvgTokensPerInstance != 375 {
		t.Errorf("derived figures missing: %+v", r.Derived)
	}
	if err := src.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestSourceErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 401, ErrorResponse{Detail: "Could not validate credentials"})
	}))
	defer srv.Close()
	c := newClient(t, srv.URL, Options{})
	ctx := context.Background()

	_, err := NewSource(c, "p", tokens{token: "expired-token"}).Report(ctx, backend.Query{})
	checkErr(t, err, backend.EUNAUTHORIZED, ErrSessionExpired, "Your session has ended. Sign in again.")

	signIn := backend.Errorf(backend.EUNAUTHORIZED, "Sign in to the platform to see your usage.")
	_, err = NewSource(c, "p", tokens{err: signIn}).Report(ctx, backend.Query{})
	if err != error(signIn) {
		t.Errorf("the provider's *backend.Error must pass through unchanged: %v", err)
	}

	keychain := errors.New("keychain locked")
	_, err = NewSource(c, "p", tokens{err: keychain}).Report(ctx, backend.Query{})
	checkErr(t, err, backend.EUNAUTHORIZED, keychain, "Sign in to the platform first.")
}
