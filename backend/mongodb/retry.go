package mongodb

import (
	"context"
	"time"

	"usagedash/backend"
)

// retryDelays are the pauses before the second and third attempt at a
// report that failed on a transient network error.
var retryDelays = []time.Duration{200 * time.Millisecond, 800 * time.Millisecond}

// probeTimeout bounds the ping that checks the server is back before a new
// attempt, so a server that stays down fails fast instead of using up the
// caller's whole deadline in server selection.
var probeTimeout = 2 * time.Second

// withRetry runs compute, and runs it again from scratch (up to three
// attempts in all) when it fails on a transient network error, the pause
// fits in ctx's deadline, and the server answers a ping again. Each attempt
// builds a whole report: results of a failed attempt are never reused. When
// the server does not come back, the first attempt's error is returned.
func (s *Source) withRetry(ctx context.Context, compute func(context.Context) (*backend.Report, error)) (*backend.Report, error) {
	r, first := compute(ctx)
	err := first
	for _, delay := range retryDelays {
		if err == nil || !transient(err) || !s.waitAndProbe(ctx, delay) {
			break
		}
		r, err = compute(ctx)
	}
	if err != nil {
		if transient(err) {
			return nil, first
		}
		return nil, err
	}
	return r, nil
}

// waitAndProbe pauses for delay and pings the server, within ctx's deadline.
func (s *Source) waitAndProbe(ctx context.Context, delay time.Duration) bool {
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < delay {
		return false
	}
	t := time.NewTimer(delay)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
	}
	pctx, cancel := context.WithTimeout(ctx, probeTimeout)
	defer cancel()
	return s.client.Ping(pctx, nil) == nil
}
