package backend

import "time"

// BucketUsage is the usage of one closed bucket of a series, as kept by a
// BucketStore: what a source that fetches a series bucket by bucket (the
// platform API) would otherwise ask for again.
type BucketUsage struct {
	Tokens          TokenBreakdown `json:"tokens"`
	CostUSD         float64        `json:"cost_usd"`
	ExecutionTimeMS int64          `json:"execution_time_ms"`
}

// BucketStore keeps the usage of buckets that have ended, so that a refresh
// asks only for the buckets still open ("Last 30 days" asks for today).
// Buckets are keyed by Bucket.Span (their exact instants, whatever the zone
// they were built in) within a scope that names the connection and the
// account (a profile id): one account's buckets are never another's.
// Implementations are safe for concurrent use.
type BucketStore interface {
	// Get returns the stored usage of the spans it has, keyed by span.
	Get(scope string, spans []string) (map[string]BucketUsage, error)
	// Put stores the usage of closed buckets, keyed by span.
	Put(scope string, usage map[string]BucketUsage) error
}

// BucketSettle is how long after a bucket's last instant it counts as
// closed: a log written in the bucket's last moments has reached the
// database by then.
const BucketSettle = 2 * time.Minute

// Span identifies the bucket by its exact first and last instant, in UTC
// with milliseconds ("2026-11-01T05:00:00.000Z/2026-11-01T05:59:59.999Z").
func (b Bucket) Span() string {
	const layout = "2006-01-02T15:04:05.000Z07:00"
	return b.Start.UTC().Format(layout) + "/" + b.End.UTC().Format(layout)
}

// ClosedAt reports whether the bucket has ended at now (BucketSettle after
// its last instant), so its usage can no longer change.
func (b Bucket) ClosedAt(now time.Time) bool {
	return now.After(b.End.Add(BucketSettle))
}
