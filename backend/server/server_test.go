package server_test

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"go.mongodb.org/mongo-driver/bson"

	"usagedash/backend"
	"usagedash/backend/platform"
	"usagedash/backend/sample"
	"usagedash/backend/server"
)

const badLogin = "Invalid username/email or password"
const badToken = "Could not validate credentials"

func TestLoginByUsernameAndEmail(t *testing.T) {
	e := newEnv(t)
	demo := user(t, sample.DemoUsername)
	for _, account := range []string{demo.Username, demo.Email} {
		r := e.login(account, demo.Password)
		if r.status != http.StatusOK {
			t.Fatalf("login %s: %d %s", account, r.status, r.body)
		}
		var lr platform.LoginResponse
		decode(t, r.body, &lr)
		if lr.TokenType != "bearer" || lr.AccessToken == "" {
			t.Fatalf("token %q type %q", lr.AccessToken, lr.TokenType)
		}
		want := platform.UserResponse{ID: demo.ID, Username: demo.Username, Email: demo.Email, FullName: demo.FullName,
			IsActive: true, IsAdmin: demo.IsAdmin, CreatedAt: demo.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z")}
		if !reflect.DeepEqual(lr.User, want) {
			t.Fatalf("user %+v, want %+v", lr.User, want)
		}
		me := e.do(http.MethodGet, platform.PathMe, lr.AccessToken, nil)
		var ur platform.UserResponse
		decode(t, me.body, &ur)
		if me.status != http.StatusOK || !reflect.DeepEqual(ur, want) {
			t.Fatalf("me: %d %+v", me.status, ur)
		}
		out := e.do(http.MethodPost, platform.PathLogout, lr.AccessToken, nil)
		if out.status != http.StatusOK || string(out.body) != `{"message":"Successfully logged out","success":true}` {
			t.Fatalf("logout: %d %s", out.status, out.body)
		}
	}
	wantError(t, e.do(http.MethodPost, platform.PathLogout, "", nil), http.StatusUnauthorized, badToken)
}

func TestLoginFailuresLookAlike(t *testing.T) {
	e := newEnv(t, func(c *server.Config) { c.MaxFailedLogins = 100 })
	demo, off := user(t, sample.DemoUsername), inactiveUser(t)
	cases := map[string][2]string{
		"wrong password":          {demo.Username, demo.Password + "x"},
		"unknown user":            {"nobody", demo.Password},
		"unknown email":           {"nobody@example.com", "whatever"},
		"inactive user":           {off.Username, off.Password},
		"inactive user by email":  {off.Email, off.Password},
		"case differs":            {strings.ToUpper(demo.Username), demo.Password},
		"empty":                   {"", ""},
		"another user's password": {demo.Username, user(t, "alice").Password},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			wantError(t, e.login(c[0], c[1]), http.StatusUnauthorized, badLogin)
		})
	}
	// An unknown account costs a bcrypt comparison too (loose bound: the
	// point is that it is not answered in microseconds).
	fastest := func(account, password string) time.Duration {
		best := time.Hour
		for range 3 {
			start := time.Now()
			e.login(account, password)
			best = min(best, time.Since(start))
		}
		return best
	}
	wrong, unknown := fastest(demo.Username, "nope"), fastest("nobody-at-all", "nope")
	if unknown < wrong/2 {
		t.Fatalf("unknown account refused in %v, wrong password in %v", unknown, wrong)
	}
}

