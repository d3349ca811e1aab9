package backend

import "context"

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
	// Parts, when not empty, are the parts of the report the caller needs
	// (see ReportPart); a source may skip the others and leaves them out of
	// Report.Parts. Empty asks for every part.
	Parts []ReportPart
	// OnPart, when set, is called with the report so far as each wanted
	// part arrives (or fails), before Report returns; a source that computes
	// every part at once may call it for none (ReportInParts then delivers
	// them from the result). It is never called concurrently, and r must
	// not be kept: take r.Snapshot().
	OnPart func(part ReportPart, r *Report)
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
