package backend

import "context"

// Query asks a Source for one report.
type Query struct {
	// Account is the username or email whose usage to report. A platform
	// source ignores it (the signed-in user is the account).
	Account string
	// Period is the period to cover.
	Period Period
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