func TestPythonBcryptHashes(t *testing.T) {
	e := newEnv(t)
	// Test vectors from pyca/bcrypt (Python's bcrypt writes "$2b$").
	vectors := []struct{ password, hash string }{
		{"Kk4DQuMMfZL9o", "$2b$04$cVWp4XaNU8a4v1uMRum2SO026BWLIoQMD/TXg5uZV.0P.uO8m3YEm"},
		{"9IeRXmnGxMYbs", "$2b$04$pQ7gRO7e6wx/936oXhNjrOUNOHL1D0h1N2IDbJZYs.1ppzSof6SPy"},
	}
	for i, v := range vectors {
		name := "py" + string(rune('a'+i))
		_, err := e.db.Collection("users").InsertOne(context.Background(), bson.D{
			{Key: "id", Value: "py-" + name}, {Key: "username", Value: name}, {Key: "email", Value: name + "@example.com"},
			{Key: "hashed_password", Value: v.hash}, {Key: "full_name", Value: nil}, {Key: "is_active", Value: true},
			{Key: "is_admin", Value: false}, {Key: "created_at", Value: testNow}, {Key: "last_login", Value: testNow},
		})
		if err != nil {
			t.Fatal(err)
		}
		r := e.login(name, v.password)
		if r.status != http.StatusOK {
			t.Fatalf("%s: %d %s", v.hash, r.status, r.body)
		}
		var lr platform.LoginResponse
		decode(t, r.body, &lr)
		if lr.User.FullName != nil || lr.User.LastLogin == nil || *lr.User.LastLogin != "2026-03-15T14:30:00.000Z" {
			t.Fatalf("user %+v", lr.User)
		}
		wantError(t, e.login(name, v.password[1:]), http.StatusUnauthorized, badLogin)
	}
}

