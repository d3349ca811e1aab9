package server

import (
	"context"
	"errors"
	"runtime"
	"strconv"
	"sync/atomic"
	"time"

	"golang.org/x/sync/singleflight"

	"usagedash/backend"
)

// queuePerSlot is how many computations may wait per running one; beyond
// that, requests are refused at once rather than after their deadline.
const queuePerSlot = 16

// errBusy means no computation slot was free in time, or too many waited.
var errBusy = errors.New("server busy")

// reports computes usage reports with admission control and coalescing.
//
// A report scans the user's logs, which is CPU-bound on the database side
// (FerretDB decodes every document). Running every request at once makes
// them all share the CPU and all miss their deadline together; instead at
// most a few computations run at a time, a bounded number wait for a slot
// (until their own deadline), and the rest are refused at once with 503 so
// that clients can retry. Identical requests in flight (same user and
// period) share one computation.
type reports struct {
	compute func(ctx context.Context, userID, username string, p backend.Period) (*backend.Report, error)
	slots   chan struct{}
	waiting atomic.Int32
	maxWait int32
	timeout time.Duration
	flights singleflight.Group
}

func newReports(compute func(context.Context, string, string, backend.Period) (*backend.Report, error), timeout time.Duration) *reports {
	n := max(2, runtime.GOMAXPROCS(0))
	return &reports{compute: compute, slots: make(chan struct{}, n), maxWait: int32(n * queuePerSlot), timeout: timeout}
}

// get returns the report of the user over p, or errBusy, or the
// computation's error. It returns when ctx ends even if the shared
// computation goes on for other waiters.
func (rs *reports) get(ctx context.Context, userID, username string, p backend.Period) (*backend.Report, error) {
	key := userID + "|" + bound(p.Start) + "|" + bound(p.End)
	ch := rs.flights.DoChan(key, func() (any, error) {
		// Detached from the first caller, so that its leaving does not fail
		// the others; bounded by the request timeout all the same.
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), rs.timeout)
		defer cancel()
		if rs.waiting.Add(1) > rs.maxWait {
			rs.waiting.Add(-1)
			return nil, errBusy
		}
		select {
		case rs.slots <- struct{}{}:
			rs.waiting.Add(-1)
		case <-cctx.Done():
			rs.waiting.Add(-1)
			return nil, errBusy
		}
		defer func() { <-rs.slots }()
		return rs.compute(cctx, userID, username, p)
	})
	select {
	case res := <-ch:
		if res.Err != nil {
			return nil, res.Err
		}
		return res.Val.(*backend.Report), nil
	case <-ctx.Done():
		return nil, errBusy
	}
}

func bound(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return strconv.FormatInt(t.UnixNano(), 10)
}
