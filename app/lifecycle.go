package app

import (
	"context"
	"sync"
)

// Lifecycle owns the app-wide context: every bound call derives its deadline
// from it, and Shutdown cancels whatever is still in flight.
type Lifecycle struct {
	mu     sync.Mutex
	ctx    context.Context
	cancel context.CancelFunc
}

// NewLifecycle returns a Lifecycle whose context is live until Shutdown.
func NewLifecycle() *Lifecycle {
	ctx, cancel := context.WithCancel(context.Background())
	return &Lifecycle{ctx: ctx, cancel: cancel}
}

// Context returns the app-wide context.
func (l *Lifecycle) Context() context.Context {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.ctx
}

// Shutdown cancels the app-wide context and so all work in flight.
func (l *Lifecycle) Shutdown() { l.cancel() }
