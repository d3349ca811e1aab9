package main

import (
	"context"
	"fmt"
	"syscall"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"usagedash/backend"
	"usagedash/backend/mongodb"
	"usagedash/backend/pricing"
)

// span is how long a measured step took: wall-clock time, and the CPU time
// of this whole process (the client and the embedded FerretDB server), which
// other programs on a busy machine disturb much less than wall time.
type span struct {
	Wall, CPU time.Duration
}

func (s span) String() string {
	return fmt.Sprintf("%.2fs (CPU %.2fs)", s.Wall.Seconds(), s.CPU.Seconds())
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// timed runs f and returns how long it took.
func timed(f func() error) (span, error) {
	began, cpu := time.Now(), cpuTime()
	err := f()
	return span{Wall: time.Since(began), CPU: cpuTime() - cpu}, err
}

// best runs f n times and keeps the fastest run (the least disturbed by the
// rest of the machine).
func best(n int, f func() error) (span, error) {
	var min span
	for i := 0; i < n; i++ {
		d, err := timed(f)
		if err != nil {
			return span{}, err
		}
		min = keepMin(min, d, i)
	}
	return min, nil
}

// keepMin keeps the lower wall and CPU times of the i-th run and earlier ones.
func keepMin(cur, d span, i int) span {
	if i == 0 {
		return d
	}
	return span{Wall: min(cur.Wall, d.Wall), CPU: min(cur.CPU, d.CPU)}
}

// userFilter is the filter of the find the source runs for a user: the
// user's instance ids with $in and the period's timestamp range.
func userFilter(ctx context.Context, db *mongo.Database, userID string, p backend.Period) (bson.D, error) {
	cur, err := db.Collection("instances").Find(ctx, bson.D{{Key: "user_id", Value: userID}},
		options.Find().SetProjection(bson.D{{Key: "_id", Value: 0}, {Key: "id", Value: 1}}))
	if err != nil {
		return nil, err
	}
	ids := []string{} // not nil: nil would mean every log
	for cur.Next(ctx) {
		if id, ok := cur.Current.Lookup("id").StringValueOK(); ok {
			ids = append(ids, id)
		}
	}
	if err := cur.Err(); err != nil {
		return nil, err
	}
	return mongodb.LogFilter(ids, p), nil
}

// drain reads every document of the find without decoding it: the floor
// any client of this query pays.
func drain(ctx context.Context, db *mongo.Database, filter bson.D) (int64, error) {
	cur, err := db.Collection("logs").Find(ctx, filter, mongodb.LogFindOptions())
	if err != nil {
		return 0, err
	}
	defer cur.Close(context.WithoutCancel(ctx))
	var n int64
	for cur.Next(ctx) {
		n++
	}
	return n, cur.Err()
}

// report runs the source's report and sanity-checks it.
func report(ctx context.Context, src *mongodb.Source, account string, p backend.Period) (*backend.Report, error) {
	r, err := src.Report(ctx, backend.Query{Account: account, Period: p, Pricer: pricing.Default()})
	if err != nil {
		return nil, err
	}
	if r.Breakdowns == nil || r.Series == nil || r.Pricing == nil {
		return nil, fmt.Errorf("report without breakdowns, series or pricing")
	}
	return r, nil
}

// logsIn is how many logs a report summed (its series rows' counts).
func logsIn(r *backend.Report) int64 {
	var n int64
	for _, d := range r.Series.Rows {
		n += d.Logs
	}
	return n
}
