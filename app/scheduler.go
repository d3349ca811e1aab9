package app

import (
	"context"
	"time"
)

// maxBackoff bounds how far refreshes are spaced out while offline.
const maxBackoff = 30 * time.Minute

// Scheduler runs a refresh on the user's cadence, at once on request, and
// spaces refreshes out (doubling, up to maxBackoff) while they fail. Between
// refreshes it sleeps: no polling, no busy loops.
type Scheduler struct {
	interval func() time.Duration
	wake     <-chan struct{}
	refresh  func(ctx context.Context) bool
	failures int
}

// NewScheduler returns a Scheduler that calls refresh (true: it succeeded)
// every interval() and whenever wake delivers.
func NewScheduler(interval func() time.Duration, wake <-chan struct{}, refresh func(ctx context.Context) bool) *Scheduler {
	return &Scheduler{interval: interval, wake: wake, refresh: refresh}
}

// Run refreshes until ctx ends.
func (s *Scheduler) Run(ctx context.Context) {
	for ctx.Err() == nil {
		if s.refresh(ctx) {
			s.failures = 0
		} else {
			s.failures++
		}
		timer := time.NewTimer(nextDelay(s.interval(), s.failures))
		select {
		case <-ctx.Done():
		case <-s.wake:
		case <-timer.C:
		}
		timer.Stop()
	}
}

// nextDelay is interval doubled per consecutive failure: never shorter than
// the interval, never longer than maxBackoff unless the interval itself is.
func nextDelay(interval time.Duration, failures int) time.Duration {
	d := interval
	for i := 0; i < failures && d < maxBackoff; i++ {
		d *= 2
	}
	return min(d, max(maxBackoff, interval))
}
