package server

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"usagedash/backend"
)

func TestParseISOTime(t *testing.T) {
	want := time.Date(2026, 11, 1, 6, 30, 15, 250_000_000, time.UTC)
	for _, s := range []string{
		"2026-11-01T06:30:15.25Z", "2026-11-01T06:30:15.250000", "2026-11-01 06:30:15.25",
		"2026-11-01T07:30:15.25+01:00", "2026-11-01T07:30:15.25+0100", "2026-11-01T07:30:15.25+01",
		"2026-11-01T01:30:15.25-05:00", "2026-11-01T07:30:15.25 01:00", "2026-11-01T06:30:15,25Z",
	} {
		got, err := parseISOTime(s)
		if err != nil || !got.Equal(want) || got.Location() != time.UTC {
			t.Errorf("%q: %v %v", s, got, err)
		}
	}
	for s, w := range map[string]time.Time{
		"2026-11-01":          time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
		"2026-11-01T00:00:00": time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
		"2026-11-01T08":       time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC),
		"2026-11-01T08:05":    time.Date(2026, 11, 1, 8, 5, 0, 0, time.UTC),
		"2026-11-01T08:05Z":   time.Date(2026, 11, 1, 8, 5, 0, 0, time.UTC),
	} {
		if got, err := parseISOTime(s); err != nil || !got.Equal(w) {
			t.Errorf("%q: %v %v", s, got, err)
		}
	}
	for _, s := range []string{"", "2026", "2026-11", "2026-11-31", "2026-02-30T00:00:00", "2026-11-01T24:00:00",
		"2026-11-01T00:60", "2026-11-01T", "2026-11-01X00:00:00", "2026-11-01T00:00:00+25:00", "01/11/2026",
		"2026-11-01T00:00:00 junk", "now", "2026-11-01T00:00:00.123456789012345678901234567890123456789012345678901234567890Z"} {
		if got, err := parseISOTime(s); err == nil {
			t.Errorf("%q accepted as %v", s, got)
		}
	}
}

func TestPasswordsVerify(t *testing.T) {
	p := newPasswords()
	ctx := context.Background()
	h, err := bcrypt.GenerateFromPassword([]byte("pw"), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		hash, pw string
		ok       bool
	}{
		{"$2b$04$cVWp4XaNU8a4v1uMRum2SO026BWLIoQMD/TXg5uZV.0P.uO8m3YEm", "Kk4DQuMMfZL9o", true}, // pyca/bcrypt
		{"$2b$04$cVWp4XaNU8a4v1uMRum2SO026BWLIoQMD/TXg5uZV.0P.uO8m3YEm", "Kk4DQuMMfZL9O", false},
		{"$2y" + string(h[3:]), "pw", true},
		{string(h), "pw", true},
		{string(h), "pW", false},
		{"", "pw", false},
		{"plaintext-pw", "plaintext-pw", false},
		{"$2b$12$notarealhashnotarealhashnotarealhashnotarealhas", "x", false},
	} {
		ok, err := p.verify(ctx, c.hash, c.pw)
		if err != nil || ok != c.ok {
			t.Errorf("verify(%q, %q) = %v, %v", c.hash, c.pw, ok, err)
		}
	}
	if p.lastCost.Load() != int32(bcrypt.MinCost) {
		t.Fatalf("last cost %d", p.lastCost.Load())
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	for range cap(p.sem) {
		p.sem <- struct{}{}
	}
	if _, err := p.verify(cancelled, string(h), "pw"); err == nil {
		t.Fatal("verify with all slots busy and a cancelled context succeeded")
	}
}

func TestLimiterMemoryIsBounded(t *testing.T) {
	l := newLimiter(3, time.Minute)
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 5000 {
		l.begin(t0, fmt.Sprintf("address:%d", i), fmt.Sprintf("account:%d", i))
	}
	if n := l.size(); n != 10_000 {
		t.Fatalf("%d keys, want 10000", n)
	}
	// Past the window, the next attempt sweeps every expired key.
	l.begin(t0.Add(2*time.Minute), "address:y", "account:new")
	if n := l.size(); n != 2 {
		t.Fatalf("after the window: %d keys, want 2", n)
	}
	// A flood of distinct keys within the window stays under the cap.
	l.maxKeys = 1000
	for i := range 10_000 {
		l.begin(t0.Add(3*time.Minute), fmt.Sprintf("address:%d", i), "account:flooded")
		if n := l.size(); n > l.maxKeys {
			t.Fatalf("%d keys, cap %d", n, l.maxKeys)
		}
	}
	// Each key holds at most max timestamps.
	for range 10 {
		l.begin(t0.Add(4*time.Minute), "address:0", "account:0")
	}
	l.mu.Lock()
	n := len(l.failures["address:0"])
	l.mu.Unlock()
	if n > 3 {
		t.Fatalf("%d timestamps kept for one key", n)
	}
}

func TestReportsCoalesceAndShedLoad(t *testing.T) {
	var calls atomic.Int32
	release := make(chan struct{})
	rs := newReports(func(ctx context.Context, id, name string, p backend.Period) (*backend.Report, error) {
		calls.Add(1)
		select {
		case <-release:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return &backend.Report{UserID: id, Username: name}, nil
	}, time.Minute)
	ctx := context.Background()
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if r, err := rs.get(ctx, "u1", "one", backend.Period{}); err != nil || r.UserID != "u1" {
				t.Errorf("get: %v %v", r, err)
			}
		})
	}
	time.Sleep(50 * time.Millisecond)
	close(release)
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Fatalf("20 identical requests made %d computations", n)
	}

	// All slots busy: a request gives up at its own deadline.
	for range cap(rs.slots) {
		rs.slots <- struct{}{}
	}
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	if _, err := rs.get(short, "u2", "two", backend.Period{}); !errors.Is(err, errBusy) {
		t.Fatalf("want errBusy, got %v", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Fatal("the busy answer took too long")
	}
	// Queue full: refused at once, whatever the deadline.
	rs.waiting.Store(rs.maxWait)
	start = time.Now()
	if _, err := rs.get(ctx, "u3", "three", backend.Period{}); !errors.Is(err, errBusy) {
		t.Fatalf("want errBusy, got %v", err)
	}
	if time.Since(start) > time.Second {
		t.Fatal("a full queue should refuse at once")
	}
}