func TestMalformedRequests(t *testing.T) {
	e := newEnv(t)
	const needFields = "Both username_or_email and password are required."
	const needObject = "The request body must be a JSON object with username_or_email and password."
	wantError(t, e.do(http.MethodPost, platform.PathLogin, "", `{"username_or_email":"demo"}`), 422, needFields)
	wantError(t, e.do(http.MethodPost, platform.PathLogin, "", `{"username_or_email":"demo","password":null}`), 422, needFields)
	wantError(t, e.do(http.MethodPost, platform.PathLogin, "", `{"username_or_email":1,"password":"x"}`), 422, needObject)
	wantError(t, e.do(http.MethodPost, platform.PathLogin, "", `not json`), 422, needObject)
	wantError(t, e.do(http.MethodPost, platform.PathLogin, "", `{"username_or_email":"a","password":"b"} {}`), 422, needObject)
	wantError(t, e.do(http.MethodPost, platform.PathLogin, "", `[]`), 422, needObject)
	big := `{"username_or_email":"` + strings.Repeat("a", 70<<10) + `","password":"x"}`
	wantError(t, e.do(http.MethodPost, platform.PathLogin, "", big), 413, "Request body too large")

	req, _ := http.NewRequest(http.MethodPost, e.ts.URL+platform.PathLogin, strings.NewReader("username_or_email=demo&password=x"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := e.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnsupportedMediaType {
		t.Fatalf("form body: %d", resp.StatusCode)
	}

	r := e.do(http.MethodGet, platform.PathLogin, "", nil)
	wantError(t, r, http.StatusMethodNotAllowed, "Method Not Allowed")
	if r.header.Get("Allow") != http.MethodPost {
		t.Fatalf("Allow %q", r.header.Get("Allow"))
	}
	wantError(t, e.do(http.MethodPost, platform.PathUsageStats, "", nil), http.StatusMethodNotAllowed, "Method Not Allowed")
	wantError(t, e.do(http.MethodGet, "/api/auth/nothing", "", nil), http.StatusNotFound, "Not Found")
	wantError(t, e.do(http.MethodGet, "/", "", nil), http.StatusNotFound, "Not Found")
}

func TestDeactivatedOrDeletedUserLosesAccess(t *testing.T) {
	e := newEnv(t)
	alice, bob := user(t, "alice"), user(t, "bob")
	aliceTok, bobTok := e.token(alice.Username, alice.Password), e.token(bob.Username, bob.Password)
	if r := e.do(http.MethodGet, platform.PathUsageStats, aliceTok, nil); r.status != http.StatusOK {
		t.Fatalf("before: %d %s", r.status, r.body)
	}
	ctx := context.Background()
	users := e.db.Collection("users")
	if _, err := users.UpdateOne(ctx, bson.D{{Key: "id", Value: alice.ID}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "is_active", Value: false}}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := users.DeleteOne(ctx, bson.D{{Key: "id", Value: bob.ID}}); err != nil {
		t.Fatal(err)
	}
	for _, tok := range []string{aliceTok, bobTok} {
		for _, path := range []string{platform.PathMe, platform.PathUsageStats} {
			r := e.do(http.MethodGet, path, tok, nil)
			wantError(t, r, http.StatusUnauthorized, badToken)
			if r.header.Get("WWW-Authenticate") != "Bearer" {
				t.Fatalf("WWW-Authenticate %q", r.header.Get("WWW-Authenticate"))
			}
		}
		wantError(t, e.do(http.MethodPost, platform.PathLogout, tok, nil), http.StatusUnauthorized, badToken)
	}
	wantError(t, e.login(alice.Username, alice.Password), http.StatusUnauthorized, badLogin)
}

// stats fetches usage-stats with the given raw query.
func (e *env) stats(token, rawQuery string) (response, platform.UserUsageStats) {
	e.t.Helper()
	path := platform.PathUsageStats
	if rawQuery != "" {
		path += "?" + rawQuery
	}
	r := e.do(http.MethodGet, path, token, nil)
	var s platform.UserUsageStats
	if r.status == http.StatusOK {
		decode(e.t, r.body, &s)
	}
	return r, s
}

// reportStats is what the source computes for the user over [start, end].
func (e *env) reportStats(u sample.User, start, end *time.Time) platform.UserUsageStats {
	e.t.Helper()
	rep, err := e.src.ReportForUser(context.Background(), u.ID, u.Username, backend.Period{Start: start, End: end})
	if err != nil {
		e.t.Fatal(err)
	}
	return platform.StatsFromReport(rep)
}

func TestUsageStats(t *testing.T) {
	e := newEnv(t)
	demo := user(t, sample.DemoUsername)
	tok := e.token(demo.Username, demo.Password)

	r, all := e.stats(tok, "")
	if r.status != http.StatusOK {
		t.Fatalf("%d %s", r.status, r.body)
	}
	if want := e.reportStats(demo, nil, nil); !reflect.DeepEqual(all, want) {
		t.Fatalf("all time:\n got %+v\nwant %+v", all, want)
	}
	if all.TotalTokens == 0 || all.TotalCostUSD == 0 || all.TotalInstances == 0 || all.PeriodStart != nil || all.PeriodEnd != nil {
		t.Fatalf("implausible all-time stats %+v", all)
	}
	if !strings.Contains(string(r.body), `"period_start":null,"period_end":null`) {
		t.Fatalf("absent period not echoed as null: %s", r.body)
	}

	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	want := e.reportStats(demo, &start, &end)
	if want.TotalTokens == 0 || want.TotalTokens >= all.TotalTokens {
		t.Fatalf("period should hold some but not all usage: %+v", want)
	}
	// The same instants written in every accepted form.
	forms := [][2]string{
		{"2026-03-01T00:00:00Z", "2026-03-10T12:00:00Z"},
		{"2026-03-01T00:00:00", "2026-03-10T12:00:00.000000"},
		{"2026-03-01", "2026-03-10T12:00"},
		{"2026-03-01T01:00:00+01:00", "2026-03-10T07:00:00-05:00"},
		{"2026-03-01 00:00:00.000Z", "2026-03-10T14:00:00+0200"},
		{"2026-03-01T00:00:00+00", "2026-03-10T12:00:00.000+00:00"},
	}
	for _, f := range forms {
		q := url.Values{"period_start": {f[0]}, "period_end": {f[1]}}.Encode()
		r, got := e.stats(tok, q)
		if r.status != http.StatusOK {
			t.Fatalf("%v: %d %s", f, r.status, r.body)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%v:\n got %+v\nwant %+v", f, got, want)
		}
		if !got.PeriodStart.Equal(start) || !got.PeriodEnd.Equal(end) {
			t.Fatalf("%v: echo %v %v", f, got.PeriodStart, got.PeriodEnd)
		}
	}
	// An unescaped "+" in an offset arrives as a space.
	if r, got := e.stats(tok, "period_start=2026-03-01T01:00:00+01:00"); r.status != http.StatusOK || !got.PeriodStart.Equal(start) {
		t.Fatalf("unescaped plus: %d %s", r.status, r.body)
	}
	// Only one end given; an empty value counts as absent.
	r, got := e.stats(tok, "period_start=&period_end=2026-03-10T12:00:00Z")
	if r.status != http.StatusOK || got.PeriodStart != nil || !got.PeriodEnd.Equal(end) ||
		!reflect.DeepEqual(got, e.reportStats(demo, nil, &end)) {
		t.Fatalf("end only: %d %s", r.status, r.body)
	}
	// An end before the start matches nothing (as on the platform).
	if r, got := e.stats(tok, "period_start=2026-03-10&period_end=2026-03-01"); r.status != http.StatusOK || got.TotalTokens != 0 {
		t.Fatalf("inverted: %d %s", r.status, r.body)
	}

	for _, bad := range []string{"yesterday", "2026-13-01", "2026-03-01T25:00:00", "03/01/2026", "2026-03-01T00:00:00Zjunk", "1772323200"} {
		q := url.Values{"period_start": {bad}}.Encode()
		wantError(t, first(e.stats(tok, q)), http.StatusBadRequest, "Invalid period_start format. Use ISO 8601 format.")
		q = url.Values{"period_start": {"2026-03-01"}, "period_end": {bad}}.Encode()
		wantError(t, first(e.stats(tok, q)), http.StatusBadRequest, "Invalid period_end format. Use ISO 8601 format.")
	}
}

func first[A, B any](a A, _ B) A { return a }

func TestUsersSeeOnlyTheirOwnNumbers(t *testing.T) {
	e := newEnv(t)
	demo, alice := user(t, sample.DemoUsername), user(t, "alice")
	_, demoStats := e.stats(e.token(demo.Username, demo.Password), "")
	_, aliceStats := e.stats(e.token(alice.Email, alice.Password), "")
	if demoStats.UserID != demo.ID || demoStats.Username != demo.Username {
		t.Fatalf("demo got %s/%s", demoStats.UserID, demoStats.Username)
	}
	if aliceStats.UserID != alice.ID || aliceStats.Username != alice.Username {
		t.Fatalf("alice got %s/%s", aliceStats.UserID, aliceStats.Username)
	}
	if !reflect.DeepEqual(aliceStats, e.reportStats(alice, nil, nil)) || reflect.DeepEqual(aliceStats, demoStats) {
		t.Fatalf("alice's numbers: %+v", aliceStats)
	}
}

func TestRequestDeadline(t *testing.T) {
	e := newEnv(t, func(c *server.Config) { c.RequestTimeout = time.Nanosecond })
	const unavailable = "The platform database is unavailable. Try again later."
	wantError(t, e.login(sample.DemoUsername, sample.DemoPassword), http.StatusServiceUnavailable, unavailable)
	tok := sign(t, jwt.SigningMethodHS256, testSecret, validClaims(user(t, sample.DemoUsername), testNow))
	wantError(t, e.do(http.MethodGet, platform.PathMe, tok, nil), http.StatusServiceUnavailable, unavailable)
	// A database failure is not a failed sign-in: the limiter took it back.
	for range 10 {
		wantError(t, e.login(sample.DemoUsername, "wrong"), http.StatusServiceUnavailable, unavailable)
	}
}

func TestListenAndServe(t *testing.T) {
	e := newEnv(t)
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() { done <- e.srv.ListenAndServe(ctx, "127.0.0.1:0", func(a net.Addr) { addrc <- a }) }()
	addr := <-addrc
	resp, err := http.Get("http://" + addr.String() + "/nowhere")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Fatalf("status %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("ListenAndServe did not return after cancel")
	}
}
