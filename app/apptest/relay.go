package apptest

import (
	"io"
	"net"
	"net/url"
	"sync"
	"testing"
)

// Relay is a loopback TCP address that stays the same while the server
// behind it comes and goes, so a test can take a server down and bring it
// back without reusing a port: with no target it hangs up on every
// connection (a server that is down), with one it forwards to it.
type Relay struct {
	l net.Listener

	mu     sync.Mutex
	target string
	conns  map[net.Conn]struct{}
}

// NewRelay listens on a free loopback port until the test ends.
func NewRelay(t testing.TB) *Relay {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r := &Relay{l: l, conns: map[net.Conn]struct{}{}}
	go r.serve()
	t.Cleanup(r.close)
	return r
}

// Addr is the relay's host:port.
func (r *Relay) Addr() string { return r.l.Addr().String() }

// Forward sends new connections to target (host:port); "" hangs up on
// them, and also cuts the connections relayed so far.
func (r *Relay) Forward(target string) {
	r.mu.Lock()
	r.target = target
	var cut []net.Conn
	if target == "" {
		for c := range r.conns {
			cut = append(cut, c)
		}
	}
	r.mu.Unlock()
	for _, c := range cut {
		c.Close()
	}
}

func (r *Relay) serve() {
	for {
		c, err := r.l.Accept()
		if err != nil {
			return
		}
		go r.relay(c)
	}
}

// relay joins c to the target, or hangs up when there is none.
func (r *Relay) relay(c net.Conn) {
	r.mu.Lock()
	target := r.target
	r.mu.Unlock()
	if target == "" {
		c.Close()
		return
	}
	up, err := net.Dial("tcp", target)
	if err != nil {
		c.Close()
		return
	}
	r.track(c, up)
	done := make(chan struct{}, 2)
	pipe := func(dst, src net.Conn) { _, _ = io.Copy(dst, src); done <- struct{}{} }
	go pipe(up, c)
	go pipe(c, up)
	<-done
	c.Close()
	up.Close()
	<-done
	r.untrack(c, up)
}

func (r *Relay) track(conns ...net.Conn) {
	r.mu.Lock()
	for _, c := range conns {
		r.conns[c] = struct{}{}
	}
	r.mu.Unlock()
}

func (r *Relay) untrack(conns ...net.Conn) {
	r.mu.Lock()
	for _, c := range conns {
		delete(r.conns, c)
	}
	r.mu.Unlock()
}

// close stops listening and cuts every relayed connection.
func (r *Relay) close() {
	r.l.Close()
	r.Forward("")
}

// Host returns the host:port of a mongodb:// or http:// URI.
func Host(t testing.TB, uri string) string {
	t.Helper()
	u, err := url.Parse(uri)
	if err != nil || u.Host == "" {
		t.Fatalf("no host in %q: %v", uri, err)
	}
	return u.Host
}
