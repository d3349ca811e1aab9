package server

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"

	"golang.org/x/crypto/bcrypt"
)

// defaultDummyCost is the cost of the dummy hash until a real hash has been
// seen: passlib's and Python bcrypt's default.
const defaultDummyCost = 12

// maxDummyCost caps the dummy hash's cost (a stored hash could claim any).
const maxDummyCost = 16

// passwords verifies bcrypt hashes, including Python bcrypt's "$2b$" and
// PHP's "$2y$" prefixes, which golang.org/x/crypto/bcrypt reads as it reads
// "$2a$" (the algorithm is the same for passwords of at most 72 bytes).
//
// Comparisons run at most a few at a time (bcrypt is CPU-bound by design),
// and a missing account costs the same as a wrong password: a dummy hash of
// the cost last seen in the database is compared.
type passwords struct {
	sem      chan struct{}
	lastCost atomic.Int32
	seen     atomic.Bool // lastCost comes from a real hash

	mu      sync.Mutex
	dummies map[int][]byte
}

func newPasswords() *passwords {
	p := &passwords{sem: make(chan struct{}, max(2, runtime.GOMAXPROCS(0))), dummies: map[int][]byte{}}
	p.lastCost.Store(defaultDummyCost)
	return p
}

// verify reports whether password matches hash. A malformed hash is a
// mismatch (at the cost of a dummy comparison). It fails only when ctx ends
// while waiting for a free comparison slot.
func (p *passwords) verify(ctx context.Context, hash, password string) (bool, error) {
	if err := p.acquire(ctx); err != nil {
		return false, err
	}
	defer p.release()
	cost, err := bcrypt.Cost([]byte(hash))
	if err != nil {
		p.compareDummy(password)
		return false, nil
	}
	p.observe(cost)
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) == nil, nil
}

// observe records the cost of a hash stored in the database.
func (p *passwords) observe(cost int) {
	p.lastCost.Store(int32(min(cost, maxDummyCost)))
	p.seen.Store(true)
}

// costKnown reports whether the dummy's cost comes from a real hash.
func (p *passwords) costKnown() bool { return p.seen.Load() }

// spend compares password with a dummy hash, so that an unknown account
// takes as long to refuse as a wrong password.
func (p *passwords) spend(ctx context.Context, password string) error {
	if err := p.acquire(ctx); err != nil {
		return err
	}
	defer p.release()
	p.compareDummy(password)
	return nil
}

func (p *passwords) compareDummy(password string) {
	_ = bcrypt.CompareHashAndPassword(p.dummy(int(p.lastCost.Load())), []byte(password))
}

// dummy returns a hash of a random-looking string at cost, made once per cost.
func (p *passwords) dummy(cost int) []byte {
	cost = max(bcrypt.MinCost, min(cost, maxDummyCost))
	p.mu.Lock()
	defer p.mu.Unlock()
	if h, ok := p.dummies[cost]; ok {
		return h
	}
	h, err := bcrypt.GenerateFromPassword([]byte("usagedash: no such account"), cost)
	if err != nil {
		// Cannot happen for a valid cost and a short password; fall back to
		// a fixed well-formed hash so the comparison still runs.
		h = []byte("$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy")
	}
	p.dummies[cost] = h
	return h
}

func (p *passwords) acquire(ctx context.Context) error {
	select {
	case p.sem <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (p *passwords) release() { <-p.sem }
