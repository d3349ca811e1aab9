package backend

// EveryoneUsername is the Username of the everyone report (whose UserID is
// ""): the whole team's usage, see Everyone.
const EveryoneUsername = "Everyone"

// UserSummary is one platform user as a user picker lists them. It never
// carries the password hash.
type UserSummary struct {
	ID       string `json:"id"`
	Username string `json:"username"`
	Email    string `json:"email"`
	FullName string `json:"full_name"`
	IsActive bool   `json:"is_active"`
}

// ServerInfo describes a database connection for a connection test: what
// answered and how much data it holds.
type ServerInfo struct {
	// Version is the server's version (buildInfo), with the FerretDB version
	// when the server is FerretDB, such as "7.0.77 (FerretDB v1.24.2)".
	Version string `json:"version"`
	// Database is the database the connection reads.
	Database string `json:"database"`
	// PlatformSchema is true when the database has the platform's users and
	// logs collections.
	PlatformSchema bool `json:"platform_schema"`
	// Users is how many user documents the database has.
	Users int64 `json:"users"`
	// Logs is the server's estimate of how many log documents there are, or
	// -1 when the server could not say quickly (FerretDB counts by scanning).
	Logs int64 `json:"logs"`
}
