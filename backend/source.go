package backend

import (
	"context"
	"time"
)

// Query asks a Source for one report.
type Query struct {
	// Account is the username or email whose usage to report. A platform
	// source ignores it (the signed-in user is the account).
	Account string
	// Period is the period to cover.
	Period Period
	// Pricer prices logs from their tokens; nil computes no Report.Pricing.
	Pricer Pricer
	// TotalsOnly says the caller needs the headline figures only (the
	// tray's refresh): a source whose Series costs extra requests (the
	// platform API, one call per bucket) skips it.
	TotalsOnly bool
}

// Pricer prices logs at API prices from a dated price table.
type Pricer interface {
	// Version and Source identify the price table.
	Version() string
	Source() string
	// Model returns the pricer of one model id ("" when unknown). Callers
	// resolve it once per model, so pricing each log stays cheap.
	Model(model string) ModelPricer
}

// ModelPricer prices the logs of one model.
type ModelPricer interface {
	// Price prices one log (treated as one request) made at at with tokens t.
	Price(at time.Time, t TokenBreakdown) LogPrice
}

// LogPrice is one log's cost at API prices.
type LogPrice struct {
	// Priced is false when the model has no known price; USD is then 0.
	Priced bool
	// LongContext is set when the log's prompt tokens cross the model's
	// long-context threshold; USD is still at the standard rates (a log
	// may sum several requests) and LongContextExtraUSD is what it would
	// cost more as one long-context request.
	LongContext         bool
	LongContextExtraUSD float64
	USD                 float64
	// CacheSavedUSD is what caching saved on the log (see PricingSummary).
	CacheSavedUSD float64
}

// Source is anything that can produce usage reports: the platform API or the
// platform's MongoDB. Implementations must honour ctx's deadline.
type Source interface {
	// Info describes the source without secrets.
	Info() SourceInfo
	// Report computes or fetches the report for q. Errors are *Error values.
	Report(ctx context.Context, q Query) (*Report, error)
	// Close releases connections; it honours ctx's deadline.
	Close(ctx context.Context) error
}
