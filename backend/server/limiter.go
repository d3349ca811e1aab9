package server

import (
	"net/netip"
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

// limiter counts failed sign-ins in a sliding window, per client address and
// per resolved account (the platform user id a username or email leads to,
// so the username and the email share one count; a name that leads to no
// account is counted under the name, lowercased).
//
// The two limits differ in kind, so that guesses are bounded while an
// attacker cannot lock the owner out:
//
//   - Per address, the limit is hard: an address with max failures in the
//     window is refused for every account until its oldest failure leaves
//     the window. One address gets at most max guesses per window.
//   - Per account, the limit applies to tainted addresses only: once an
//     account has max failures in the window, an address that has itself
//     failed within the window (against any account) is refused for it,
//     until the account's failures or the address's own failures leave the
//     window, whichever comes first. An address without failures is still
//     let through, so the owner signing in from their usual computer gets
//     in with the right password however many addresses guess at the
//     account; a wrong password from it taints it at once.
//
// So guessing one account past max needs a fresh address (an IPv6 /64
// counts as one address) for each further guess, and the owner is never
// locked out for longer than one window after their own last failure.
//
// An attempt is counted as a failure when it starts, so concurrent guesses
// cannot overshoot the limit; a success or a failure that was not about the
// password (the database did not answer) takes it back.
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

// addressKey is the limiter key of a client IP: the address itself, or for
// IPv6 its /64 network (one subscriber's addresses).
func addressKey(ip string) string {
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return "address:" + ip
	}
	if a.Is6() && !a.Is4In6() {
		p, _ := a.Prefix(64)
		return "address:" + p.String()
	}
	return "address:" + a.Unmap().String()
}

// blocked reports whether the address has reached its hard limit, and how
// long until it may try again. It counts nothing.
func (l *limiter) blocked(now time.Time, address string) (time.Duration, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.maybePrune(now)
	if ts := l.recent(address, now); len(ts) >= l.max {
		return l.until(ts, now), true
	}
	return 0, false
}

// begin admits a sign-in attempt from address to account at now, or refuses
// it (see limiter) and says how long until it would be admitted. An
// admitted attempt is counted as a failure of both keys until settled.
func (l *limiter) begin(now time.Time, address, account string) (*attempt, time.Duration, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.maybePrune(now)
	addr := l.recent(address, now)
	if len(addr) >= l.max {
		return nil, l.until(addr, now), false
	}
	if acct := l.recent(account, now); len(acct) >= l.max && len(addr) > 0 {
		clean := addr[len(addr)-1].Add(l.window).Sub(now)
		return nil, min(l.until(acct, now), clean), false
	}
	keys := []string{address, account}
	for _, k := range keys {
		ts := append(l.failures[k], now)
		if len(ts) > l.max {
			ts = slices.Delete(ts, 0, len(ts)-l.max)
		}
		l.failures[k] = ts
	}
	return &attempt{keys: keys, at: now}, 0, true
}

// until is how long until fewer than max of the failures ts remain.
func (l *limiter) until(ts []time.Time, now time.Time) time.Duration {
	return ts[len(ts)-l.max].Add(l.window).Sub(now)
}

// takeBack settles an attempt that was not a wrong password: a success, or
// a failure of the database. A success does not clear earlier failures:
// the owner getting in says nothing about the guesses made at the account
// or from the address against other accounts.
func (l *limiter) takeBack(a *attempt) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, k := range a.keys {
		ts := l.failures[k]
		if i := slices.Index(ts, a.at); i >= 0 {
			ts = slices.Delete(ts, i, i+1)
		}
		if len(ts) == 0 {
			delete(l.failures, k)
			continue
		}
		l.failures[k] = ts
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
