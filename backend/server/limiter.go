package server

import (
	"slices"
	"sync"
	"time"
)

// maxLimiterKeys bounds the limiter's memory: when it is reached, expired
// entries are pruned, then arbitrary entries are dropped down to 90% of it
// (so a flood of distinct keys costs amortised constant time per attempt).
// Only a flood of that many distinct addresses or names can make the limiter
// forget a key early.
const maxLimiterKeys = 100_000

// pruneEvery is how often (in limiter time) expired entries are swept.
const pruneEvery = time.Minute

// limiter counts failed sign-ins per key (account, client address) in a
// sliding window. An attempt is counted as a failure when it starts, so
// concurrent guesses cannot overshoot the limit; a success takes it back.
type limiter struct {
	max     int
	window  time.Duration
	maxKeys int

	mu        sync.Mutex
	failures  map[string][]time.Time // at most max recent failures per key, oldest first
	lastPrune time.Time
}

func newLimiter(max int, window time.Duration) *limiter {
	return &limiter{max: max, window: window, maxKeys: maxLimiterKeys, failures: make(map[string][]time.Time)}
}

// attempt is a sign-in attempt admitted by the limiter.
type attempt struct {
	keys []string
	at   time.Time
}

// begin admits a sign-in attempt for keys at now, or refuses it and says
// how long until one more attempt is allowed when any key has reached the
// limit. An admitted attempt is counted as a failure until settled.
func (l *limiter) begin(now time.Time, keys ...string) (*attempt, time.Duration, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.maybePrune(now)
	var wait time.Duration
	for _, k := range keys {
		recent := l.recent(k, now)
		if len(recent) >= l.max {
			wait = max(wait, recent[len(recent)-l.max].Add(l.window).Sub(now))
		}
	}
	if wait > 0 {
		return nil, wait, false
	}
	for _, k := range keys {
		ts := append(l.failures[k], now)
		if len(ts) > l.max {
			ts = slices.Delete(ts, 0, len(ts)-l.max)
		}
		l.failures[k] = ts
	}
	return &attempt{keys: keys, at: now}, 0, true
}

// succeeded settles a successful attempt: the first key's (the account's)
// failures are forgotten, and the attempt is taken back from the others.
// The address counter is not reset, so signing in to one's own account does
// not clear failures made against other accounts.
func (l *limiter) succeeded(a *attempt) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.failures, a.keys[0])
	for _, k := range a.keys[1:] {
		l.takeBack(k, a.at)
	}
}

// cancel takes back an attempt that failed for reasons other than the
// credentials (the database did not answer).
func (l *limiter) cancel(a *attempt) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, k := range a.keys {
		l.takeBack(k, a.at)
	}
}

// recent drops k's failures older than the window and returns the rest.
func (l *limiter) recent(k string, now time.Time) []time.Time {
	ts := l.failures[k]
	cut := 0
	for cut < len(ts) && !ts[cut].After(now.Add(-l.window)) {
		cut++
	}
	if cut == 0 {
		return ts
	}
	if cut == len(ts) {
		delete(l.failures, k)
		return nil
	}
	ts = slices.Delete(ts, 0, cut)
	l.failures[k] = ts
	return ts
}

func (l *limiter) takeBack(k string, at time.Time) {
	ts := l.failures[k]
	if i := slices.Index(ts, at); i >= 0 {
		ts = slices.Delete(ts, i, i+1)
	}
	if len(ts) == 0 {
		delete(l.failures, k)
		return
	}
	l.failures[k] = ts
}

// maybePrune sweeps expired keys every pruneEvery, or at once when the map
// is full; if it is still nearly full, arbitrary keys are dropped.
func (l *limiter) maybePrune(now time.Time) {
	full := len(l.failures) >= l.maxKeys
	if !full && now.Sub(l.lastPrune) < pruneEvery && !now.Before(l.lastPrune) {
		return
	}
	l.lastPrune = now
	for k := range l.failures {
		l.recent(k, now)
	}
	for k := range l.failures {
		if len(l.failures) <= l.maxKeys*9/10 {
			break
		}
		delete(l.failures, k)
	}
}

// size is the number of keys tracked (for tests).
func (l *limiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.failures)
}
